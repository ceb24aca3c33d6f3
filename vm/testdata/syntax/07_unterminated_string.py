# String literal not closed before end of line.
# A syntax error: nothing runs, stdout is empty, exit code 1. gilscope aims for output close to CPython's.
# Recorded stderr (run as `pythonX.Y 07_unterminated_string.py` from this directory; CPython prints the absolute path, abbreviated here as ...):
# --- python 3.11 and 3.12 and 3.13 (exit 1, stdout empty):
#     File ".../vm/testdata/syntax/07_unterminated_string.py", line 9
#       name = "world
#              ^
#   SyntaxError: unterminated string literal (detected at line 9)
name = "world
print("hello", name)
