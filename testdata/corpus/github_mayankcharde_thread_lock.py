# source: mayankcharde/PYTHON-AND-GENAI, https://github.com/mayankcharde/PYTHON-AND-GENAI/blob/main/FullPython/threads_concurrency/thread_lock.py
import threading

counter =0
lock = threading.Lock()

def increment():
    global counter 
    for _ in range(10000):
        with lock:
            counter+=1

threads = [threading.Thread(target=increment) for _ in range(10)]

[t.start() for t in threads]
[t.join() for t in threads]


print(f"final counter: {counter}")
            
