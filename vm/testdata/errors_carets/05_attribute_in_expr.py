# AttributeError inside an expression: ^^^ under the attribute access plus "Did you mean" (identical on 3.11-3.13).
# Expected: exit code 1, stdout = the lines printed before the failure, stderr (3.11 and 3.12 identical;
# CPython prints the absolute script path, abbreviated here as .../):
#   Traceback (most recent call last):
#     File ".../vm/testdata/errors_carets/05_attribute_in_expr.py", line 17, in <module>
#       dist = p.x + p.yy
#                    ^^^^
#   AttributeError: 'Point' object has no attribute 'yy'. Did you mean: 'y'?
# python 3.13 prints exactly the same.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


p = Point(1, 2)
dist = p.x + p.yy
