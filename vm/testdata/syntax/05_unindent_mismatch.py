# Dedent to a column that matches no outer indentation level.
# A syntax error: nothing runs, stdout is empty, exit code 1. gilscope aims for output close to CPython's.
# Recorded stderr (run as `pythonX.Y 05_unindent_mismatch.py` from this directory; CPython prints the absolute path, abbreviated here as ...):
# --- python 3.11 and 3.12 and 3.13 (exit 1, stdout empty):
#     File ".../vm/testdata/syntax/05_unindent_mismatch.py", line 12
#       return 0
#               ^
#   IndentationError: unindent does not match any outer indentation level
def f(n):
    if n > 0:
        return 1
  return 0


print(f(1))
