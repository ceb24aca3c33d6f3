# logging.handlers: QueueHandler and QueueListener (threads log through a queue to one
# listener thread), MemoryHandler.
import logging, logging.handlers, queue, threading, sys
q = queue.Queue(-1)
qh = logging.handlers.QueueHandler(q)
root = logging.getLogger()
root.setLevel(logging.DEBUG)
root.addHandler(qh)
out = logging.StreamHandler(sys.stdout)
out.setFormatter(logging.Formatter('%(threadName)s %(levelname)s %(name)s: %(message)s'))
listener = logging.handlers.QueueListener(q, out, respect_handler_level=True)
listener.start()
def work(n):
    logging.getLogger('worker.%d' % n).info('working on %s', n)
threads = [threading.Thread(target=work, args=(i,)) for i in range(3)]
for t in threads: t.start()
for t in threads: t.join()
root.warning('done %d', 3)
try:
    1 / 0
except ZeroDivisionError as e:
    root.error('failed: %r', e)
listener.stop()
print(q.qsize(), qh.listener)
mh = logging.handlers.MemoryHandler(2, target=out)
log = logging.getLogger('mem'); log.propagate = False; log.addHandler(mh)
log.info('one'); print('buffered', len(mh.buffer)); log.info('two'); print('buffered', len(mh.buffer))
log.error("three now")
mh.close()
