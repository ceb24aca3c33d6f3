# source: jpazzini/MAPD-B, https://github.com/jpazzini/MAPD-B/blob/06ca4a39b842e572db446e38650fe713dec39ac2/parallel/04extra_minimal_race_condition_with_lock.py
# edited: loop count shrunk (100_000 -> 1_000)
# compare: exact
# A minimal race condition example with a lock
import threading

# increment function using a common counter
def increment(max_val=1_000):
    global counter
    global lock
    for i in range(max_val):
        lock.acquire()
        counter += 1
        lock.release()

if __name__ == '__main__':
    # common counter
    counter = 0
    lock = threading.Lock()

    # create and start 10 concurrent threads
    threads = []
    for i in range(10):
        t = threading.Thread(target=increment)
        threads.append(t)
        t.start()

    # join all threads
    for t in threads:
        t.join()
        
    print(f"Final value of counter: {counter}")
    
