# source: NirmalVatsyayan/python-revision, https://github.com/NirmalVatsyayan/python-revision/blob/a813ef27f8320397505ce381ed758ad0e4030ac5/language_programs/45_multiprocessing_async.py
# compare: unordered
# mask: \[[0-9, ]+\]
import multiprocessing as mp
import time

def foo_pool(x):
    time.sleep(2)
    return x*x

result_list = []
def log_result(result):
    # This is called whenever foo_pool(i) returns a result.
    # result_list is modified only by the main process, not the pool workers.
    result_list.append(result)
    print(mp.current_process().name, "  >>  ",result)

def apply_async_with_callback():
    pool = mp.Pool()
    for i in range(10):
        pool.apply_async(foo_pool, args = (i, ), callback = log_result)
    pool.close()
    pool.join()
    print(result_list)

if __name__ == '__main__':
    apply_async_with_callback()
