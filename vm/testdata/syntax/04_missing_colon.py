# Missing colon after `if x > 2`.
# A syntax error: nothing runs, stdout is empty, exit code 1. gilscope aims for output close to CPython's.
# Recorded stderr (run as `pythonX.Y 04_missing_colon.py` from this directory; CPython prints the absolute path, abbreviated here as ...):
# --- python 3.11 and 3.12 and 3.13 (exit 1, stdout empty):
#     File ".../vm/testdata/syntax/04_missing_colon.py", line 10
#       if x > 2
#               ^
#   SyntaxError: expected ':'
x = 3
if x > 2
    print("big")
