# dataclasses under from __future__ import annotations (string annotations: ClassVar and
# InitVar found by name), fields holding a lock and a queue, and copy's refusals of
# the interpreter's own objects as CPython's reduction refuses them.
from __future__ import annotations
import dataclasses
from dataclasses import dataclass, field, InitVar
from typing import ClassVar, Optional
import threading, queue

@dataclass
class Config:
    name: str
    retries: int = 3
    registry: ClassVar[dict] = {}
    seed: InitVar[int] = 0
    parent: Optional[Config] = None
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)
    q: queue.Queue = field(default_factory=queue.Queue, repr=False, compare=False)
    def __post_init__(self, seed):
        self.registry[self.name] = seed

c = Config('a', seed=5)
print(c, Config.registry, [f.name for f in dataclasses.fields(c)], Config.__doc__)
print(c == Config('a'), dataclasses.fields(Config)[0].type)
with c.lock:
    c.q.put(1)
print(c.q.get())
try:
    dataclasses.asdict(c)
except Exception as e:
    print(type(e).__name__, e)
import copy
for x in [threading.Lock(), (i for i in []), copy]:
    try: copy.deepcopy(x)
    except TypeError as e: print(e)
    try: copy.copy(x)
    except TypeError as e: print(e)
