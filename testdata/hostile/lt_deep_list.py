# expect: RecursionError — < of two lists nested a million deep: "maximum recursion depth exceeded in comparison"
def nest(n):
    a = []
    for i in range(n):
        a = [a]
    return a

print(nest(10**6) < nest(10**6))
