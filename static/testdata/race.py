# A list loaded by two threads at once: under nogil-unsafe its count races, and
# it is freed while still in use (static/timeline_test.go).
import threading
shared = [1, 2, 3]
def work():
    for i in range(100000):
        x = shared
        del x
ts = [threading.Thread(target=work) for _ in range(2)]
for t in ts: t.start()
for t in ts: t.join()
print("ok")
