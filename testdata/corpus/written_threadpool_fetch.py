# source: none: written for gilscope in the style of the Python documentation's multiprocessing.pool examples (the original programs using ThreadPool could not be taken verbatim)
# compare: unordered
# mask: \d+\.\d+ seconds
"""Fetch pages with a pool of threads: each fetch waits on the network (time.sleep
stands for it), so four threads finish four fetches in the time of one."""
import time
from multiprocessing.pool import ThreadPool

URLS = [
    "https://www.python.org/",
    "https://docs.python.org/3/",
    "https://pypi.org/",
    "https://peps.python.org/",
    "https://wiki.python.org/moin/",
    "https://mail.python.org/",
    "https://bugs.python.org/",
    "https://discuss.python.org/",
]


def fetch(url):
    time.sleep(0.05 + 0.01 * (len(url) % 4))  # the request and the response
    return url, len(url) * 1000


def main():
    start = time.perf_counter()
    with ThreadPool(4) as pool:
        for url, size in pool.imap_unordered(fetch, URLS):
            print(f"{url}: {size} bytes")
    print(f"Fetched {len(URLS)} pages in {time.perf_counter() - start:.2f} seconds")

    start = time.perf_counter()
    with ThreadPool(4) as pool:
        sizes = dict(pool.map(fetch, URLS))
    print(f"Total {sum(sizes.values())} bytes in {time.perf_counter() - start:.2f} seconds")


if __name__ == "__main__":
    main()
