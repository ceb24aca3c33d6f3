# traceback in worker threads, as real programs report failures: print_exc in the
# handler (stderr, compared with CPython's), format_exc kept for a summary, and
# print_exception/format_exception of a caught exception; print_stack.
import threading
import traceback

errors = {}
lock = threading.Lock()


def parse(text):
    return int(text)


def worker(name, text):
    try:
        return parse(text)
    except ValueError:
        traceback.print_exc()
        with lock:
            errors[name] = traceback.format_exc()


threads = [threading.Thread(target=worker, args=("w%d" % i, t), name="w%d" % i)
           for i, t in enumerate(["12", "x", "40"])]
for t in threads:
    t.start()
    t.join()
for name in sorted(errors):
    lines = errors[name].splitlines()
    print(name, lines[0], "|", lines[-1], "|", len(lines))
print(repr(traceback.format_exc()))


def risky():
    raise KeyError("missing")


try:
    try:
        risky()
    except KeyError as e:
        raise RuntimeError("lookup failed") from e
except RuntimeError as e:
    traceback.print_exception(e)
    lines = traceback.format_exception(e)
    print(len(lines) > 4, lines[-1], end="")
    print(traceback.format_exception_only(e), traceback.format_exception_only(type(e), e))
    traceback.print_exception(type(e), e, e.__traceback__)


def where():
    traceback.print_stack()
    return len(traceback.format_stack())


print(where())
