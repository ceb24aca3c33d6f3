# A class's __module__ can be set: reprs show the new one.
class Executor:
    pass


print(Executor.__module__, Executor)
Executor.__module__ = 'concurrent.futures.thread'
print(Executor.__module__, Executor)
print(repr(Executor).startswith("<class 'concurrent.futures.thread."))
