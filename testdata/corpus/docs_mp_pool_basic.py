# source: Python 3.12 documentation, multiprocessing, https://docs.python.org/3.12/library/multiprocessing.html ("Introduction")
from multiprocessing import Pool

def f(x):
    return x*x

if __name__ == '__main__':
    with Pool(5) as p:
        print(p.map(f, [1, 2, 3]))
