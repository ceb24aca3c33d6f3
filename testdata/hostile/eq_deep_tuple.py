# expect: RecursionError — == of two tuples nested a million deep: "maximum recursion depth exceeded in comparison"
def nest(n):
    a = ()
    for i in range(n):
        a = (a,)
    return a

a = nest(10**6)
b = nest(10**6)
print(a == b)
