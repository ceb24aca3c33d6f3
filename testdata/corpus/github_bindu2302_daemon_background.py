# source: bindu2302/Python_programming, https://github.com/bindu2302/Python_programming/blob/91124523f1ecf5c627d603d08f3fb959e7d9a7db/Multithreading/Daemon.py
# compare: set
# mask: started daemon \d+
import threading
import time

def background_task():
    print(threading.current_thread())
    while True:
        time.sleep(1)
        print("Background task running...")
    
thread = threading.Thread(target=background_task, name = "daemon")
thread.daemon = True
thread.start()

time.sleep(3)
print("Main Thread is dead.")
