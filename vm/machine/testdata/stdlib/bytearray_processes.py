# A bytearray passed to a process and sent back through a queue is copied, as
# pickle copies it; the parent's is unchanged.
from multiprocessing import Process, Queue


def work(q, data):
    data.append(33)
    data += b"?"
    q.put(bytes(data))
    q.put(data)
    q.put([data, data])


if __name__ == "__main__":
    q = Queue()
    buf = bytearray(b"hi")
    p = Process(target=work, args=(q, buf))
    p.start()
    print(q.get(), q.get())
    pair = q.get()
    print(pair, pair[0] is pair[1])
    p.join()
    print(buf, p.exitcode)
