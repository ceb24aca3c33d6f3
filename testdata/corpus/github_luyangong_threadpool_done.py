# source: luyangong/lyg, https://github.com/luyangong/lyg/blob/4502d83daf96e52ac23fcc7f44ff67241bcbd4f3/learn_python/ThreadPool.py
# compare: exact
from concurrent.futures import ThreadPoolExecutor
import time

def return_future_result(message):
  time.sleep(2)
  return message

pool = ThreadPoolExecutor(max_workers=2)
future1 = pool.submit(return_future_result, ("hello"))
future2 = pool.submit(return_future_result, ("world"))
print(future1.done())
time.sleep(3)
print(future2.done())
print(future1.result())
print(future2.result())
