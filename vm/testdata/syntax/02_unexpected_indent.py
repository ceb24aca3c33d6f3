# Unexpected indent: a statement indented deeper than the block it is in.
# A syntax error: nothing runs, stdout is empty, exit code 1. gilscope aims for output close to CPython's.
# Recorded stderr (run as `pythonX.Y 02_unexpected_indent.py` from this directory; CPython prints the absolute path, abbreviated here as ...):
# --- python 3.11 and 3.12 and 3.13 (exit 1, stdout empty):
#     File ".../vm/testdata/syntax/02_unexpected_indent.py", line 10
#       y = 2
#   IndentationError: unexpected indent
print("start")
x = 1
    y = 2
print(x, y)
