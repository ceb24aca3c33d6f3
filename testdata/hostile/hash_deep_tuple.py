# expect: RecursionError — hash() of a tuple nested a million deep raises it; it overflowed the Go stack and killed the server
def nest(n):
    a = ()
    for i in range(n):
        a = (a,)
    return a

a = nest(10**6)
print(hash(a))
