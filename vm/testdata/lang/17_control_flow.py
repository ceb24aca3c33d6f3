# Control flow: if/elif/else, while/else, for/else, break, continue, pass, nested loops.
for n in [-5, 0, 3, 10, 42]:
    if n < 0:
        print(n, "negative")
    elif n == 0:
        print(n, "zero")
    elif n < 10:
        print(n, "small")
    else:
        print(n, "big")
i = 0
while i < 5:
    i += 1
    if i == 2:
        continue
    print("while", i)
else:
    print("while finished normally, i =", i)
i = 0
while True:
    i += 1
    if i > 3:
        break
print("broke at", i)
i = 10
while i < 5:
    print("never")
else:
    print("while-else with false condition")
j = 0
while j < 10:
    j += 1
    if j == 4:
        break
else:
    print("not printed")
print("j =", j)
for x in range(3):
    pass
else:
    print("for-else runs, x =", x)
for x in [1, 2, 3]:
    if x == 2:
        print("found 2, breaking")
        break
else:
    print("not printed")
for x in []:
    print("never")
else:
    print("empty for-else")

def find_prime_factor(n):
    for d in range(2, n):
        if n % d == 0:
            return d
    else:
        return None

print([find_prime_factor(n) for n in [15, 17, 49, 2, 91]])
for n in range(2, 20):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        print(n, "is prime", end="; ")
print()
for i in range(1, 4):
    for j in range(1, 4):
        if j == i:
            continue
        if i + j == 5:
            break
        print((i, j), end=" ")
    print("| end of i =", i)
total = 0
for i in range(100):
    if i % 2:
        continue
    if i > 20:
        break
    total += i
print("total", total)
for ch in "a1b2c3":
    if ch.isdigit():
        pass
    else:
        print(ch, end="")
print()
count = 0
n = 27
while n != 1:
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    count += 1
print("collatz steps for 27:", count)
for i in range(10, 0, -3):
    print(i, end=" ")
print()
for i in range(-5, 5, 4):
    print(i, end=" ")
print()
if []:
    print("empty list is true?")
elif {}:
    print("empty dict is true?")
elif "0":
    print("non-empty string is true")
if not None:
    print("not None")
x = 5
if x:
    if x > 3:
        if x > 4:
            print("deep", x)
matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
target = 6
found = None
for r, row in enumerate(matrix):
    for c, val in enumerate(row):
        if val == target:
            found = (r, c)
            break
    if found:
        break
print("found", target, "at", found)
k = 0
while k < 3:
    k += 1
    for m in range(3):
        if m == k:
            break
    else:
        print("inner loop completed for k =", k)
print(k)
