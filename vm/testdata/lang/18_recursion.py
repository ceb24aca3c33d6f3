# Recursion: factorial, fibonacci, hanoi, permutations, flatten, gcd, binary search, mutual recursion.
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)

print([fact(i) for i in range(10)], fact(25))

def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

print([fib(i) for i in range(20)])
moves = []

def hanoi(n, src, dst, via):
    if n == 0:
        return
    hanoi(n - 1, src, via, dst)
    moves.append((src, dst))
    hanoi(n - 1, via, dst, src)

hanoi(4, "A", "C", "B")
print(len(moves), moves[:5], moves[-1])

def permutations(items):
    if len(items) <= 1:
        return [items[:]]
    result = []
    for i in range(len(items)):
        rest = items[:i] + items[i + 1:]
        for p in permutations(rest):
            result.append([items[i]] + p)
    return result

perms = permutations([1, 2, 3])
print(len(perms), perms)
print(["".join(p) for p in permutations(list("abc"))])

def flatten(x):
    if isinstance(x, list):
        out = []
        for item in x:
            out.extend(flatten(item))
        return out
    return [x]

print(flatten([1, [2, [3, [4, [5]]]], [], [[6], 7]]))

def gcd(a, b):
    return a if b == 0 else gcd(b, a % b)

print(gcd(48, 18), gcd(17, 5), gcd(2 ** 40, 6 ** 20))

def bsearch(arr, target, lo, hi):
    if lo > hi:
        return -1
    mid = (lo + hi) // 2
    if arr[mid] == target:
        return mid
    if arr[mid] < target:
        return bsearch(arr, target, mid + 1, hi)
    return bsearch(arr, target, lo, mid - 1)

data = list(range(0, 100, 3))
print([bsearch(data, t, 0, len(data) - 1) for t in [0, 3, 50, 51, 99, 100]])

def is_even(n):
    return True if n == 0 else is_odd(n - 1)

def is_odd(n):
    return False if n == 0 else is_even(n - 1)

print(is_even(10), is_odd(7), is_even(7))

def power_set(s):
    if not s:
        return [[]]
    rest = power_set(s[1:])
    return rest + [[s[0]] + r for r in rest]

print(sorted(power_set([1, 2, 3])))

def depth(tree):
    if not isinstance(tree, tuple):
        return 0
    return 1 + max(depth(child) for child in tree)

print(depth((1, (2, (3, 4)), ((5,),))), depth(7))

def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))

print(ackermann(2, 3), ackermann(1, 5))

def count_down(n, acc):
    if n == 0:
        return acc
    acc.append(n)
    return count_down(n - 1, acc)

print(count_down(5, []))
print(fact(100) % (10 ** 9 + 7), len(str(fact(200))))

def merge_sort(xs):
    if len(xs) <= 1:
        return xs
    mid = len(xs) // 2
    left = merge_sort(xs[:mid])
    right = merge_sort(xs[mid:])
    out = []
    i = j = 0
    while i < len(left) and j < len(right):
        if left[i] <= right[j]:
            out.append(left[i])
            i += 1
        else:
            out.append(right[j])
            j += 1
    return out + left[i:] + right[j:]

print(merge_sort([38, 27, 43, 3, 9, 82, 10, 3, -1]))

def deep(n):
    return 0 if n == 0 else 1 + deep(n - 1)

print(deep(500))
