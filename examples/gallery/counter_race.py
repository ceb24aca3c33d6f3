# title: counter += 1 is not atomic (on 3.9)
# models: cpython-3.9 cpython-3.12 cpython-2.7 cpython-3.13t jython
# cores: 2
# seed: 1
# max_time: 1
# output: varies
# order: 40
#
# Two threads each add 1 to a global counter 500,000 times, with no lock. counter +=
# 1 is four bytecodes: load the global, load 1, add, store the global. Under
# cpython-3.9 the GIL can change hands between any two of them: a thread that loaded
# the old value is told to drop the GIL, the other thread runs for a whole 5 ms
# interval adding thousands, then the first stores its stale value + 1 and wipes
# them all out. Count the lost updates in the output, then find a GIL hand-off on the
# timeline that falls inside the loop body. Under cpython-3.12 the GIL is only
# handed over at loop back-edges and calls, never inside counter += 1, so nothing
# is lost: that is an accident of the implementation, not a promise; use a Lock.
# Without a GIL at all (cpython-3.13t, or Jython on the JVM) both threads run at once
# and many updates are lost.
import threading

N = 500000
counter = 0


def work():
    global counter
    for i in range(N):
        counter += 1


threads = [threading.Thread(target=work) for i in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("expected %d got %d lost %.1f%%" % (2 * N, counter, 100.0 * (2 * N - counter) / (2 * N)))
