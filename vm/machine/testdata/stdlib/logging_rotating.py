# logging.handlers.RotatingFileHandler: threads log to a file that rolls over to .1, .2.
import logging
import logging.handlers
import os
import threading

os.makedirs("rottest_dir", exist_ok=True)
path = os.path.join("rottest_dir", "app.log")
handler = logging.handlers.RotatingFileHandler(path, maxBytes=200, backupCount=2)
handler.setFormatter(logging.Formatter("%(threadName)s %(message)s"))
log = logging.getLogger("rot")
log.setLevel(logging.INFO)
log.addHandler(handler)


def work(n):
    for i in range(10):
        log.info("thread %d message %d", n, i)


threads = [threading.Thread(target=work, args=(n,), name="T%d" % n) for n in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
handler.close()
total = 0
for name in sorted(os.listdir("rottest_dir")):
    with open(os.path.join("rottest_dir", name)) as f:
        lines = f.read().splitlines()
    total += len(lines)
    print(name, len(lines), os.path.getsize(os.path.join("rottest_dir", name)) < 200)
    os.remove(os.path.join("rottest_dir", name))
os.rmdir("rottest_dir")
print("lines kept:", total)
