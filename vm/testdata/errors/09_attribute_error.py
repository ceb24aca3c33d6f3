# Uncaught AttributeError on an instance, attribute name with no close match (so no "Did you mean" suggestion).
# Expected: exit code 1, stdout = the lines printed before the failure, stderr (3.11 and 3.12 identical;
# CPython prints the absolute script path, abbreviated here as .../):
#   Traceback (most recent call last):
#     File ".../vm/testdata/errors/09_attribute_error.py", line 17, in <module>
#       p.zzz_missing
#   AttributeError: 'Point' object has no attribute 'zzz_missing'
# python 3.13 prints exactly the same.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


p = Point(1, 2)
print(p.x, p.y)
p.zzz_missing
