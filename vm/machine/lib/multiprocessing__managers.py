"""multiprocessing.managers, as gilscope provides it: SyncManager and its proxies,
from the multiprocessing module, where gilscope defines them (a manager's objects
live in shared cells; no server process is started). A manager of one's own types
(BaseManager.register) and a manager reached over the network are refused."""

import multiprocessing
from multiprocessing import SyncManager, BaseProxy, DictProxy, ListProxy, NamespaceProxy

__all__ = ['BaseManager', 'SyncManager', 'BaseProxy', 'Token', 'SharedMemoryManager']

multiprocessing._cpython_import('multiprocessing.managers')


class BaseManager(object):
    """The base of managers: gilscope's SyncManager serves its own types only."""

    def __init__(self, address=None, authkey=None, serializer='pickle', ctx=None, *,
                 shutdown_timeout=1.0):
        raise NotImplementedError(
            "gilscope does not support multiprocessing.managers.BaseManager yet "
            "(a manager's server process and its network address are not simulated; "
            "multiprocessing.Manager() gives a dict, list, Namespace, Queue, Lock, "
            "Value and the like)")

    @classmethod
    def register(cls, typeid, callable=None, **kwds):
        multiprocessing._refuse_register(cls)


class Token(object):
    def __init__(self, typeid, address, id):
        (self.typeid, self.address, self.id) = (typeid, address, id)

    def __repr__(self):
        return '%s(typeid=%r, address=%r, id=%r)' % \
               (self.__class__.__name__, self.typeid, self.address, self.id)


class SharedMemoryManager(BaseManager):
    pass

