# Uncaught KeyError with a string key (message is the repr of the key), raised from a lookup helper.
# Expected: exit code 1, stdout = the lines printed before the failure, stderr (3.11 and 3.12 identical;
# CPython prints the absolute script path, abbreviated here as .../):
#   Traceback (most recent call last):
#     File ".../vm/testdata/errors/05_keyerror.py", line 25, in <module>
#       get_setting("port")
#     File ".../vm/testdata/errors/05_keyerror.py", line 19, in get_setting
#       raise KeyError(name)
#   KeyError: 'port'
# python 3.13 differs (caret lines under call sites):
#   @@ -3,0 +4 @@
#   +    ~~~~~~~~~~~^^^^^^^^
settings = {"host": "localhost", "debug": True}


def get_setting(name):
    print("looking up", name)
    if name not in settings:
        raise KeyError(name)
    print(" ->", settings[name])


get_setting("host")
get_setting("debug")
get_setting("port")
