# Unclosed parenthesis: the paren opened on line N is never closed.
# A syntax error: nothing runs, stdout is empty, exit code 1. gilscope aims for output close to CPython's.
# Recorded stderr (run as `pythonX.Y 01_unclosed_paren.py` from this directory; CPython prints the absolute path, abbreviated here as ...):
# --- python 3.11 and 3.12 and 3.13 (exit 1, stdout empty):
#     File ".../vm/testdata/syntax/01_unclosed_paren.py", line 10
#       total = (1 + 2
#               ^
#   SyntaxError: '(' was never closed
print("this line is fine")
total = (1 + 2
print("never printed", total)
