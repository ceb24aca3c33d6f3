# super(type, obj), the form programs written for Python 2 use.
class Base(object):
    def __init__(self):
        self.items = []

    def describe(self):
        return 'base'


class Pool(Base):
    def __init__(self):
        super(Pool, self).__init__()
        self.items.append('pool')

    def describe(self):
        return 'pool over ' + super(Pool, self).describe()


class Deeper(Pool):
    def describe(self):
        return 'deeper, skipping pool: ' + super(Pool, self).describe()


p = Pool()
print(p.items, p.describe())
print(Deeper().describe())
try:
    super(Pool, 3)
except TypeError as e:
    print('TypeError:', e)
try:
    super(3, p)
except TypeError as e:
    print('TypeError:', e)
