# source: Real Python, "Speed Up Your Python Program With Concurrency" (Jim Anderson), https://github.com/realpython/materials/blob/master/concurrency-overview/cpu_non_concurrent.py
# edited: loop counts shrunk (5_000_000 -> 20_000)
# timing: Duration ([0-9.e-]+) seconds
# timing-baseline: realpython_cpu_non_concurrent.py
#!/usr/bin/env python3
import time


def cpu_bound(number):
    return sum(i * i for i in range(number))


def find_sums(numbers):
    for number in numbers:
        cpu_bound(number)


if __name__ == "__main__":
    numbers = [20_000 + x for x in range(20)]

    start_time = time.time()
    find_sums(numbers)
    duration = time.time() - start_time
    print(f"Duration {duration} seconds")
