# multiprocessing: processes, queues, pipes, pools and start methods; the output is
# the same under CPython.
import multiprocessing as mp


def square(x):
    return x * x


def add(a, b=10):
    return a + b


def producer(q, n):
    for i in range(n):
        q.put({"i": i, "sq": i * i, "name": mp.current_process().name})
    q.put(None)


def fails(x):
    raise ValueError("no %d" % x)


def fails_on_two(x):
    if x == 2:
        raise ValueError("no %d" % x)
    return x


def echo(conn):
    while True:
        msg = conn.recv()
        if msg is None:
            break
        conn.send(("echo", msg))


class Worker(mp.Process):
    def __init__(self, q):
        mp.Process.__init__(self)
        self.q = q

    def run(self):
        self.q.put("run() of a subclass in " + mp.current_process().name)


counter = [0]


def main(method):
    ctx = mp.get_context(method)
    print("---", ctx.get_start_method())
    q = ctx.Queue()
    p = ctx.Process(target=producer, args=(q, 3), name="Producer")
    p.start()
    while True:
        item = q.get()
        if item is None:
            break
        print(sorted(item.items()))
    p.join()
    print("exitcode", p.exitcode, "alive", p.is_alive())

    p = ctx.Process(target=fails, args=(1,))
    p.start()
    p.join()
    print("failed exitcode", p.exitcode)

    w = Worker(q)
    w.start()
    print(q.get())
    w.join()

    a, b = ctx.Pipe()
    p = ctx.Process(target=echo, args=(b,))
    p.start()
    for msg in [1, "two", [3.0, (4, 5)], {"six": None}]:
        a.send(msg)
        print(a.recv())
    a.send(None)
    p.join()

    with ctx.Pool(3) as pool:
        print(pool.map(square, range(12)))
        print(pool.map(square, [], 4))
        print(pool.starmap(add, [(1, 2), (3, 4)]))
        print(pool.apply(add, (5,), {"b": 1}))
        print(pool.apply_async(square, (9,)).get())
        print(list(pool.imap(square, [1, 2, 3])))
        try:
            pool.map(fails_on_two, [1, 2, 3])
        except ValueError as e:
            print("pool raised", e)
        try:
            pool.apply(lambda x: x, (1,))
        except Exception as e:
            print("lambda:", type(e).__name__)


if __name__ == "__main__":
    counter[0] += 1
    print(mp.current_process().name, mp.cpu_count() > 0)
    for method in ["fork", "spawn", "forkserver"]:
        main(method)
    print("main ran", counter[0], "time(s)")
