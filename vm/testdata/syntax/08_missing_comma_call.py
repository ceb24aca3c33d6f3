# Two expressions side by side in a call argument list (missing comma).
# A syntax error: nothing runs, stdout is empty, exit code 1. gilscope aims for output close to CPython's.
# Recorded stderr (run as `pythonX.Y 08_missing_comma_call.py` from this directory; CPython prints the absolute path, abbreviated here as ...):
# --- python 3.11 and 3.12 and 3.13 (exit 1, stdout empty):
#     File ".../vm/testdata/syntax/08_missing_comma_call.py", line 10
#       print(len(values) max(values))
#             ^^^^^^^^^^^^^^^^^^^^^^^
#   SyntaxError: invalid syntax. Perhaps you forgot a comma?
values = [1, 2, 3]
print(len(values) max(values))
