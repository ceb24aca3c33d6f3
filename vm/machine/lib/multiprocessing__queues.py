"""multiprocessing.queues, as gilscope provides it: the queue classes of the
multiprocessing module, where gilscope defines them."""

from multiprocessing import Queue, SimpleQueue, JoinableQueue

__all__ = ['Queue', 'SimpleQueue', 'JoinableQueue']
