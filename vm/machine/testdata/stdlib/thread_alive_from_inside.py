# A thread sees itself alive and "started" from its first instruction on, even when
# it runs before start() has returned in its creator.
import threading
import time


def show(tag):
    me = threading.current_thread()
    print(tag, repr(me).replace(str(me.ident), 'ID'), me.is_alive())


def busy():
    show('worker')
    time.sleep(0.05)
    show('worker again')


t = threading.Thread(target=busy, name='w1')
print(repr(t), t.is_alive())
t.start()
time.sleep(0.005)
print('main sees', repr(t).replace(str(t.ident), 'ID'), t.is_alive())
t.join()
print('after join', repr(t).replace(str(t.ident), 'ID'), t.is_alive())
d = threading.Thread(target=show, args=('daemon',), name='d1', daemon=True)
d.start()
d.join()
show('main')
