# CPython 3.12 marks the interpreter finalizing once the main thread's code has
# ended, before it waits for the non-daemon threads: a thread those threads start
# then, or a fork, is refused (3.11 and 3.13 allow both). A spawned process is not.
import multiprocessing
import threading
import time


def late():
    time.sleep(0.01)
    try:
        threading.Thread(target=print, args=("inner thread",)).start()
    except RuntimeError as e:
        print("thread:", e)
    for method in ["fork", "spawn"]:
        try:
            p = multiprocessing.get_context(method).Process(target=print, args=(method + " child",))
            p.start()
            p.join()
        except RuntimeError as e:
            print(method + ":", e)


if __name__ == "__main__":
    t = threading.Thread(target=late)
    t.start()
    b = threading.Thread(target=print, args=("before the end",))
    b.start()
    b.join()
    print("main done")
