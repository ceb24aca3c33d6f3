# source: Python 3.12 documentation, concurrent.futures, "ThreadPoolExecutor Example", https://docs.python.org/3.12/library/concurrent.futures.html#threadpoolexecutor-example
# edited: urllib.request.urlopen replaced by time.sleep(0.1) returning the URL's bytes
# compare: unordered
import concurrent.futures
import time

URLS = ['http://www.foxnews.com/',
        'http://www.cnn.com/',
        'http://europe.wsj.com/',
        'http://www.bbc.co.uk/',
        'http://nonexistant-subdomain.python.org/']

# Retrieve a single page and report the URL and contents
def load_url(url, timeout):
    time.sleep(0.1)
    return url.encode()

# We can use a with statement to ensure threads are cleaned up promptly
with concurrent.futures.ThreadPoolExecutor(max_workers=5) as executor:
    # Start the load operations and mark each future with its URL
    future_to_url = {executor.submit(load_url, url, 60): url for url in URLS}
    for future in concurrent.futures.as_completed(future_to_url):
        url = future_to_url[future]
        try:
            data = future.result()
        except Exception as exc:
            print('%r generated an exception: %s' % (url, exc))
        else:
            print('%r page is %d bytes' % (url, len(data)))
