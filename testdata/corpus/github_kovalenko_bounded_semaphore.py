# source: kovalenko1927/threading_study, https://github.com/kovalenko1927/threading_study/blob/c6a5b16bc75a4f6de526ad765e56c3f1ae37dc4d/t_semafor.py
# compare: unordered
import threading
import time
from threading import Thread, BoundedSemaphore, current_thread

max_connections = 5
pool = threading.BoundedSemaphore(value=max_connections)


def test():
    with pool:
        print(current_thread().name)
        time.sleep(6)


for i in range(10):
    Thread(target=test, name=f"thr-{i}").start()
