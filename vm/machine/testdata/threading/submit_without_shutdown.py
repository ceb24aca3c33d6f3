# A program that submits work and ends without shutdown(): CPython's exit handler
# still runs the work (TestExitHandlersAfterTraceback: also after an uncaught
# exception).
import time
from concurrent.futures import ThreadPoolExecutor


def work(i):
    time.sleep(0.05 if i == 0 else 0.01)
    print("done", i)


ex = ThreadPoolExecutor(2)
for i in range(3):
    ex.submit(work, i)
print("main done")
