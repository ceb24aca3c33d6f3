# io: StringIO and BytesIO (write, read, readline, iteration, seek, tell, truncate,
# getvalue, context manager, CPython's errors), print(file=...) into them and into an
# open file, contextlib.redirect_stdout, a logging handler on a StringIO, and threads
# each building a report in its own buffer.
import contextlib
import io
import logging
import os
import threading

import gilscope

s = io.StringIO()
print(s.write('hello\n'), s.write('world\n'), s.tell(), repr(s.getvalue()))
s.seek(0)
print(repr(s.readline()), repr(s.read()), repr(s.read()), s.tell())
s.seek(0)
print([line for line in s], s.readable(), s.writable(), s.seekable())
s.seek(3)
s.write('P')
print(repr(s.getvalue()), s.truncate(4), repr(s.getvalue()), s.tell())
s.seek(10)
s.write('z')
print(repr(s.getvalue()))
with io.StringIO('a\nb\nc') as f:
    print(f.readlines(), f.closed, f.seek(0, 2), f.seek(0, 0), f.read(2))
print(f.closed)
for action in [lambda: f.write('x'), lambda: f.getvalue(), lambda: f.read(), lambda: iter(f)]:
    try:
        action()
    except ValueError as e:
        print('ValueError', e)
t = io.StringIO()
for action in [lambda: t.write(3), lambda: t.seek(1, 1), lambda: t.seek(-1), lambda: t.seek(0, 5),
               lambda: t.truncate(-1), lambda: t.read('a'), lambda: io.StringIO(3),
               lambda: io.StringIO(newline='x'), lambda: t.fileno(), lambda: t.detach()]:
    try:
        print(action())
    except (TypeError, ValueError, OSError) as e:
        print(type(e).__name__, e, isinstance(e, io.UnsupportedOperation))
print(type(t), t.encoding, t.errors, t.line_buffering, isinstance(t, io.TextIOBase), isinstance(t, io.IOBase))
print(io.StringIO('a\r\nb\rc\n', newline=None).readlines(), io.StringIO('a\r\nb\rc\n', newline='').readlines())
crlf = io.StringIO(newline='\r\n')
crlf.write('a\nb\n')
print(repr(crlf.getvalue()), crlf.tell())

b = io.BytesIO(b'abc')
print(b.read(1), b.seek(1, 1), b.seek(-1, 2), b.read(), b.seek(10), b.write(b'z'), b.getvalue())
b = io.BytesIO()
for chunk in [b'line one\n', b'line two\n', b'tail']:
    b.write(chunk)
b.seek(0)
print(list(b), b.tell(), b.getvalue()[:8], isinstance(b, io.BufferedIOBase), type(b))
for action in [lambda: io.BytesIO('s'), lambda: b.write('s'), lambda: b.seek(-1)]:
    try:
        action()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
b.close()
try:
    b.read()
except ValueError as e:
    print(e)

out = io.StringIO()
print('x', 1, [2], sep='|', end='.\n', file=out)
print('flushed', file=out, flush=True)
with contextlib.redirect_stdout(out):
    print('captured')
    print('also', 'captured')
print(repr(out.getvalue()))
err = io.StringIO()
import sys
with contextlib.redirect_stderr(err):
    print('to stderr', file=sys.stderr)
print(repr(err.getvalue()))

with open('report.txt', 'w') as fh:
    for i in range(3):
        print('row', i, file=fh)
with open('report.txt') as fh:
    print(fh.read().splitlines())
os.remove("report.txt")

log = io.StringIO()
handler = logging.StreamHandler(log)
handler.setFormatter(logging.Formatter('%(levelname)s:%(name)s:%(message)s'))
logger = logging.getLogger('buffered')
logger.addHandler(handler)
logger.setLevel(logging.INFO)
logger.info('first')
logger.warning('second %d', 2)
print(log.getvalue().splitlines())

reports = {}


def worker(n):
    buf = io.StringIO()
    for i in range(4):
        print(f'worker {n} step {i}', file=buf)
        if i % 2:
            gilscope.io(0.0003)
    reports[n] = buf.getvalue()


threads = [threading.Thread(target=worker, args=(n,)) for n in range(3)]
for th in threads:
    th.start()
for th in threads:
    th.join()
for n in sorted(reports):
    print(reports[n].splitlines())
