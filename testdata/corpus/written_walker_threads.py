# source: none: written for gilscope in the style of vuta1927/testing's VSmartNet/core/exp_thread.py (https://github.com/vuta1927/testing/blob/51c18f7653915dfd417f895438ca5bed9ce3aa09/VSmartNet/core/exp_thread.py), a pool of Thread subclasses that take directories from a queue with a timeout, walk them, and report through a result queue until a stop Event is set; its directories come from the command line, here from a tree it makes (the original could not be taken verbatim)
# compare: unordered
# mask: Thread-\d+
import os
import queue
import threading


class WorkerThread(threading.Thread):
    def __init__(self, dir_q, result_q):
        super(WorkerThread, self).__init__()
        self.dir_q = dir_q
        self.result_q = result_q
        self.stop_request = threading.Event()

    def run(self):
        while not self.stop_request.is_set():
            try:
                dirname = self.dir_q.get(True, 0.05)
                filenames = list(self._files_in_dir(dirname))
                self.result_q.put((self.name, dirname, filenames))
            except queue.Empty:
                continue

    def join(self, timeout=None):
        self.stop_request.set()
        super(WorkerThread, self).join(timeout)

    def _files_in_dir(self, dirname):
        for path, dirs, files in os.walk(dirname):
            for file in files:
                yield os.path.join(path, file)


def make_tree(base):
    for name, count in (("photos", 7), ("music", 3), ("docs", 5), ("empty", 0)):
        os.makedirs(os.path.join(base, name, "more"))
        for i in range(count):
            where = "more" if i % 2 else ""
            with open(os.path.join(base, name, where, "item%d" % i), "w") as f:
                f.write(name)
    return [os.path.join(base, n) for n in ("photos", "music", "missing", "docs", "empty")]


def main(args):
    dir_q = queue.Queue()
    result_q = queue.Queue()

    pool = [WorkerThread(dir_q=dir_q, result_q=result_q) for i in range(4)]

    for thread in pool:
        thread.start()

    work_count = 0
    for dirname in args:
        if os.path.exists(dirname):
            work_count += 1
            dir_q.put(dirname)
    print("Assigned %s dirs to workers" % work_count)

    while work_count > 0:
        result = result_q.get()
        print("From thread %s: %s files found in dir %s" % (result[0], len(result[2]), result[1]))
        work_count -= 1

    for thread in pool:
        thread.join()


if __name__ == "__main__":
    base = "walker_threads_tree"
    main(make_tree(base))
    for root, dirs, files in os.walk(base, topdown=False):
        for name in files:
            os.remove(os.path.join(root, name))
        for name in dirs:
            os.rmdir(os.path.join(root, name))
    os.rmdir(base)
