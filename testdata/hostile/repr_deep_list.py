# expect: RecursionError — print() of a list nested a million deep: "maximum recursion depth exceeded while getting the repr of an object"
def nest(n):
    a = []
    for i in range(n):
        a = [a]
    return a

print(nest(10**6))
