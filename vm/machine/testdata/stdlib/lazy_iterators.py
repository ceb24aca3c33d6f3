# Laziness over endless iterators: heapq.merge, zip and map with itertools' counters.
import heapq, itertools
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [3, 6, 9])))
print(list(heapq.merge([7, 4, 1], [8, 5], reverse=True)))
print(list(heapq.merge(["bb", "a"], ["ccc", "dd"], key=len, reverse=True)))
print(list(itertools.islice(heapq.merge(itertools.count(0, 2), itertools.count(1, 2)), 7)))
print(list(heapq.merge([(1, "a"), (2, "b")], [(1, "c")])), list(heapq.merge()))
print(list(zip(itertools.count(), "abc")), list(map(pow, itertools.repeat(2), range(5))))
