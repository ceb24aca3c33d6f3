# expect: RecursionError — list.count compares a tuple nested a million deep with another
def nest(n):
    a = ()
    for i in range(n):
        a = (a,)
    return a

a = nest(10**6)
b = nest(10**6)
print([b].count(a))
