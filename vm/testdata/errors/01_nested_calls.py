# Uncaught ValueError raised three calls deep; every call site is a whole-line statement (no caret lines in 3.11/3.12).
# Expected: exit code 1, stdout = the lines printed before the failure, stderr (3.11 and 3.12 identical;
# CPython prints the absolute script path, abbreviated here as .../):
#   Traceback (most recent call last):
#     File ".../vm/testdata/errors/01_nested_calls.py", line 38, in <module>
#       main()
#     File ".../vm/testdata/errors/01_nested_calls.py", line 34, in main
#       process([1, 3, 7, 2])
#     File ".../vm/testdata/errors/01_nested_calls.py", line 29, in process
#       validate(item * 2)
#     File ".../vm/testdata/errors/01_nested_calls.py", line 23, in validate
#       raise ValueError("value too large: " + str(value))
#   ValueError: value too large: 14
# python 3.13 differs (caret lines under call sites):
#   @@ -3,0 +4 @@
#   +    ~~~~^^
#   @@ -5,0 +7 @@
#   +    ~~~~~~~^^^^^^^^^^^^^^
#   @@ -7,0 +10 @@
#   +    ~~~~~~~~^^^^^^^^^^
def validate(value):
    if value > 10:
        raise ValueError("value too large: " + str(value))
    print("ok", value)


def process(items):
    for item in items:
        validate(item * 2)


def main():
    print("starting")
    process([1, 3, 7, 2])
    print("never reached")


main()
