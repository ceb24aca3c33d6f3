# source: zhangdongdong7/scenarios, https://github.com/zhangdongdong7/scenarios/blob/384a27a5ecb9cb26ce720593ab819876f8af18b8/python/challenge-python-multiprocessing/solutions/square.py
# compare: exact
import multiprocessing

def square(x):
    return x * x

if __name__ == '__main__':
    pool = multiprocessing.Pool(processes=4)
    results = pool.map(square, range(10))
    print(results)
