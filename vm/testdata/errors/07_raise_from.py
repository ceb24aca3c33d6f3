# raise ... from ...: both tracebacks joined by "The above exception was the direct cause of the following exception:".
# Expected: exit code 1, stdout = the lines printed before the failure, stderr (3.11 and 3.12 identical;
# CPython prints the absolute script path, abbreviated here as .../):
#   Traceback (most recent call last):
#     File ".../vm/testdata/errors/07_raise_from.py", line 34, in configure
#       load("timeout")
#     File ".../vm/testdata/errors/07_raise_from.py", line 29, in load
#       raise KeyError(name)
#   KeyError: 'timeout'
#
#   The above exception was the direct cause of the following exception:
#
#   Traceback (most recent call last):
#     File ".../vm/testdata/errors/07_raise_from.py", line 40, in <module>
#       configure()
#     File ".../vm/testdata/errors/07_raise_from.py", line 36, in configure
#       raise ConfigError("missing option timeout") from e
#   ConfigError: missing option timeout
# python 3.13 differs (caret lines under call sites):
#   @@ -3,0 +4 @@
#   +    ~~~~^^^^^^^^^^^
#   @@ -12,0 +14 @@
#   +    ~~~~~~~~~^^
class ConfigError(Exception):
    pass


def load(name):
    raise KeyError(name)


def configure():
    try:
        load("timeout")
    except KeyError as e:
        raise ConfigError("missing option timeout") from e


print("configuring")
configure()
