"""multiprocessing.synchronize: the locks, semaphores, conditions, events and barriers
shared between processes, which gilscope defines in multiprocessing (their classes
name this module, as CPython's, so that a child finds them here)."""

import multiprocessing
from multiprocessing import (Lock, RLock, Semaphore, BoundedSemaphore, Condition, Event,
                             Barrier)

__all__ = ['Lock', 'RLock', 'Semaphore', 'BoundedSemaphore', 'Condition', 'Event',
           'Barrier']
