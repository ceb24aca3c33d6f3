# statistics over int and float data, printed as CPython's exact arithmetic rounds
# them: per-thread timings summarised as real programs do.
import statistics
import threading
import time

data = [2.75, 1.75, 1.25, 0.25, 0.5, 1.25, 3.5]
ints = [1, 2, 3, 4, 4]
print(statistics.mean(ints), statistics.mean([1, 2, 3]), statistics.mean(data))
print(statistics.mean([0.1, 0.2, 0.3]), statistics.fmean([0.1, 0.2, 0.3]), statistics.fmean([1, 2], weights=[1, 3]))
print(statistics.median(ints), statistics.median([1, 3, 5, 7]), statistics.median_low([1, 3, 5, 7]),
      statistics.median_high([1, 3, 5, 7]), statistics.median(data))
print(statistics.mode(ints), statistics.mode(['red', 'blue', 'blue']), statistics.multimode('aabbbbccddddeeffffgg'))
print(statistics.variance(ints), statistics.pvariance(ints), statistics.variance(data), statistics.pvariance(data))
print(statistics.stdev(ints), statistics.pstdev(ints), statistics.stdev(data), statistics.pstdev(data))
print(statistics.stdev([1.5, 2.5, 2.5, 2.75, 3.25, 4.75]), statistics.variance([0.1] * 5 + [0.2]))
print(statistics.quantiles([105, 129, 87, 86, 111, 111, 89, 81, 108, 92, 110, 100, 75, 105, 103, 109, 76, 119, 99, 91, 103, 129,
                            106, 101, 84, 111, 74, 87, 86, 103, 103, 106, 86, 111, 75, 87, 102, 121, 111, 88, 89, 101, 106, 95,
                            103, 107, 101, 81, 109, 104], n=10))
print(statistics.quantiles([1, 2, 3, 4, 5], n=4, method='inclusive'), round(statistics.geometric_mean([54, 24, 36]), 9))
for f, arg in [(statistics.mean, []), (statistics.stdev, [1]), (statistics.median, []), (statistics.mode, []),
               (statistics.pvariance, [])]:
    try:
        f(arg)
    except statistics.StatisticsError as e:
        print('StatisticsError:', e)

times = []
lock = threading.Lock()


def work(i):
    start = time.perf_counter()
    time.sleep(0.01 * (i + 1))
    with lock:
        times.append(round(time.perf_counter() - start, 2))


threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(times), round(statistics.mean(times), 3), statistics.median(sorted(times)))
