# IndexError from a subscript inside a function: ~~~^^^ under the subscript; call site is a partial-line call.
# Expected: exit code 1, stdout = the lines printed before the failure, stderr (3.11 and 3.12 identical;
# CPython prints the absolute script path, abbreviated here as .../):
#   Traceback (most recent call last):
#     File ".../vm/testdata/errors_carets/06_list_index_in_function.py", line 22, in <module>
#       print(nth(data, 3))
#             ^^^^^^^^^^^^
#     File ".../vm/testdata/errors_carets/06_list_index_in_function.py", line 17, in nth
#       return items[n]
#              ~~~~~^^^
#   IndexError: list index out of range
# python 3.13 differs (caret lines under call sites):
#   @@ -4 +4 @@
#   -          ^^^^^^^^^^^^
#   +          ~~~^^^^^^^^^
def nth(items, n):
    return items[n]


data = [10, 20, 30]
print(nth(data, 1))
print(nth(data, 3))
