# Uncaught ValueError raised by the builtin int() on bad input; the failing call is a whole-line statement.
# Expected: exit code 1, stdout = the lines printed before the failure, stderr (3.11 and 3.12 identical;
# CPython prints the absolute script path, abbreviated here as .../):
#   Traceback (most recent call last):
#     File ".../vm/testdata/errors/03_builtin_int.py", line 21, in <module>
#       check_number(token)
#     File ".../vm/testdata/errors/03_builtin_int.py", line 17, in check_number
#       int(text)
#   ValueError: invalid literal for int() with base 10: '0x1f'
# python 3.13 differs (caret lines under call sites):
#   @@ -3,0 +4 @@
#   +    ~~~~~~~~~~~~^^^^^^^
#   @@ -5,0 +7 @@
#   +    ~~~^^^^^^
def check_number(text):
    print("checking", repr(text))
    int(text)


for token in ["12", "-7", "0x1f", "9"]:
    check_number(token)
print("never reached")
