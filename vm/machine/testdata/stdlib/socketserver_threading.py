# socketserver.ThreadingTCPServer with several clients, shut down from the main thread.
import socket
import socketserver
import threading


class Handler(socketserver.StreamRequestHandler):
    def handle(self):
        for line in self.rfile:
            self.wfile.write(b"got " + line.strip() + b"\n")


class Server(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True


class Upper(socketserver.BaseRequestHandler):
    def handle(self):
        data = self.request.recv(1024)
        self.request.sendall(data.upper())


with Server(("localhost", 0), Handler) as server:
    host, port = server.server_address
    t = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1})
    t.start()
    replies = {}

    def client(i):
        with socket.create_connection((host, port)) as s:
            f = s.makefile("rb")
            got = []
            for k in range(2):
                s.sendall(b"line %d.%d\n" % (i, k))
                got.append(f.readline())
            f.close()
        replies[i] = got

    cs = [threading.Thread(target=client, args=(i,)) for i in range(4)]
    for c in cs:
        c.start()
    for c in cs:
        c.join()
    server.shutdown()
    t.join()
for i in sorted(replies):
    print(i, replies[i])

server = socketserver.TCPServer(("127.0.0.1", 0), Upper)
port = server.server_address[1]
t = threading.Thread(target=server.serve_forever)
t.start()
for word in [b"one", b"two"]:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.connect(("127.0.0.1", port))
        s.sendall(word)
        print(s.recv(1024))
server.shutdown()
server.server_close()
t.join()
print("done")
