# source: none: written for gilscope in the style of tutorials' multiprocessing.pool.ThreadPool examples that map in a helper function and never close the pool (the original programs could not be taken verbatim)
# compare: exact
import threading
import time
from multiprocessing.pool import ThreadPool


def download(page):
    time.sleep(0.01 * (page % 3 + 1))  # stands for the network
    return "page %d: %d bytes" % (page, 1000 + 37 * page)


def fetch_all(pages):
    pool = ThreadPool(4)
    return pool.map(download, pages)


for batch in ([1, 2, 3], [4, 5, 6, 7, 8]):
    for line in fetch_all(batch):
        print(line)
    time.sleep(0.05)
    print("threads alive after the batch:", threading.active_count())
