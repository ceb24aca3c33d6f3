# itertools: every iterator, lazily (infinite ones are cut with islice, zip or a
# break), and a pipeline fed to a thread pool.
import itertools
from concurrent.futures import ThreadPoolExecutor
from itertools import (accumulate, batched, chain, combinations, combinations_with_replacement,
                       compress, count, cycle, dropwhile, filterfalse, groupby, islice, pairwise,
                       permutations, product, repeat, starmap, takewhile, tee, zip_longest)

print(list(islice(count(), 5)), list(islice(count(10, 5), 3)), list(islice(count(1.5, 0.5), 3)))
print(count(3), count(2, 3), repeat("x", 2), repeat(7))
print(list(islice(cycle("abc"), 7)), list(cycle([])), list(repeat("x", 3)))
# gilscope's zip and map take their arguments whole: no infinite iterator there.
print(list(zip(range(1, 4), "abc")), list(map(pow, range(4), repeat(2, 4))))
print(list(chain("ab", [1, 2], ())), list(chain.from_iterable(["xy", "z"])))
print(list(islice("ABCDEFG", 2)), list(islice("ABCDEFG", 2, 4)), list(islice("ABCDEFG", 2, None)),
      list(islice("ABCDEFG", 0, None, 2)))
print(list(zip_longest("ABCD", "xy", fillvalue="-")), list(zip_longest()), list(zip_longest([1], [])))
print(list(starmap(pow, [(2, 5), (3, 2)])), list(accumulate([1, 2, 3, 4])),
      list(accumulate([3, 1, 4, 1, 5], max)), list(accumulate([1, 2], initial=100)),
      list(accumulate([])))
print(list(compress("ABCDEF", [1, 0, 1, 0, 1, 1])), list(dropwhile(lambda x: x < 5, [1, 4, 6, 3, 8])),
      list(takewhile(lambda x: x < 5, [1, 4, 6, 3, 8])), list(filterfalse(lambda x: x % 2, range(10))),
      list(filterfalse(None, [0, 1, "", "a"])))
print(list(pairwise("ABCD")), list(pairwise("A")), list(batched("ABCDEFG", 3)))
print([(k, list(g)) for k, g in groupby("AAAABBBCCDAABBB")])
print([(k, list(g)) for k, g in groupby([1, 3, 2, 4, 5], key=lambda x: x % 2)])
groups = groupby("aabbc")
k1, g1 = next(groups)
k2, g2 = next(groups)
print(k1, list(g1), k2, list(g2), [k for k, g in groups])
a, b = tee([1, 2, 3])
print(list(a), list(b), len(tee("x", 3)))
a, b = tee(count())
print(next(a), next(a), next(b), list(islice(b, 3)))
print(list(product("ab", [0, 1])), list(product(range(2), repeat=2)), list(product()), list(product("a", [])))
print(list(permutations("ABC", 2)), list(permutations(range(3))), list(permutations("AB", 3)))
print(list(combinations("ABCD", 2)), list(combinations(range(4), 3)), list(combinations("A", 2)))
print(list(combinations_with_replacement("ABC", 2)), list(combinations_with_replacement("", 0)))
print(sum(1 for _ in permutations(range(5))), len(list(combinations(range(10), 4))))
for n in count(1):
    if n * n > 50:
        break
print("first square over 50:", n)
it = iter(islice(count(), 3))
print(next(it), next(it), next(it), next(it, "done"))
try:
    list(islice("abc", -1))
except ValueError as e:
    print("ValueError:", e)

# A pipeline: batches of work items go to a thread pool, results are accumulated.
jobs = batched(map(lambda n: n * n, range(1, 21)), 5)
with ThreadPoolExecutor(max_workers=3) as pool:
    sums = list(pool.map(sum, jobs))
print(sums, list(accumulate(sums)))
