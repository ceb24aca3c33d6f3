# source: Real Python, "Speed Up Your Python Program With Concurrency" (Jim Anderson), https://github.com/realpython/materials/blob/master/concurrency-overview/io_mp.py
# edited: the requests session and its get replaced by time.sleep(0.05); sites * 80 -> * 5
# compare: unordered
# mask: ForkPoolWorker-\d+
# timing: Downloaded \d+ in ([0-9.e-]+) seconds
#!/usr/bin/env python3
import multiprocessing
import time


session = None


def set_global_session():
    global session
    if not session:
        session = object()


def download_site(url):
    time.sleep(0.05)
    name = multiprocessing.current_process().name
    print(f"{name}:Read {len(url)} from {url}")


def download_all_sites(sites):
    with multiprocessing.Pool(initializer=set_global_session) as pool:
        pool.map(download_site, sites)


if __name__ == "__main__":
    sites = [
        "https://www.jython.org",
        "http://olympus.realpython.org/dice",
    ] * 5
    start_time = time.time()
    download_all_sites(sites)
    duration = time.time() - start_time
    print(f"Downloaded {len(sites)} in {duration} seconds")
