# Objects sent to another process (a Queue, a Pool's tasks and results, pickle.dumps)
# are pickled through __getstate__ and rebuilt through __setstate__, as CPython's
# pickle does: the usual way to leave out a lock or a cache; a fork's child gets a
# copy without either being called.
import multiprocessing as mp
import pickle
import threading


class Counter:
    def __init__(self, name):
        self.name = name
        self.count = 0
        self.lock = threading.Lock()  # cannot be pickled

    def __getstate__(self):
        print('getstate', self.name, mp.current_process().name)
        state = self.__dict__.copy()
        del state['lock']
        return state

    def __setstate__(self, state):
        print('setstate', state['name'], mp.current_process().name)
        self.__dict__.update(state)
        self.lock = threading.Lock()

    def bump(self):
        with self.lock:
            self.count += 1
        return self


class Plain:
    def __init__(self):
        self.cache = {'big': list(range(3))}
        self.value = 7

    def __getstate__(self):
        return {'value': self.value}


class Nothing:
    def __getstate__(self):
        return None


def work(c):
    return c.bump().count


def show(c, q):
    q.put((c.name, c.count, hasattr(c, 'lock')))


if __name__ == '__main__':
    c = Counter('shared')
    c.bump()
    q = mp.Queue()
    p = mp.Process(target=show, args=(c, q))  # fork: copied, not pickled
    p.start()
    print(q.get())
    p.join()
    q.put(c)
    back = q.get()
    print(back.name, back.count, type(back.lock).__name__, back is c)
    with mp.Pool(1) as pool:
        print(pool.map(work, [Counter('task')]))
    plain = pickle.loads(pickle.dumps(Plain()))
    print(vars(plain))
    print(vars(pickle.loads(pickle.dumps(Nothing()))))
