# Subscript failure at module level: ~~~^^^^ anchor line (identical on 3.11, 3.12 and 3.13); KeyError shows the key repr.
# Expected: exit code 1, stdout = the lines printed before the failure, stderr (3.11 and 3.12 identical;
# CPython prints the absolute script path, abbreviated here as .../):
#   Traceback (most recent call last):
#     File ".../vm/testdata/errors_carets/03_subscript.py", line 12, in <module>
#       port = settings["port"]
#              ~~~~~~~~^^^^^^^^
#   KeyError: 'port'
# python 3.13 prints exactly the same.
settings = {"host": "localhost", "debug": True}
print(settings["host"])
port = settings["port"]
