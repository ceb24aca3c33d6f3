# source: phxswjjj/poe-helper-py, https://github.com/phxswjjj/poe-helper-py/blob/6fcc7558d6e4b9e2617159e677e7070a90a40e16/Timer.py
# compare: unordered
# mask: ^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d+$

import threading


class RepeatingTimer(threading.Timer):
    def run(self):
        while not self.finished.is_set():
            self.function(*self.args, **self.kwargs)
            self.finished.wait(self.interval)


if __name__ == '__main__':
    from datetime import datetime
    import time
    t = RepeatingTimer(3, lambda: print('{}'.format(datetime.now())))
    t.start()

    print('wait...')
    time.sleep(10)

    t.cancel()
    print('end')
