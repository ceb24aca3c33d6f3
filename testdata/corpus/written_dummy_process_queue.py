# source: none: written for gilscope in the style of the Python documentation's multiprocessing Process and Queue examples, moved to multiprocessing.dummy (the original programs could not be taken verbatim)
# compare: unordered
from multiprocessing.dummy import Process, Queue, Lock, current_process, active_children


def worker(tasks, done, lock):
    for item in iter(tasks.get, 'STOP'):
        with lock:
            result = '%s squared %d' % (current_process().name, item * item)
        done.put(result)


if __name__ == '__main__':
    tasks, done, lock = Queue(), Queue(), Lock()
    for i in range(10):
        tasks.put(i)
    workers = [Process(target=worker, args=(tasks, done, lock)) for _ in range(3)]
    for w in workers:
        w.start()
    for _ in range(3):
        tasks.put('STOP')
    squares = sorted(int(done.get().split()[-1]) for _ in range(10))
    print(squares)
    for w in workers:
        w.join()
        print(w.name, 'exitcode', w.exitcode)
    print('children left:', active_children())
    print(current_process().name)
