# expect: limit — hash() of a tuple whose tree has 2**60 leaves: one builtin call that only the run's CPU limit can stop
t = ()
for i in range(60):
    t = (t, t)
print(hash(t))
