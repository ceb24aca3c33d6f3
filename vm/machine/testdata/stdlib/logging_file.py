# logging to a file: basicConfig(filename=...) and FileHandler, from several threads;
# the program reads its log back.
import logging
import os
import threading

os.makedirs("logtest_dir", exist_ok=True)
path = os.path.join("logtest_dir", "app.log")
logging.basicConfig(filename=path, filemode="w", level=logging.DEBUG,
                    format="%(threadName)s %(levelname)s %(message)s")
log = logging.getLogger("app")


def work(n):
    for i in range(3):
        log.info("worker %d step %d", n, i)


threads = [threading.Thread(target=work, args=(n,), name="T%d" % n) for n in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
log.warning("done")

extra = logging.FileHandler(os.path.join("logtest_dir", "errors.log"), delay=True)
extra.setLevel(logging.ERROR)
print(os.path.exists(os.path.join("logtest_dir", "errors.log")))
log.addHandler(extra)
log.error("boom %s", 42)
extra.close()
print(repr(extra).replace(os.getcwd(), "CWD"))

for h in logging.getLogger().handlers:
    h.flush()
with open(path) as f:
    lines = f.read().splitlines()
print(len(lines), sorted(lines)[:2], lines[-1])
with open(os.path.join("logtest_dir", "errors.log")) as f:
    print(f.read(), end="")
for name in os.listdir("logtest_dir"):
    os.remove(os.path.join("logtest_dir", name))
os.rmdir("logtest_dir")
