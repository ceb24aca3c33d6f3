# pickle calls a class's __reduce__: an object is rebuilt as callable(*args), then
# given its state; a string names a global. Between processes (a Queue, a Pool) as
# in pickle.dumps and loads.
import multiprocessing as mp
import pickle


class Point:
    def __init__(self, x, y):
        print('init', x, y)
        self.x, self.y = x, y

    def __reduce__(self):
        return (Point, (self.x, self.y))

    def __repr__(self):
        return 'Point(%r, %r)' % (self.x, self.y)


def make_temperature(celsius):
    t = Temperature.__new__(Temperature)
    t.celsius = celsius
    return t


class Temperature:
    def __init__(self, fahrenheit):
        self.celsius = (fahrenheit - 32) * 5 / 9
        self.cache = {'expensive': True}

    def __reduce__(self):
        return (make_temperature, (round(self.celsius, 2),), {'restored': True})

    def __setstate__(self, state):
        print('setstate', sorted(state))
        self.__dict__.update(state)


SINGLETON = object.__new__(type('Marker', (), {'__reduce__': lambda self: 'SINGLETON'}))


class Bad:
    def __reduce__(self):
        return 42


def double(p):
    return Point(p.x * 2, p.y * 2)


if __name__ == '__main__':
    p = pickle.loads(pickle.dumps(Point(1, 2)))
    print(p)
    t = pickle.loads(pickle.dumps(Temperature(212)))
    print(vars(t))
    print(pickle.loads(pickle.dumps(SINGLETON)) is SINGLETON)
    try:
        pickle.dumps(Bad())
    except pickle.PicklingError as e:
        print('PicklingError', e)
    q = mp.Queue()
    q.put(Point(3, 4))
    print(q.get())
    with mp.Pool(1) as pool:
        print(pool.map(double, [Point(5, 6)]))
