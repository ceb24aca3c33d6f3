# source: adriano-ferrari/dunossauro, https://github.com/adriano-ferrari/dunossauro/blob/052bb6e33c7b78007f5e7a211bac70fad8f9afa9/live_054_concorrencia_usando_futures-multiprocessamento/live054_ex02.py
# compare: unordered
# mask: 0x[0-9a-f]+
from concurrent.futures import ProcessPoolExecutor, as_completed
from time import sleep
from functools import partial

l_ints = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]

def ident(x):
    return x


with ProcessPoolExecutor() as exe:
    """
    GIL: tarefas bloqueantes de I/O.

    Darão bypass no GIL
    """
    l_futures = []
    for e in l_ints:
        worker = exe.submit(ident, e)
        l_futures.append(worker)


    # result_0.add_done_callback(partial(print, 'acabei'))
    for worker in as_completed(l_futures):
        resp = worker.result()
        print(worker, resp)
