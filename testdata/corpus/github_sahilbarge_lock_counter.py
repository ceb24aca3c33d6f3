# source: sahilbarge27/Python-Assignment, https://github.com/sahilbarge27/Python-Assignment/blob/main/Assignment21Q3.py
import threading

counter = 0
lock = threading.Lock()

def increment():
    global counter
    for _ in range(1000):
        with lock:
            counter += 1

threads = []

for i in range(5):   # 5 threads
    t = threading.Thread(target=increment)
    threads.append(t)
    t.start()

for t in threads:
    t.join()

print("Final counter value:", counter)
