# Two threads add to one balance, each holding the same threading.Lock for its
# critical section. Only the thread that holds the lock runs the section; the other
# waits for it (blocked, reason "lock") and takes it when it is released.
import threading

lock = threading.Lock()
balance = 0


def deposit(times):
    global balance
    for i in range(times):
        with lock:
            old = balance
            balance = old + 1


threads = [threading.Thread(target=deposit, args=(60000,)) for i in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("balance", balance)
