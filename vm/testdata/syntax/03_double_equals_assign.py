# Invalid syntax: `x = = 1`.
# A syntax error: nothing runs, stdout is empty, exit code 1. gilscope aims for output close to CPython's.
# Recorded stderr (run as `pythonX.Y 03_double_equals_assign.py` from this directory; CPython prints the absolute path, abbreviated here as ...):
# --- python 3.11 and 3.12 and 3.13 (exit 1, stdout empty):
#     File ".../vm/testdata/syntax/03_double_equals_assign.py", line 10
#       x = = 1
#           ^
#   SyntaxError: invalid syntax
print("start")
x = = 1
print(x)
