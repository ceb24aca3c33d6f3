# socket.socketpair: an echo thread, the end of the stream, closed sockets.
import socket
import threading

a, b = socket.socketpair()


def echo():
    with b:
        while True:
            data = b.recv(1024)
            if not data:
                break
            b.sendall(data + b"!")


t = threading.Thread(target=echo)
t.start()
for msg in (b"ping", b"hello world", b"x" * 100):
    n = a.send(msg)
    reply = a.recv(4096)
    print(n, len(reply), reply[:12])
a.close()
t.join()

# Bulk data from a writer thread, read until the end of the stream.
r, w = socket.socketpair()


def writer():
    for i in range(10):
        w.sendall(b"y" * 5000)
    w.close()


t = threading.Thread(target=writer)
t.start()
total = 0
while True:
    chunk = r.recv(8192)
    if not chunk:
        break
    total += len(chunk)
t.join()
r.close()
print("bulk", total)
try:
    a.recv(10)
except OSError as e:
    print("OSError", e)
try:
    a.send(b"z")
except OSError as e:
    print("OSError", e)

c, d = socket.socketpair()
d.close()
print("eof", c.recv(10))
try:
    c.send(b"after close")
except OSError as e:
    print(type(e).__name__, e)
c.close()
try:
    c.recv(-1)
except ValueError as e:
    print("ValueError", e)
except OSError as e:
    print("OSError", e)
try:
    socket.socketpair()[0].send("text")
except TypeError as e:
    print("TypeError", e)
