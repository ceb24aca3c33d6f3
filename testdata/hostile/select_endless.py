# expect: limit — a server blocked on nothing but a select loop that never returns ready
import select
import socket

srv = socket.create_server(("localhost", 0))
while True:
    select.select([srv], [], [], 0)
