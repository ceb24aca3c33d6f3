# source: vatai/tadashi, https://github.com/vatai/tadashi/blob/17c29cf5e86e876db3f6804f69b9753ecdf27658/try-executor.py
# compare: unordered
# edited: sleep times shrunk a hundredfold ([3, 4, 1, 2, 3, 4, 5] -> [0.03, 0.04, 0.01, 0.02, 0.03, 0.04, 0.05])
#!/usr/bin/env python

import time
from concurrent import futures


def func(task, t):
    print(f"task {task}: sleep for {t}s")
    time.sleep(t)
    print(f"task {task}: sleep for {t}s DONE!")
    return t * task * 10000


def main():
    times = [0.03, 0.04, 0.01, 0.02, 0.03, 0.04, 0.05]
    with futures.ThreadPoolExecutor(max_workers=4) as executor:
        fs = [executor.submit(func, *arg) for arg in enumerate(times[:])]
        print("-- scheduled --")
        while fs:
            try:
                for f in futures.as_completed(fs, timeout=0):
                    print(f"{f.result()=}")
                    idx = fs.index(f)
                    del fs[idx]
            except TimeoutError as e:
                # print(f"{e=}")
                pass


if __name__ == "__main__":
    main()
    print("Done!")
