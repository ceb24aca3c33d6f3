# CPython 3.12 modules gilscope takes as they are: sched, numbers, reprlib, keyword, graphlib,
# urllib.parse, copyreg.
import sched, time, threading
s = sched.scheduler(time.monotonic, time.sleep)
out = []
s.enter(0.02, 1, out.append, ("b",))
s.enter(0.01, 1, out.append, ("a",))
s.run()
print(out)
import numbers
print(isinstance(3, numbers.Integral), isinstance(3.0, numbers.Real), isinstance(2, numbers.Rational))
import reprlib
print(reprlib.repr(list(range(100))))
import keyword
print(keyword.iskeyword("for"), keyword.iskeyword("x"))
from graphlib import TopologicalSorter
print(list(TopologicalSorter({"b": {"a"}, "c": {"b"}}).static_order()))
from urllib.parse import urljoin, urlparse, urlencode, quote
print(urljoin("http://a.com/b/c", "d"), urlparse("http://x.org:80/p?q=1").netloc, urlencode({"a": 1, "b": "x y"}), quote("a b/c"))
import copyreg
print(copyreg.__name__)
