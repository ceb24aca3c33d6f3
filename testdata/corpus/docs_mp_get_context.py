# source: Python 3.12 documentation, multiprocessing, https://docs.python.org/3.12/library/multiprocessing.html ("Contexts and start methods")
import multiprocessing as mp

def foo(q):
    q.put('hello')

if __name__ == '__main__':
    ctx = mp.get_context('spawn')
    q = ctx.Queue()
    p = ctx.Process(target=foo, args=(q,))
    p.start()
    print(q.get())
    p.join()
