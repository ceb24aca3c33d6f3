# expect: ok — a fork copies a global tuple nested a million deep: the child starts without it and the run ends normally
import multiprocessing

def nest(n):
    a = ()
    for i in range(n):
        a = (a,)
    return a

a = nest(10**6)

def child():
    print('child ran')

if __name__ == '__main__':
    multiprocessing.set_start_method('fork')
    p = multiprocessing.Process(target=child)
    p.start()
    p.join()
    print('parent done')
