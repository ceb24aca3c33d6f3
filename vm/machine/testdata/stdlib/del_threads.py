# __del__ runs in the thread that drops the last reference, before that thread's next
# Python code (a thread's target returning its object included), and may block: a
# connection-pool style resource joins its helper thread in __del__.
import threading
import time


class Resource:
    def __init__(self, name):
        self.name = name
        self.helper = threading.Thread(target=time.sleep, args=(0.01,))
        self.helper.start()

    def __del__(self):
        self.helper.join()
        print('closed', self.name, 'in', threading.current_thread().name,
              'helper alive:', self.helper.is_alive())


def make():
    return Resource('from a target')


t = threading.Thread(target=make, name='maker')
t.start()
t.join()


def use():
    r = Resource('local')
    print('using', r.name)


use()
print('after use')
shared = [Resource('shared')]


def drop():
    shared.pop()
    print('dropped in', threading.current_thread().name)


w = threading.Thread(target=drop, name='dropper')
w.start()
w.join()
print('end')
