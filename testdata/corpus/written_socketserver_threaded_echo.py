# source: none: written for gilscope in the style of PyMOTW-3's socketserver_threaded.py and the socketserver documentation's ThreadingMixIn example, a threaded echo server and its clients in one script (the originals could not be taken verbatim)
# compare: exact
import socket
import socketserver
import threading


class ThreadedEchoRequestHandler(socketserver.BaseRequestHandler):

    def handle(self):
        # Echo the data back to the client, naming the thread that served it
        data = self.request.recv(1024)
        cur_thread = threading.current_thread()
        response = b"%s: %s" % (cur_thread.name.encode(), data)
        self.request.sendall(response)


class ThreadedEchoServer(socketserver.ThreadingMixIn, socketserver.TCPServer):
    pass


def client(ip, port, message):
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.connect((ip, port))
        print("Sending : {!r}".format(message))
        sock.sendall(message)
        response = sock.recv(1024)
        print("Received: {!r}".format(response))


if __name__ == "__main__":
    address = ("localhost", 0)  # let the kernel assign a port
    server = ThreadedEchoServer(address, ThreadedEchoRequestHandler)
    ip, port = server.server_address  # what port was assigned?

    with server:
        t = threading.Thread(target=server.serve_forever)
        t.daemon = True  # don't hang on exit
        t.start()
        print("Server loop running in thread:", t.name)

        for i in range(1, 4):
            client(ip, port, b"Hello, world %d" % i)

        server.shutdown()
