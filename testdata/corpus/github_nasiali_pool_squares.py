# source: Nasiali-Eden/distributed-networking-with-python, https://github.com/Nasiali-Eden/distributed-networking-with-python/blob/93cbd661ed93b5926c2af7c3c067a90fb87c11bb/e.py
# compare: exact
from multiprocessing import Pool

def square(x):
    return x * x
if __name__ == "__main__":
    numbers = [1, 2, 3, 4, 5]
    with Pool(processes=2) as pool:
        results = pool.map(square, numbers)
    print(f"Squares: {results}")