# source: Real Python, "Speed Up Your Python Program With Concurrency" (Jim Anderson), https://github.com/realpython/materials/blob/master/concurrency-overview/race_condition.py
# edited: loop counts shrunk (5000 -> 50 items)
#!/usr/bin/env python3
import concurrent.futures


counter = 0


def increment_counter(fake_value):
    global counter
    for _ in range(100):
        counter += 1


if __name__ == "__main__":
    fake_data = [x for x in range(50)]
    counter = 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=5000) as executor:
        executor.map(increment_counter, fake_data)
