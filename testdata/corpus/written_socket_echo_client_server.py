# source: none: written for gilscope in the style of Real Python's "Socket Programming in Python (Guide)" echo-server.py and echo-client.py, the two programs run as a thread and the main code of one script (the originals could not be taken verbatim)
# compare: exact
# mask: \('127\.0\.0\.1', \d+\)
import socket
import threading

HOST = "127.0.0.1"  # Standard loopback interface address (localhost)
PORT = 65432  # Port to listen on (non-privileged ports are > 1023)

listening = threading.Event()


def echo_server():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        s.bind((HOST, PORT))
        s.listen()
        listening.set()
        conn, addr = s.accept()
        with conn:
            print(f"Connected by {addr}")
            while True:
                data = conn.recv(1024)
                if not data:
                    break
                conn.sendall(data)


server = threading.Thread(target=echo_server)
server.start()
listening.wait()

with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
    s.connect((HOST, PORT))
    s.sendall(b"Hello, world")
    data = s.recv(1024)

print(f"Received {data!r}")
server.join()
