# A forked child has its parent's memory: the forking thread's decimal context and
# DefaultContext (which new threads start from) hold in the child.
import decimal
import multiprocessing
import threading
from decimal import Decimal


def in_thread(out):
    out.append(str(Decimal(1) / Decimal(7)))


def child(q):
    out = []
    t = threading.Thread(target=in_thread, args=(out,))
    t.start()
    t.join()
    q.put((str(Decimal(1) / Decimal(7)), decimal.getcontext().rounding, out[0]))


if __name__ == "__main__":
    multiprocessing.set_start_method("fork")
    decimal.getcontext().prec = 10
    decimal.getcontext().rounding = decimal.ROUND_DOWN
    decimal.DefaultContext.prec = 5
    q = multiprocessing.Queue()
    p = multiprocessing.Process(target=child, args=(q,))
    p.start()
    print(q.get())
    p.join()
    print(str(Decimal(2) / Decimal(3)))
