# SystemExit.code and sys.exit's statuses; OSError(errno, strerror, filename) and
# its subclasses: str, repr, attributes, and the subclass an errno selects.
import sys

for args in [(), (3,), (None,), ("bye",), (1, 2)]:
    try:
        if len(args) < 2:
            sys.exit(*args)
        raise SystemExit(*args)
    except SystemExit as e:
        print(repr(e), repr(e.code), e.args)
e = SystemExit(True)
print(e.code, isinstance(e, BaseException), isinstance(e, Exception))
e = OSError(22, "Invalid argument")
print(str(e), repr(e), e.errno, e.strerror, e.filename, e.filename2, e.args)
e = OSError(2, "No such file or directory", "data.txt")
print(type(e).__name__, str(e), repr(e), e.errno, e.filename, e.args)
e = OSError(13, "Permission denied", "a", None, "b")
print(type(e).__name__, str(e), e.filename2)
e = OSError(17, "File exists")
print(type(e).__name__, isinstance(e, OSError), str(e))
e = OSError("plain message")
print(str(e), repr(e), e.errno, e.strerror)
e = OSError(1, 2, 3, 4, 5, 6)
print(str(e), e.errno)
e = FileNotFoundError(2, "No such file", "x.txt")
print(str(e), repr(e), e.errno, e.strerror, e.filename)
e = FileNotFoundError("just text")
print(str(e), e.errno)
e = TimeoutError(110, "Connection timed out")
print(str(e), e.errno)
e = OSError(99, "Cannot assign")
print(type(e).__name__, e)
try:
    raise PermissionError(13, "Permission denied", "/root")
except OSError as err:
    print("caught", type(err).__name__, err.errno, err)


class AppError(OSError):
    pass


class WithInit(OSError):
    def __init__(self, path):
        super().__init__(2, "missing", path)


e = AppError(5, "I/O error", "dev")
print(type(e).__name__, str(e), e.errno, e.filename, e.args)
e = WithInit("cfg.ini")
print(str(e), e.errno, e.filename, repr(e))
print(OSError.__mro__ == (OSError, Exception, BaseException, object))
try:
    sys.exit(1, 2)
except TypeError as err:
    print(err)
try:
    open_file = None
    raise FileNotFoundError(2, "No such file or directory", "missing.cfg")
except FileNotFoundError as err:
    print(f"error: {err}")
sys.exit("fatal: stopping")
