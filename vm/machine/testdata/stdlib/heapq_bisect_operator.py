# heapq (the heap's list ordered as CPython orders it), bisect and operator; a
# priority scheduler whose worker threads pop jobs from a heap under a lock.
import heapq
import threading
from bisect import bisect, bisect_left, bisect_right, insort, insort_left
from operator import add, attrgetter, itemgetter, methodcaller, mul, neg

h = []
for x in [5, 1, 8, 3, 9, 2, 7]:
    heapq.heappush(h, x)
print(h, heapq.heappop(h), h)
print(heapq.heappushpop(h, 0), heapq.heapreplace(h, 10), h)
data = [9, 4, 7, 1, 8, 2, 6, 3, 5, 0]
heapq.heapify(data)
print(data, [heapq.heappop(data) for _ in range(len(data))])
print(heapq.nlargest(3, [4, 1, 7, 3, 9]), heapq.nsmallest(2, ["pear", "fig", "apple"], key=len))
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [0, 9])), list(heapq.merge([3, 1], [2], reverse=True)))
tasks = []
heapq.heappush(tasks, (2, "write"))
heapq.heappush(tasks, (1, "read"))
heapq.heappush(tasks, (3, "close"))
print([heapq.heappop(tasks)[1] for _ in range(3)])
try:
    heapq.heappop([])
except IndexError as e:
    print("IndexError:", e)

grades = [60, 70, 80, 90]
print([bisect(grades, s) for s in (33, 60, 75, 90, 99)], bisect_left(grades, 70), bisect_right(grades, 70))
scores = [1, 3, 3, 5]
insort(scores, 3)
insort_left(scores, 0)
insort(scores, 4, lo=2)
print(scores, bisect_left(scores, 3, 0, 3), bisect_right([(1, "a"), (3, "b")], 2, key=itemgetter(0)))
people = [("ada", 36), ("bob", 25)]
insort(people, ("cy", 30), key=itemgetter(1))
print(people)

rows = [("b", 2, 9.5), ("a", 3, 1.0), ("c", 1, 4.2)]
print(sorted(rows, key=itemgetter(1)), sorted(rows, key=itemgetter(2, 0)), itemgetter(0)("xyz"))
print(itemgetter(1), itemgetter(0, 2), attrgetter("real"), methodcaller("split", ",", maxsplit=1))


class Job:
    def __init__(self, name, priority):
        self.name, self.priority = name, priority


jobs = [Job("backup", 3), Job("email", 1), Job("report", 2)]
print([j.name for j in sorted(jobs, key=attrgetter("priority"))], attrgetter("name", "priority")(jobs[0]))
print(methodcaller("upper")("gil"), methodcaller("split", ",", maxsplit=1)("a,b,c"))
print(add(2, 3), mul(4, 5), neg(7), list(map(add, [1, 2], [10, 20])))

# A priority scheduler: workers pop the most urgent job first, under a lock.
queue = []
lock = threading.Lock()
for prio, name in [(5, "archive"), (1, "page oncall"), (3, "rotate logs"), (2, "renew cert"), (4, "vacuum")]:
    heapq.heappush(queue, (prio, name))
done = []


def worker():
    while True:
        with lock:
            if not queue:
                return
            prio, name = heapq.heappop(queue)
            done.append((prio, name))


threads = [threading.Thread(target=worker) for _ in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(done)
