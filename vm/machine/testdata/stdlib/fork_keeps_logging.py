# A forked child has its parent's memory: the logging configuration made before the
# fork (basicConfig, handlers on named loggers, levels) holds in the child, and a
# handler's stream is the child's own sys.stderr.
import logging
import multiprocessing
import sys

logging.basicConfig(level=logging.INFO, format='%(processName)s %(name)s %(levelname)s: %(message)s',
                    stream=sys.stdout)
app = logging.getLogger('app')
app.setLevel(logging.DEBUG)
h = logging.StreamHandler(sys.stdout)
h.setFormatter(logging.Formatter('[app] %(message)s'))
app.addHandler(h)
logging.addLevelName(25, 'NOTICE')


def child(q):
    logging.info('root info from the child')
    logging.debug('not shown: root is at INFO')
    app.debug('app debug from the child')
    logging.getLogger('app').log(25, 'a notice')
    logging.getLogger('app.sub').warning('propagates to both handlers')
    q.put((h.stream is sys.stdout, logging.getLogger('app') is app,
           logging.root.level, [type(x).__name__ for x in logging.root.handlers]))


if __name__ == '__main__':
    multiprocessing.set_start_method('fork')
    logging.info('parent before the fork')
    q = multiprocessing.Queue()
    p = multiprocessing.Process(target=child, args=(q,))
    p.start()
    print(q.get())
    p.join()
    with multiprocessing.Pool(1) as pool:
        print(pool.apply(logging.getLevelName, (25,)))
    logging.info('parent after the child')
