# An echo server in one thread, clients in others, over localhost.
import socket
import threading

srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
print(srv.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR) != 0)
srv.bind(("127.0.0.1", 0))
srv.listen(5)
host, port = srv.getsockname()
print(host, type(port).__name__, port > 0)
N = 3


def handle(conn):
    with conn:
        while True:
            data = conn.recv(1024)
            if not data:
                break
            conn.sendall(data.upper())


def serve():
    threads = []
    for _ in range(N):
        conn, addr = srv.accept()
        assert addr[0] == "127.0.0.1"
        assert conn.getsockname() == ("127.0.0.1", port)
        assert conn.getpeername() == addr
        t = threading.Thread(target=handle, args=(conn,))
        t.start()
        threads.append(t)
    for t in threads:
        t.join()
    srv.close()


results = {}


def client(i):
    with socket.create_connection(("localhost", port)) as s:
        total = b""
        for k in range(3):
            s.sendall(b"msg %d.%d;" % (i, k))
            total += s.recv(1024)
        while len(total) < 3 * len(b"msg 0.0;"):
            total += s.recv(1024)
        s.shutdown(socket.SHUT_WR)
        eof = s.recv(10)
    results[i] = (total, eof)


server = threading.Thread(target=serve)
server.start()
clients = [threading.Thread(target=client, args=(i,)) for i in range(N)]
for c in clients:
    c.start()
for c in clients:
    c.join()
server.join()
for i in sorted(results):
    print(i, results[i])

# makefile: a line protocol through files.
srv = socket.create_server(("", 0))
port = srv.getsockname()[1]


def line_server():
    conn, _ = srv.accept()
    rfile = conn.makefile("rb")
    wfile = conn.makefile("wb")
    for line in rfile:
        wfile.write(b"> " + line)
        wfile.flush()
    wfile.close()
    rfile.close()
    conn.close()


t = threading.Thread(target=line_server)
t.start()
c = socket.socket()
c.connect(("127.0.0.1", port))
f = c.makefile("rw", encoding="utf-8")
for word in ["alpha", "beta", "gamma"]:
    f.write(word + "\n")
    f.flush()
    print(repr(f.readline()))
c.shutdown(socket.SHUT_WR)
print(repr(f.readline()))
f.close()
c.close()
t.join()
srv.close()
print(c.fileno())

# recv_into
a, b = socket.socketpair()
a.sendall(b"hello")
buf = bytearray(10)
print(b.recv_into(buf), buf)
a.close()
print(b.recv(10))
b.close()

# A connection dropped without close() is closed when its last reference goes.
srv = socket.create_server(("localhost", 0))
port = srv.getsockname()[1]


def reply_once():
    conn, _ = srv.accept()
    conn.sendall(b"bye")


def serve_two():
    for _ in range(2):
        reply_once()


t = threading.Thread(target=serve_two)
t.start()
for _ in range(2):
    c = socket.create_connection(("localhost", port))
    data = b""
    while chunk := c.recv(10):
        data += chunk
    print(data)
    c.close()
t.join()
srv.close()

# A file left to the garbage keeps the socket open no longer than itself.
srv = socket.create_server(("localhost", 0))
def serve():
    conn, _ = srv.accept()
    f = conn.makefile("rb")
    print("line:", f.readline())
    conn.close()
    del f
t = threading.Thread(target=serve); t.start()
c = socket.create_connection(srv.getsockname())
c.sendall(b"hello\n")
print("eof:", c.recv(10))
t.join(); c.close(); srv.close()
