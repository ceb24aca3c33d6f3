# Uncaught NameError from a bare reference to a name with no close match (so no "Did you mean" suggestion).
# Expected: exit code 1, stdout = the lines printed before the failure, stderr (3.11 and 3.12 identical;
# CPython prints the absolute script path, abbreviated here as .../):
#   Traceback (most recent call last):
#     File ".../vm/testdata/errors/08_nameerror.py", line 21, in <module>
#       compute()
#     File ".../vm/testdata/errors/08_nameerror.py", line 18, in compute
#       undefined_helper_function
#   NameError: name 'undefined_helper_function' is not defined
# python 3.13 differs (caret lines under call sites):
#   @@ -3,0 +4 @@
#   +    ~~~~~~~^^
def compute():
    total = 0
    for i in range(3):
        total += i
    print("total", total)
    undefined_helper_function


compute()
