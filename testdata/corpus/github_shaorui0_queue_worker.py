# source: shaorui0/fundamental_knowledge, https://github.com/shaorui0/fundamental_knowledge/blob/master/operator_system/network_programming/queue_with_single_thread.py
# edited: loop count shrunk (30 -> 6)
# compare: unordered
"""
The queue module implements multi-producer, multi-consumer queues. It is especially useful in threaded programming when information must be exchanged safely between multiple threads. The Queue class in this module implements all the required locking semantics.
"""
import threading, queue
import time
q = queue.Queue()

def worker():
    while True:
        item = q.get()
        print(f'Working on {item}')
        print(f'Finished {item}')
        time.sleep(0.5)
        q.task_done()

# turn-on the worker thread
threading.Thread(target=worker, daemon=True).start()

# send thirty task requests to the worker
for item in range(6):
    q.put(item)
print('All task requests sent\n', end='')

# block until all tasks are done
q.join()
print('All work completed')
