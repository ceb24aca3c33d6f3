# re in threads: workers parse log lines with one compiled pattern and count what
# they find under a lock; the main thread summarises with sub and findall.
import collections
import re
import threading

import gilscope

LINE = re.compile(r'^(?P<ts>\d{2}:\d{2}:\d{2}) (?P<level>[A-Z]+)\s+\[(?P<worker>\w+)\] (?P<msg>.*)$')
lines = []
for i in range(60):
    level = ['INFO', 'WARNING', 'ERROR'][i % 3 if i % 7 else 2]
    lines.append(f'12:{i // 60:02d}:{i % 60:02d} {level}  [w{i % 4}] request {i} took {i * 7 % 50} ms')
lines.append('garbage line')

counts = collections.Counter()
slow = []
lock = threading.Lock()


def parse(chunk):
    for line in chunk:
        m = LINE.match(line)
        if m is None:
            with lock:
                counts['unparsed'] += 1
            continue
        took = int(re.search(r'took (\d+) ms', m['msg']).group(1))
        with lock:
            counts[m.group('level')] += 1
            if took > 40:
                slow.append((m['ts'], m['worker'], took))
        gilscope.io(0.0001)


threads = [threading.Thread(target=parse, args=(lines[i::3],)) for i in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(counts.items()))
print(sorted(slow))
report = '\n'.join(lines[:5])
print(re.sub(r'\d{2}:\d{2}:\d{2}', 'HH:MM:SS', report))
print(re.findall(r'\[(w\d)\]', report), LINE.groupindex)
