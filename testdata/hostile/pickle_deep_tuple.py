# expect: RecursionError — a multiprocessing queue pickles a tuple nested a million deep: "maximum recursion depth exceeded while pickling an object"
import multiprocessing

def nest(n):
    a = ()
    for i in range(n):
        a = (a,)
    return a

if __name__ == '__main__':
    a = nest(10**6)
    q = multiprocessing.Queue()
    q.put(a)
    print(q.get())
