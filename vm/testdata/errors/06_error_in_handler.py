# Exception raised while handling another: both tracebacks joined by "During handling of the above exception...".
# Expected: exit code 1, stdout = the lines printed before the failure, stderr (3.11 and 3.12 identical;
# CPython prints the absolute script path, abbreviated here as .../):
#   Traceback (most recent call last):
#     File ".../vm/testdata/errors/06_error_in_handler.py", line 26, in <module>
#       risky()
#     File ".../vm/testdata/errors/06_error_in_handler.py", line 21, in risky
#       raise ValueError("original problem")
#   ValueError: original problem
#
#   During handling of the above exception, another exception occurred:
#
#   Traceback (most recent call last):
#     File ".../vm/testdata/errors/06_error_in_handler.py", line 29, in <module>
#       raise RuntimeError("cleanup failed")
#   RuntimeError: cleanup failed
# python 3.13 differs (caret lines under call sites):
#   @@ -3,0 +4 @@
#   +    ~~~~~^^
def risky():
    raise ValueError("original problem")


print("before")
try:
    risky()
except ValueError:
    print("handling, then failing again")
    raise RuntimeError("cleanup failed")
