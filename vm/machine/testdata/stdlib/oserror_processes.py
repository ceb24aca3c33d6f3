# An OSError raised in a worker process reaches the parent with its errno,
# strerror and filename, as pickle carries them.
from concurrent.futures import ProcessPoolExecutor


def f(x):
    raise FileNotFoundError(2, "No such file or directory", "data%d.txt" % x)


if __name__ == "__main__":
    with ProcessPoolExecutor(1) as ex:
        try:
            ex.submit(f, 1).result()
        except OSError as e:
            print(type(e).__name__, e, e.errno, e.filename, e.args)
