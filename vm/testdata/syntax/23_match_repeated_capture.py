# A compile error: CPython's compiler refuses this match statement; gilscope gives the
# same message at the same place.
print("start")
x = 1
match x:
    case [a, a]:
        pass
