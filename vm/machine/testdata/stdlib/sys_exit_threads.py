# sys.exit in a thread ends the thread silently (nothing on stderr); sys.exit(0)
# in the main thread ends the run with status 0.
import sys
import threading


def worker(status):
    sys.exit(status)


for status in ["thread says bye", 3, None]:
    t = threading.Thread(target=worker, args=(status,))
    t.start()
    t.join()
    print("joined", repr(status), t.is_alive())
try:
    sys.exit(2)
except SystemExit as e:
    print("caught", e.code)
print("main goes on")
sys.exit(0)
