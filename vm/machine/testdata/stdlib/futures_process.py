# ProcessPoolExecutor: calls run in worker processes; results and exceptions come back.
from concurrent.futures import ProcessPoolExecutor, as_completed, wait


def cube(x):
    return x * x * x


def fails(x):
    raise KeyError(x)


if __name__ == "__main__":
    with ProcessPoolExecutor(max_workers=2) as ex:
        fs = [ex.submit(cube, i) for i in range(6)]
        print(sorted(f.result() for f in as_completed(fs)))
        print(list(ex.map(cube, [3, 4, 5])))
        f = ex.submit(fails, "k")
        try:
            f.result()
        except KeyError as e:
            print("raised KeyError", e)
        done, not_done = wait([ex.submit(cube, 7)])
        print(len(done), len(not_done))
    try:
        ex.submit(cube, 1)
    except RuntimeError as e:
        print(e)
