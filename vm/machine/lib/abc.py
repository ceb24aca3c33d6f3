# abc, as gilscope provides it: ABCMeta (a metaclass), ABC and abstractmethod so that
# class hierarchies written with them run. Nothing is enforced: an abstract class can
# be instantiated and isinstance does not consult register().

__all__ = ['ABC', 'ABCMeta', 'abstractmethod', 'abstractclassmethod', 'abstractstaticmethod',
           'abstractproperty', 'get_cache_token']


class ABCMeta(type):
    def register(cls, subclass):
        return subclass


class ABC(metaclass=ABCMeta):
    __slots__ = ()


def abstractmethod(funcobj):
    return funcobj


def abstractclassmethod(callable):
    return classmethod(callable)


def abstractstaticmethod(callable):
    return staticmethod(callable)


def abstractproperty(fget=None, fset=None, fdel=None, doc=None):
    return property(fget, fset, fdel, doc)


def get_cache_token():
    return 0
