# title: The same program under Ruby's GVL
# models: ruby-gvl cpython-3.12
# cores: 2
# seed: 1
# max_time: 2
# output: varies
# order: 120
#
# Ruby (MRI) also has a global lock, the GVL, and this is the same Python program
# run under a model of it. A CPU-bound thread works for about 130 ms while another
# thread naps for 1 ms, five times, and notes how late each nap ends. Ruby's lock
# hands over in strict FIFO order and lets a CPU-bound thread keep it for a 100 ms
# quantum (a timer thread ticks every 10 ms to charge it): so the napping thread, once
# it wakes, queues behind the hog for up to 100 ms. On the timeline the sleeper's
# lane is ready-but-waiting for a very long stretch, and it often finishes after
# the hog. Under cpython-3.12 it waits at most a 5 ms switch interval per nap.
import threading
import time


def hog(n):
    while n > 0:
        n -= 1
    order.append("hog")


def sleeper():
    for i in range(5):
        start = time.perf_counter()
        time.sleep(0.001)
        lateness.append(time.perf_counter() - start - 0.001)
    order.append("sleeper")


order = []
lateness = []
threads = [threading.Thread(target=sleeper), threading.Thread(target=hog, args=(3500000,))]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("finished first:", order[0])
print("lateness per nap (ms):", " ".join("%.1f" % (x * 1000) for x in lateness))
