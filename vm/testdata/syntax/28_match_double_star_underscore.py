# A match statement CPython's parser refuses: gilscope gives the same message at the
# same place.
print("start")
x = 1
match x:
    case {**_}:
        pass
