# expect: RecursionError — max() orders two tuples nested a million deep
def nest(n):
    a = ()
    for i in range(n):
        a = (a,)
    return a

a = nest(10**6)
b = nest(10**6)
print(max([a, b]))
