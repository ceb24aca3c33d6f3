# source: ruoshuixuelabi/oldboyeduPython14qi, https://github.com/ruoshuixuelabi/oldboyeduPython14qi/blob/b79b1c9745f1484c2208a76e29cd98820607e91c/第3部分-网络编程(刘洋)/day39/day39/线程池/多任务的提交.py
# compare: unordered
# mask: ^\d+\.\d+(e-\d+)?$
from concurrent.futures import ThreadPoolExecutor
import time



def func(num):
    sum = 0
    for i in range(num):
        sum += i ** 2
    print(sum)


t = ThreadPoolExecutor(20)
start = time.time()
t.map(func,range(1000))# 提交多个任务给池中。  等效于 for + submit
t.shutdown()
print(time.time() - start)
