# source: Real Python, "Speed Up Your Python Program With Concurrency" (Jim Anderson), https://github.com/realpython/materials/blob/master/concurrency-overview/io_threading.py
# edited: the requests session and its get replaced by time.sleep(0.05); sites * 80 -> * 5
# compare: unordered
# timing: Downloaded \d+ in ([0-9.e-]+) seconds
#!/usr/bin/env python3
import concurrent.futures
import threading
import time


thread_local = threading.local()


def get_session():
    if not hasattr(thread_local, "session"):
        thread_local.session = object()
    return thread_local.session


def download_site(url):
    session = get_session()
    time.sleep(0.05)
    print(f"Read {len(url)} from {url}")


def download_all_sites(sites):
    with concurrent.futures.ThreadPoolExecutor(max_workers=5) as executor:
        executor.map(download_site, sites)


if __name__ == "__main__":
    sites = [
        "https://www.jython.org",
        "http://olympus.realpython.org/dice",
    ] * 5
    start_time = time.time()
    download_all_sites(sites)
    duration = time.time() - start_time
    print(f"Downloaded {len(sites)} in {duration} seconds")
