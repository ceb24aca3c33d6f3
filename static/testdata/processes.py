# Two worker processes, each with its own interpreter and GIL (static/timeline_test.go).
import multiprocessing


def work(n):
    while n > 0:
        n -= 1
    return n


if __name__ == "__main__":
    with multiprocessing.Pool(2) as pool:
        print(pool.map(work, [100000, 100000]))
