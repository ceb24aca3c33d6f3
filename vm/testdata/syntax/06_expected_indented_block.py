# Function body not indented.
# A syntax error: nothing runs, stdout is empty, exit code 1. gilscope aims for output close to CPython's.
# Recorded stderr (run as `pythonX.Y 06_expected_indented_block.py` from this directory; CPython prints the absolute path, abbreviated here as ...):
# --- python 3.11 and 3.12 (exit 1, stdout empty):
#     File ".../vm/testdata/syntax/06_expected_indented_block.py", line 15
#       return n * 2
#       ^
#   IndentationError: expected an indented block after function definition on line 14
# --- python 3.13 (exit 1, stdout empty):
#     File ".../vm/testdata/syntax/06_expected_indented_block.py", line 15
#       return n * 2
#       ^^^^^^
#   IndentationError: expected an indented block after function definition on line 14
def f(n):
return n * 2


print(f(1))
