# traceback.format_tb and print_tb over traceback objects: an except clause's, sys.exc_info's,
# a thread's excepthook's (its library frames left out).
import io, sys, traceback, threading


def clean(text):
    return text.replace(__file__, "FILE")


def inner(x):
    return [1][x] + 1
def outer():
    return inner(5)
try:
    outer()
except IndexError as e:
    print(clean("".join(traceback.format_tb(e.__traceback__))), end="")
    print(clean(str(traceback.format_tb(e.__traceback__, limit=1))))
    print(len(traceback.format_tb(e.__traceback__, -1)))
    buf = io.StringIO()
    traceback.print_tb(sys.exc_info()[2], file=buf)
    print(clean(buf.getvalue()), end="")
def hook(args):
    print("in", args.thread.name)
    print(clean("".join(traceback.format_tb(args.exc_traceback)[-2:])), end="")
threading.excepthook = hook
t = threading.Thread(target=outer, name="w")
t.start(); t.join()
print(traceback.format_tb(None))
