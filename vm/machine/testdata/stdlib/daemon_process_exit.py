# When the main process's code ends, multiprocessing's exit handler terminates the
# daemon children first and then joins the others: a daemon child still sleeping never
# prints its last line, even while a non-daemon child keeps the program running.
import multiprocessing as mp
import time


def work(name, pause):
    print('start', name, mp.current_process().daemon)
    time.sleep(pause)
    print('end', name)


if __name__ == '__main__':
    daemon = mp.Process(target=work, args=('daemon', 0.2), daemon=True)
    other = mp.Process(target=work, args=('non-daemon', 0.4))
    daemon.start()
    time.sleep(0.05)
    other.start()
    time.sleep(0.05)
    print('main done')
