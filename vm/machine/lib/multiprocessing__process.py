"""multiprocessing.process, as gilscope provides it: the process class and the
functions of the multiprocessing module, where gilscope defines them."""

from multiprocessing import Process, current_process, active_children, parent_process

__all__ = ['BaseProcess', 'current_process', 'active_children', 'parent_process']

BaseProcess = Process
