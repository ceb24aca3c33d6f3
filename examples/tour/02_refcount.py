# Every object counts the references to it. sys.getrefcount(x) reports the count,
# plus one for its own argument.
import sys



class Tracked:
    pass


a = []
print("alone", sys.getrefcount(a))
b = a
print("one_more", sys.getrefcount(a))
pair = [a, a]
print("in_a_list", sys.getrefcount(a))
del b, pair
print("after_del", sys.getrefcount(a))

t = Tracked()
del t  # the last reference: the count reaches 0 and the object is freed at once

print("small_int", sys.getrefcount(5))
