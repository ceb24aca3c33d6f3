# Once the main thread's code has ended, CPython's exit handler has marked
# concurrent.futures shut down: an executor refuses new work from the threads still
# running, whichever executor it is.
import threading
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor


def late(ex, delay):
    time.sleep(delay)
    try:
        print(ex.submit(pow, 2, 5).result())
    except RuntimeError as e:
        print(type(ex).__name__, "RuntimeError:", e)


if __name__ == "__main__":
    threads = ThreadPoolExecutor(2)
    procs = ProcessPoolExecutor(1)
    print("before:", threads.submit(pow, 2, 3).result(), procs.submit(pow, 3, 2).result())
    threading.Thread(target=late, args=(threads, 0.05)).start()
    threading.Thread(target=late, args=(procs, 0.1)).start()
    print("main done")
