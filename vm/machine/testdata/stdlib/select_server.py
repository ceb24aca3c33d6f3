# A select-based server in one thread serving clients in others, and selectors.
import select
import selectors
import socket
import threading
import time

srv = socket.socket()
srv.bind(("localhost", 0))
srv.listen()
srv.setblocking(False)
port = srv.getsockname()[1]
N = 3


def server():
    inputs = [srv]
    served = 0
    while served < N:
        readable, writable, _ = select.select(inputs, [], [], 5)
        for s in readable:
            if s is srv:
                conn, _ = srv.accept()
                inputs.append(conn)
            else:
                data = s.recv(100)
                if data:
                    s.sendall(b"echo " + data)
                else:
                    inputs.remove(s)
                    s.close()
                    served += 1
    srv.close()


out = {}


def client(i):
    c = socket.create_connection(("localhost", port))
    c.sendall(b"hi %d" % i)
    out[i] = c.recv(100)
    c.close()


st = threading.Thread(target=server)
st.start()
cs = [threading.Thread(target=client, args=(i,)) for i in range(N)]
for c in cs:
    c.start()
for c in cs:
    c.join()
st.join()
print(sorted(out.items()))

# A timeout with nothing ready returns three empty lists.
a, b = socket.socketpair()
t0 = time.monotonic()
print(select.select([a], [], [], 0.3), round(time.monotonic() - t0, 1))
print(select.select([a], [a], [], 0) == ([], [a], []))
b.sendall(b"x")
print(select.select([a, b], [], [], None)[0] == [a])

# selectors.DefaultSelector over socketpair ends.
sel = selectors.DefaultSelector()
print(isinstance(sel, selectors.BaseSelector))
sel.register(a, selectors.EVENT_READ, data="a")
sel.register(b, selectors.EVENT_READ | selectors.EVENT_WRITE, data="b")
for key, mask in sel.select(timeout=1):
    print(key.data, mask)
print(a.recv(10))
sel.modify(b, selectors.EVENT_READ, data="b2")


def poke():
    time.sleep(0.2)
    a.sendall(b"y")


threading.Thread(target=poke).start()
for key, mask in sel.select():
    print(key.data, mask, key.fileobj.recv(10))
print(sel.select(timeout=0.05))
sel.unregister(a)
print(len(sel.get_map()))
sel.close()
a.close()
b.close()
