"""multiprocessing.synchronize, as gilscope simulates it: the process-shared locks,
semaphores and events of the multiprocessing module (defined there, as its Lock and
Event are this module's classes in CPython)."""

from multiprocessing import Lock, RLock, Semaphore, BoundedSemaphore, Event

__all__ = ['Lock', 'RLock', 'Semaphore', 'BoundedSemaphore', 'Event']
