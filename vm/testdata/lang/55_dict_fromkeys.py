# dict.fromkeys is a classmethod: through the class or an instance, and a subclass
# gets an instance of itself.
print(dict.fromkeys([1, 2], 0), dict.fromkeys('ab'), {}.fromkeys([3]))
class D(dict):
    pass
d = D.fromkeys(['x', 'y'], [])
print(type(d).__name__, d, d['x'] is d['y'])
try:
    dict.fromkeys()
except TypeError as e:
    print(e)
