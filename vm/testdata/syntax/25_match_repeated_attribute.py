# A compile error: CPython's compiler refuses this match statement; gilscope gives the
# same message at the same place.
print("start")
x = 1
match x:
    case C(a=1, a=2):
        pass
