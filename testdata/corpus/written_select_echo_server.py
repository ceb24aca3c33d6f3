# source: none: written for gilscope in the style of PyMOTW-3's select_echo_server.py and select_echo_multiclient.py, the server's select loop in a thread and its clients in others of the same script (the originals could not be taken verbatim)
# compare: unordered
import queue
import select
import socket
import threading

# Create a non-blocking TCP/IP socket
server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.setblocking(0)
server.bind(("localhost", 0))
server_address = server.getsockname()
server.listen(5)

CLIENTS = 3
messages = [b"This is the message. ", b"It will be sent ", b"in parts."]


def serve():
    inputs = [server]
    outputs = []
    message_queues = {}
    finished = 0
    while finished < CLIENTS:
        readable, writable, exceptional = select.select(inputs, outputs, inputs)
        for s in readable:
            if s is server:
                # A "readable" server socket is ready to accept a connection
                connection, client_address = s.accept()
                print("server: new connection")
                connection.setblocking(0)
                inputs.append(connection)
                message_queues[connection] = queue.Queue()
            else:
                data = s.recv(1024)
                if data:
                    print("server: received {!r}".format(data))
                    message_queues[s].put(data)
                    if s not in outputs:
                        outputs.append(s)
                else:
                    # An empty result means the client closed the connection
                    print("server: closing after reading no data")
                    if s in outputs:
                        outputs.remove(s)
                    inputs.remove(s)
                    s.close()
                    del message_queues[s]
                    finished += 1
        for s in writable:
            try:
                next_msg = message_queues[s].get_nowait()
            except queue.Empty:
                outputs.remove(s)
            except KeyError:
                pass
            else:
                s.send(next_msg)
        for s in exceptional:
            inputs.remove(s)
            if s in outputs:
                outputs.remove(s)
            s.close()
            del message_queues[s]
    server.close()


def client(n):
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.connect(server_address)
    for message in messages:
        sock.send(message)
        data = sock.recv(1024)
        print("client {}: received {!r}".format(n, data))
    sock.close()


server_thread = threading.Thread(target=serve)
server_thread.start()
clients = [threading.Thread(target=client, args=(n,)) for n in range(CLIENTS)]
for c in clients:
    c.start()
for c in clients:
    c.join()
server_thread.join()
