# source: none: written for gilscope in the style of PyMOTW-3's atexit examples, with worker threads still running when the main code ends (the originals could not be taken verbatim)
# compare: unordered
import atexit
import threading
import time

results = []
results_lock = threading.Lock()


def report():
    # Runs at exit, after the non-daemon workers have finished.
    with results_lock:
        print("at exit: %d results, total %d" % (len(results), sum(results)))


def close_log(name):
    print("closing", name)


def worker(n):
    time.sleep(0.01 * n)
    with results_lock:
        results.append(n * n)
    print("worker %d done" % n)


atexit.register(close_log, "app.log")
atexit.register(report)

for n in range(4):
    threading.Thread(target=worker, args=(n,)).start()
print("main code finished with", threading.active_count() - 1, "workers running")
