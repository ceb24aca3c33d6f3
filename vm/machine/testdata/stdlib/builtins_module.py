# The builtins module: a script's __builtins__, whose namespace every module reads,
# so replacing builtins.print with a locked one changes what threads call.
import builtins
import threading
print(builtins, __builtins__ is builtins, builtins.len([1, 2]), builtins.__name__)
_print = builtins.print
lock = threading.Lock()
def safe_print(*args, **kwargs):
    with lock:
        _print("[safe]", *args, **kwargs)
builtins.print = safe_print
def worker(n):
    print("worker", n)
ts = [threading.Thread(target=worker, args=(i,)) for i in range(3)]
for t in ts: t.start()
for t in ts: t.join()
builtins.print = _print
print("restored", hasattr(builtins, "open"), "dir" in dir(builtins))
import sys
print(sys.modules["builtins"] is builtins)
print(eval("__builtins__", {}) is builtins.__dict__ if hasattr(builtins, "__dict__") else "no __dict__")
