# random.sample and random.choices draw as CPython's do: a seeded program picks the
# same items.
import random

random.seed(42)
print(random.sample(range(100), 5))
print(random.sample(['a', 'b', 'c', 'd'], 4))
print(random.sample(range(1000), 12))
print(random.choices(['red', 'green', 'blue'], k=6))
print(random.choices(['red', 'green', 'blue'], [10, 1, 1], k=6))
print(random.choices('abc', cum_weights=[1, 2, 10], k=5))
print(random.choices([1, 2, 3]))
print(random.sample('xyz', k=2))
for bad in [lambda: random.sample([1, 2], 3), lambda: random.sample({1, 2}, 1),
            lambda: random.choices([1, 2], [1], k=2), lambda: random.choices([1], [0]),
            lambda: random.choices([1], [1], cum_weights=[1])]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ':', e)
