# Binary-operator failure at module level: ~~~^~~~ anchor line (identical on 3.11, 3.12 and 3.13).
# Expected: exit code 1, stdout = the lines printed before the failure, stderr (3.11 and 3.12 identical;
# CPython prints the absolute script path, abbreviated here as .../):
#   Traceback (most recent call last):
#     File ".../vm/testdata/errors_carets/02_binop.py", line 14, in <module>
#       average = total / count
#                 ~~~~~~^~~~~~~
#   ZeroDivisionError: division by zero
# python 3.13 prints exactly the same.
values = [3, 4, 5]
total = sum(values)
count = len(values) - 3
print("total", total, "count", count)
average = total / count
