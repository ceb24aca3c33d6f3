# multiprocessing.log_to_stderr and get_logger: a child's life and the main process's
# shutting down, logged at INFO and DEBUG as multiprocessing.util logs them.
import logging
import multiprocessing
import sys


def work():
    print('working')
    sys.stdout.flush()


def leave():
    sys.exit(3)


if __name__ == '__main__':
    logger = multiprocessing.log_to_stderr(logging.INFO)
    print(logger, logger.propagate, multiprocessing.get_logger() is logger)
    for f in (work, leave):
        p = multiprocessing.Process(target=f)
        p.start()
        p.join()
        print(p.exitcode)
    logger.setLevel(logging.DEBUG)
    p = multiprocessing.Process(target=work)
    p.start()
    p.join()
    print('main done')
