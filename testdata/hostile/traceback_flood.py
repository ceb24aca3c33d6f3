# expect: truncated — 60 threads raise ValueError('x' * 10**7): stderr (tracebacks) counts against the 1 MB output limit
import threading

def fail():
    raise ValueError('x' * 10**7)

threads = [threading.Thread(target=fail) for _ in range(60)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print('done')
