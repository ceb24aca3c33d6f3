# Uncaught exception raised by class name only (no parentheses, no message): last line is just the class name.
# Expected: exit code 1, stdout = the lines printed before the failure, stderr (3.11 and 3.12 identical;
# CPython prints the absolute script path, abbreviated here as .../):
#   Traceback (most recent call last):
#     File ".../vm/testdata/errors/10_raise_class_only.py", line 24, in <module>
#       run(i)
#     File ".../vm/testdata/errors/10_raise_class_only.py", line 19, in run
#       raise Stop
#   Stop
# python 3.13 differs (caret lines under call sites):
#   @@ -3,0 +4 @@
#   +    ~~~^^^
class Stop(Exception):
    pass


def run(n):
    if n == 3:
        raise Stop
    print("step", n)


for i in range(5):
    run(i)
