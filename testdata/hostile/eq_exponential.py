# expect: limit — == of two equal tuples of 2**60 leaves that share no object: the run's CPU limit stops it
a = ()
b = ()
for i in range(60):
    a = (a, a)
    b = (b, b)
print(a == b)
