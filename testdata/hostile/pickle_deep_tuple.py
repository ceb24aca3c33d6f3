# expect: RecursionError — a multiprocessing SimpleQueue pickles a tuple nested a million deep in put: "maximum recursion depth exceeded while pickling an object" (a Queue's feeder thread would print it and the get would wait for ever, as in CPython)
import multiprocessing

def nest(n):
    a = ()
    for i in range(n):
        a = (a,)
    return a

if __name__ == '__main__':
    a = nest(10**6)
    q = multiprocessing.SimpleQueue()
    q.put(a)
    print(q.get())
