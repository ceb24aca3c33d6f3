# Part 1: eight 20 ms waits, one after another, then in eight threads.
# Part 2: a thread that keeps making short blocking calls, alone and then next to a
# thread that only computes.
import threading
import time

K = 8


def wait():
    time.sleep(0.02)


start = time.time()
for i in range(K):
    wait()
sequential = time.time() - start
threads = [threading.Thread(target=wait) for i in range(K)]
start = time.time()
for t in threads:
    t.start()
for t in threads:
    t.join()
print("speedup_8thr %.2f" % (sequential / (time.time() - start)))


def round_trips(n):
    start = time.time()
    for i in range(n):
        time.sleep(0)
    return (time.time() - start) / n


def hog(stop):
    while not stop[0]:
        pass


alone = round_trips(20)
stop = [False]
t = threading.Thread(target=hog, args=(stop,))
t.start()
busy = round_trips(20)
stop[0] = True
t.join()
print("call_alone_us %.0f" % (alone * 1e6))
print("call_busy_us %.0f" % (busy * 1e6))
