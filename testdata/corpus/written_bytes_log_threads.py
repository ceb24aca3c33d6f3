# source: none: written for gilscope in the style of tutorials that parse binary log records with bytes regular expressions in worker threads (the original programs could not be taken verbatim)
# compare: exact
import re
import threading
from collections import Counter

RECORD = re.compile(rb"(?P<ip>\d+\.\d+\.\d+\.\d+) \S+ \S+ \[[^\]]+\] \"(?P<method>[A-Z]+) (?P<path>\S+)[^\"]*\" (?P<status>\d{3}) (?P<size>\d+|-)")

LOG = b"""10.0.0.1 - - [04/Dec/2026:10:00:01 +0000] "GET /index.html HTTP/1.1" 200 5120
10.0.0.2 - - [04/Dec/2026:10:00:02 +0000] "POST /login HTTP/1.1" 302 -
10.0.0.1 - - [04/Dec/2026:10:00:03 +0000] "GET /img/logo.png HTTP/1.1" 200 20480
10.0.0.3 - - [04/Dec/2026:10:00:04 +0000] "GET /missing HTTP/1.1" 404 512
10.0.0.2 - - [04/Dec/2026:10:00:05 +0000] "GET /index.html HTTP/1.1" 200 5120
garbage line \xff\xfe that matches nothing
10.0.0.4 - - [04/Dec/2026:10:00:06 +0000] "DELETE /api/item/7 HTTP/1.1" 500 128
""" * 3

status_counts = Counter()
bytes_sent = Counter()
lock = threading.Lock()


def worker(lines):
    local_status = Counter()
    local_bytes = Counter()
    for line in lines:
        m = RECORD.match(line)
        if m is None:
            continue
        local_status[m["status"]] += 1
        if m.group("size") != b"-":
            local_bytes[m.group("ip")] += int(m.group("size"))
    with lock:
        status_counts.update(local_status)
        bytes_sent.update(local_bytes)


lines = LOG.splitlines()
chunks = [lines[i::3] for i in range(3)]
threads = [threading.Thread(target=worker, args=(chunk,)) for chunk in chunks]
for t in threads:
    t.start()
for t in threads:
    t.join()

print(sorted(status_counts.items()))
print(sorted(bytes_sent.items()))
print(re.findall(rb'"([A-Z]+) ', LOG[:200]))
print(re.sub(rb"\d+\.\d+\.\d+\.(\d+)", rb"x.x.x.\1", lines[0]))
print(re.split(rb"\s+", lines[3])[:4])
