# source: minister19/Python_snippets, https://github.com/minister19/Python_snippets/blob/394768d9dba850016780280b1f6813a1f60161c3/concurrency_parallelism/concurrent.futures/12.process_pool.py
# compare: exact
from concurrent.futures import ProcessPoolExecutor, as_completed
from time import sleep


def task(message):
    sleep(2)
    return message


def main():
    executor = ProcessPoolExecutor(5)
    future = executor.submit(task, ("Completed"))
    print(future.done())
    sleep(3)
    print(future.done())
    print(future.result())


if __name__ == '__main__':
    main()


values = [2, 3, 4, 5]


def square(n):
    return n * n


def main2():
    with ProcessPoolExecutor(max_workers=5) as executor:
        results = executor.map(square, values)
    for result in results:
        print(result)


if __name__ == '__main__':
    main2()
