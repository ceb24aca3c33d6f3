# Caret line under a call that is only part of its line (`return int(text)`): 3.11/3.12 print ^^^^; 3.13 prints none here.
# Expected: exit code 1, stdout = the lines printed before the failure, stderr (3.11 and 3.12 identical;
# CPython prints the absolute script path, abbreviated here as .../):
#   Traceback (most recent call last):
#     File ".../vm/testdata/errors_carets/01_return_call.py", line 36, in <module>
#       print(total(["4", "5", "six"]))
#             ^^^^^^^^^^^^^^^^^^^^^^^^
#     File ".../vm/testdata/errors_carets/01_return_call.py", line 31, in total
#       result += parse(t)
#                 ^^^^^^^^
#     File ".../vm/testdata/errors_carets/01_return_call.py", line 25, in parse
#       return int(text)
#              ^^^^^^^^^
#   ValueError: invalid literal for int() with base 10: 'six'
# python 3.13 differs (caret lines under call sites):
#   @@ -4 +4 @@
#   -          ^^^^^^^^^^^^^^^^^^^^^^^^
#   +          ~~~~~^^^^^^^^^^^^^^^^^^^
#   @@ -7 +7 @@
#   -              ^^^^^^^^
#   +              ~~~~~^^^
#   @@ -10 +9,0 @@
#   -           ^^^^^^^^^
def parse(text):
    return int(text)


def total(tokens):
    result = 0
    for t in tokens:
        result += parse(t)
        print("running total", result)
    return result


print(total(["4", "5", "six"]))
