# source: none: written for gilscope in the style of the Python Logging Cookbook's "Dealing with handlers that block" (QueueHandler and QueueListener), as the original could not be taken verbatim
# compare: unordered
import logging
import logging.handlers
import queue
import sys
import threading
import time


def worker(n):
    log = logging.getLogger("app.worker%d" % n)
    for i in range(3):
        log.info("step %d", i)
        time.sleep(0.01)
    log.warning("finished")


def main():
    que = queue.Queue(-1)
    queue_handler = logging.handlers.QueueHandler(que)
    handler = logging.StreamHandler(sys.stdout)
    handler.setFormatter(logging.Formatter("%(threadName)s: %(name)s %(levelname)s %(message)s"))
    listener = logging.handlers.QueueListener(que, handler)
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    root.addHandler(queue_handler)
    listener.start()
    threads = [threading.Thread(target=worker, args=(n,), name="worker-%d" % n) for n in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    root.info("all workers done")
    listener.stop()


if __name__ == "__main__":
    main()
