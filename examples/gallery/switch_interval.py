# title: Sweeping the switch interval
# models: cpython-3.12 cpython-3.9
# cores: 2
# seed: 1
# max_time: 1
# output: varies
# order: 100
#
# sys.setswitchinterval(s) sets how long a thread waiting for the GIL waits before it
# asks the holder to drop it (default 5 ms). The program runs the same two CPU-bound
# threads at 5 ms, 1 ms and 0.1 ms and counts how many times the GIL changed hands.
# On the timeline the GIL lane's stripes get thinner as the interval shrinks: ~200
# hand-offs per second at 5 ms, thousands at 0.1 ms. The total time barely moves, since
# each hand-off costs only tens of microseconds (a signal, a wake-up, two context
# switches), but that cost grows with more threads than cores and tiny intervals. A
# shorter interval buys responsiveness for I/O threads (see the convoy example), not
# throughput.
import sys
import threading
import time

switches = [0]
last = [None]


def work(name, n):
    while n > 0:
        if last[0] != name:
            last[0] = name
            switches[0] += 1
        n -= 1


for interval in (0.005, 0.001, 0.0001):
    sys.setswitchinterval(interval)
    switches[0] = 0
    threads = [threading.Thread(target=work, args=(name, 150000)) for name in "ab"]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - start
    print("interval %6.1f ms: %4d switches in %5.1f ms" % (interval * 1000, switches[0], elapsed * 1000))
