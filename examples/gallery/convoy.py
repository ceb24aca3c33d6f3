# title: The convoy effect: one CPU thread slows every I/O round trip
# models: cpython-3.12 cpython-2.7 cpython-3.13t
# cores: 2
# seed: 1
# max_time: 1
# output: varies
# order: 30
#
# The main thread sends small messages over a socket pair to an echo thread and
# waits for each reply, first alone, then while a CPU-bound thread counts in the
# background. Alone, a round trip takes tens of microseconds. With the CPU thread,
# every send() and recv() drops the GIL and signals the CPU thread, asleep on the
# GIL's condition, which races the I/O thread woken by the data: the I/O thread,
# already awake or coming back from a short system call, usually takes the GIL
# before the CPU thread has woken, but when the CPU thread wakes in a gap and
# grabs it, the I/O thread may only ask for it back after a full switch interval
# (5 ms) without a switch. Zoom into the second half: most hops take microseconds,
# and now and then one is a ~5 ms stretch in which an I/O thread is ready but waiting
# for the GIL while the CPU thread holds it, so a round trip costs a millisecond or
# two on average: tens of times slower for one background thread (real CPython does
# ~850 round trips/s beside it, ~15,000 alone). Under cpython-2.7 the old GIL is released every 100 ticks,
# so there is no such convoy; a free-threaded build (cpython-3.13t) has no GIL to
# wait for.
import socket
import threading
import time

a, b = socket.socketpair()


def echo():
    while True:
        data = b.recv(100)
        if not data:
            break
        b.sendall(data)


def round_trips(n):
    start = time.perf_counter()
    for i in range(n):
        a.sendall(b"ping")
        a.recv(100)
    return (time.perf_counter() - start) / n


stop = [False]


def hog():
    n = 0
    while not stop[0]:
        n += 1


threading.Thread(target=echo).start()
alone = round_trips(20)
h = threading.Thread(target=hog)
h.start()
time.sleep(0.001)
busy = round_trips(10)
stop[0] = True
h.join()
a.close()
print("round trip alone:          %8.1f us" % (alone * 1e6))
print("round trip with CPU thread: %8.1f us" % (busy * 1e6))
