# Connection refused, timeouts and non-blocking sockets on localhost.
import errno
import socket
import threading
import time

s = socket.socket()
s.bind(("127.0.0.1", 0))
port = s.getsockname()[1]
s.close()
c = socket.socket()
try:
    c.connect(("127.0.0.1", port))
except ConnectionRefusedError as e:
    print("refused:", e.errno == errno.ECONNREFUSED, e)
print("connect_ex:", c.connect_ex(("localhost", port)))
c.close()
try:
    socket.create_connection(("localhost", port))
except OSError as e:
    print(type(e).__name__, e.errno)

srv = socket.create_server(("localhost", 0))
port = srv.getsockname()[1]
print(srv.gettimeout())
srv.settimeout(0.2)
print(srv.gettimeout())
t0 = time.monotonic()
try:
    srv.accept()
except socket.timeout as e:
    print("accept:", type(e).__name__, e, socket.timeout is TimeoutError)
print(round(time.monotonic() - t0, 1))
srv.settimeout(None)

c = socket.create_connection(("localhost", port), timeout=0.5)
print(c.gettimeout())
conn, addr = srv.accept()
t0 = time.monotonic()
try:
    c.recv(10)
except TimeoutError as e:
    print("recv:", e)
print(round(time.monotonic() - t0, 1))

conn.setblocking(False)
print(conn.gettimeout(), conn.getblocking())
try:
    conn.recv(10)
except BlockingIOError as e:
    print("non-blocking:", e.errno == errno.EAGAIN)


def later():
    time.sleep(0.1)
    conn.sendall(b"late")


threading.Thread(target=later).start()
print(c.recv(10))
c.close()
conn.close()
srv.close()

try:
    socket.socket().bind(("127.0.0.1", 70000))
except OverflowError as e:
    print(e)
a = socket.create_server(("127.0.0.1", 0))
try:
    socket.socket().bind(("127.0.0.1", a.getsockname()[1]))
except OSError as e:
    print(e.errno == errno.EADDRINUSE, e.strerror)
a.close()
u = socket.socket()
try:
    u.getpeername()
except OSError as e:
    print(e.errno == errno.ENOTCONN)
u.close()
try:
    u.recv(1)
except OSError as e:
    print(e)

# A non-blocking connect is in progress when it returns, as on Linux.
srv = socket.create_server(("localhost", 0))
c = socket.socket(); c.setblocking(False)
print(c.connect_ex(srv.getsockname()) == errno.EINPROGRESS)
d = socket.socket(); d.setblocking(False)
try:
    d.connect(srv.getsockname())
except BlockingIOError as e:
    print(e)
a, _ = srv.accept(); b, _ = srv.accept()
print(a.getpeername() == c.getsockname(), b.getpeername() == d.getsockname())

# repr
import socket
s = socket.socket(); print(s)
s.bind(("127.0.0.1", 0)); s.listen()
c = socket.create_connection(s.getsockname()); a, _ = s.accept()
print(repr(c).replace(str(c.getsockname()[1]), "P").replace(str(s.getsockname()[1]), "Q"))
a.close(); print(a)
u, v = socket.socketpair(); print(u)
for x in (s, c, u, v): x.close()
