# inspect's commonly used part: predicates, getmembers, signature of functions and
# methods, as a thread pool's dispatcher would use them.
import functools
import inspect
import threading
from concurrent.futures import ThreadPoolExecutor


def work(a, b=2, /, c=3, *args, d, e=5, **kw) -> int:
    return a


def annotated(x: int, y: 'str' = 'z', *, z: float = 1.5) -> None:
    pass


class Job:
    limit = 3

    def run(self, n, *, fast=False):
        return n

    @staticmethod
    def make(kind):
        return Job()

    @classmethod
    def build(cls, size=1):
        return cls()


def gen():
    yield 1


@functools.wraps(work)
def wrapper(*args, **kwargs):
    return work(*args, **kwargs)


for f in [work, annotated, Job().run, Job.make, Job.build, lambda q, *r: 0, wrapper, gen]:
    try:
        sig = inspect.signature(f)
        print(getattr(f, '__name__', f), sig, repr(sig))
    except (ValueError, TypeError) as e:
        print('signature', type(e).__name__)
    print(' ', inspect.isfunction(f), inspect.ismethod(f), inspect.isbuiltin(f), inspect.isroutine(f),
          inspect.isgeneratorfunction(f), inspect.iscoroutinefunction(f))

sig = inspect.signature(work)
for name, p in sig.parameters.items():
    print(name, p.kind, p.kind.description, p.default is inspect.Parameter.empty, repr(p))
print(sig.return_annotation, inspect.signature(annotated).parameters['z'].annotation)
print(inspect.isclass(Job), inspect.isclass(Job()), inspect.ismodule(inspect), inspect.isgenerator(gen()))
print([name for name, _ in inspect.getmembers(Job, inspect.isfunction)])
print([name for name, v in inspect.getmembers(Job()) if not name.startswith('__')])
print([c.__name__ for c in inspect.getmro(threading.Thread)])
print(inspect.Signature([inspect.Parameter('x', inspect.Parameter.POSITIONAL_ONLY),
                         inspect.Parameter('y', inspect.Parameter.KEYWORD_ONLY, default=None)]))


def dispatch(fn, payload):
    names = list(inspect.signature(fn).parameters)
    return fn(**{k: payload[k] for k in names if k in payload})


def handler(user, item, count=1):
    return '%s bought %d %s on %s' % (user, count, item, threading.current_thread().name)


with ThreadPoolExecutor(max_workers=1, thread_name_prefix='w') as ex:
    print(ex.submit(dispatch, handler, {'user': 'ann', 'item': 'tea', 'extra': 0}).result())
