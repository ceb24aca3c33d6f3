# A Pipe's end is a file descriptor each process holds: recv() raises EOFError once
# every process has closed the other end (or exited holding it) and what was sent is
# read; a fork's child inherits the ends the parent has open.
import multiprocessing as mp


def produce(conn, n):
    for i in range(n):
        conn.send(i)
    conn.close()


def square(inbox, outbox):
    reader, writer = inbox
    writer.close()  # this process's copy of the end it does not write
    out, _ = outbox
    try:
        while True:
            out.send(reader.recv() ** 2)
    except EOFError:
        out.close()


def exits_holding(conn):
    conn.send('last words')  # exits without closing: its exit closes the end


if __name__ == '__main__':
    pipe1 = mp.Pipe()
    p1 = mp.Process(target=produce, args=(pipe1[0], 5))
    p1.start()
    pipe2 = mp.Pipe()
    p2 = mp.Process(target=square, args=((pipe1[1], pipe1[0]), pipe2))
    p2.start()
    pipe1[0].close()
    pipe2[0].close()
    got = []
    try:
        while True:
            got.append(pipe2[1].recv())
    except EOFError:
        print('EOF after', got)
    p1.join()
    p2.join()

    parent, child = mp.Pipe()
    p = mp.Process(target=exits_holding, args=(child,))
    p.start()
    child.close()
    print(parent.recv())
    p.join()
    print('poll at EOF:', parent.poll())
    try:
        parent.recv()
    except EOFError as e:
        print('EOFError', repr(str(e)))
    parent.close()
    for call in (parent.recv, lambda: parent.send(1), parent.poll):
        try:
            call()
        except OSError as e:
            print('OSError', e)
    parent.close()  # closing twice is allowed
    a, b = mp.Pipe()
    a.send('still there')
    a.close()
    print(b.recv(), b.poll())
