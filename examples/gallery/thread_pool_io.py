# title: ThreadPoolExecutor for I/O
# models: cpython-3.12 cpython-2.7 cpython-3.13t
# cores: 2
# seed: 1
# max_time: 1
# order: 150
#
# Twelve downloads of 30 ms each (gilscope.io stands for a blocking network call)
# go through a concurrent.futures.ThreadPoolExecutor, first with 4 workers, then
# with 12. The GIL hardly matters here: each worker holds it for a few microseconds
# to start a request and to handle the answer, and releases it while it waits. On
# the timeline the first pool runs in three waves of four (about 90 ms), the second
# in one wave (about 30 ms). For I/O the number of threads, not the number of cores,
# bounds the speed-up; map() returns the results in the order of the inputs.
from concurrent.futures import ThreadPoolExecutor

import gilscope


def download(url):
    gilscope.io(0.03)
    return len(url)


urls = ["https://example.com/page/%d" % i for i in range(12)]
for workers in (4, 12):
    with ThreadPoolExecutor(max_workers=workers) as ex:
        sizes = list(ex.map(download, urls))
    print(workers, "workers:", sizes)
