# A worker pool that logs, in the style of the logging cookbook: threads take jobs
# from a queue and log through one logger; a handler collects the formatted lines
# (the order in which threads log is not deterministic, so they are sorted).
import logging
import queue
import threading


class ListHandler(logging.Handler):
    def __init__(self):
        logging.Handler.__init__(self)
        self.lines = []

    def emit(self, record):
        self.lines.append(self.format(record))


collector = ListHandler()
collector.setFormatter(logging.Formatter("%(threadName)s %(levelname)s %(name)s: %(message)s"))
log = logging.getLogger("pool")
log.setLevel(logging.DEBUG)
log.addHandler(collector)
log.propagate = False

jobs = queue.Queue()
results = {}
results_lock = threading.Lock()


def worker():
    while True:
        n = jobs.get()
        if n is None:
            jobs.task_done()
            log.debug("stopping")
            break
        if n % 5 == 0:
            log.warning("job %d is a multiple of five", n)
        total = sum(i * i for i in range(n * 100))
        with results_lock:
            results[n] = total
        log.info("job %d done", n)
        jobs.task_done()


threads = [threading.Thread(target=worker, name="worker-%d" % i) for i in range(4)]
for t in threads:
    t.start()
for n in range(1, 13):
    jobs.put(n)
for t in threads:
    jobs.put(None)
jobs.join()
for t in threads:
    t.join()

by_thread = {}
for line in collector.lines:
    name, rest = line.split(" ", 1)
    by_thread[name] = by_thread.get(name, 0) + 1
print(len(collector.lines), "lines from", len(by_thread), "threads")
for line in sorted(line.split(" ", 1)[1] for line in collector.lines):
    print(line)
print(sum(results.values()))
print([t.is_alive() for t in threads])
