# expect: MemoryError — sending 1 MB at a time to a socket nobody reads
import socket

a, b = socket.socketpair()
chunk = b"x" * (1 << 20)
while True:
    a.sendall(chunk)
