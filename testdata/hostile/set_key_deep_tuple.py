# expect: RecursionError — a tuple nested a million deep as a set element (its hash recurses)
def nest(n):
    a = ()
    for i in range(n):
        a = (a,)
    return a

a = nest(10**6)
print(len({a}))
