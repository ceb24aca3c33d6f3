# source: zhaochj/logscan, https://github.com/zhaochj/logscan/blob/45dc5c086567ecb378542b5b7064aa02651a2ff3/test_scripts/event_example.py
# compare: exact
# mask: ^\S+ \S+ 
import threading
import logging
import time

logging.basicConfig(level=logging.DEBUG, format='%(asctime)s %(levelname)s [%(threadName)s] %(message)s')


def worker(event):
    while not event.is_set():
        event.wait(timeout=1)
        logging.debug('in worker fun, event is set ? {0}'.format(event.is_set()))
    logging.debug('event is set')


def set(event):
    time.sleep(4)
    event.set()
    logging.debug('in set fun, event is set ? {0}'.format(event.is_set()))


if __name__ == '__main__':
    event = threading.Event()
    w = threading.Thread(target=worker, args=(event,), name="worker")
    w.start()
    s = threading.Thread(target=set, args=(event,), name="set")
    s.start()
