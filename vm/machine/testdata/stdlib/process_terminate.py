# Process.terminate() sends SIGTERM and returns: the child is still alive just after
# it, dies when the signal is delivered (join() waits for that), and its exit code is
# -15, shown as -SIGTERM; a child that already exited keeps its own exit code.
import multiprocessing as mp
import re
import time


def sleeper():
    time.sleep(10)


def spinner():
    n = 0
    while True:
        n += 1


def quick():
    pass


def show(p):
    return re.sub(r'pid=\d+ parent=\d+', 'pid=… parent=…', repr(p))


if __name__ == '__main__':
    for target in (sleeper, spinner):
        p = mp.Process(target=target)
        p.start()
        time.sleep(0.05)
        p.terminate()
        print(target.__name__, 'alive after terminate:', p.is_alive(), p.exitcode)
        p.join()
        print(target.__name__, 'joined:', p.is_alive(), p.exitcode, show(p))
    p = mp.Process(target=quick)
    p.start()
    p.join()
    p.terminate()
    print('already exited:', p.exitcode, show(p))
    p = mp.Process(target=sleeper, daemon=True)
    p.start()
    p.kill()
    p.join()
    print('killed:', p.exitcode)
