# json: dumps with its options, loads with its errors, and a thread pool whose
# results are reported as JSON.
import json
import sys
import threading
from collections import Counter, OrderedDict, namedtuple

data = {"name": "gil", "threads": 4, "ratio": 1.5, "ok": True, "none": None,
        "list": [1, 2.0, "three", [], {}], "nested": {"b": 1, "a": [True, False]}}
print(json.dumps(data))
print(json.dumps(data, indent=2, sort_keys=True))
print(json.dumps(data, separators=(",", ":")), json.dumps([1, [2, [3]]], indent="\t"))
print(json.dumps("héllo ✓ \"quoted\"\n\t\\ \x01 😀"), json.dumps("héllo ✓ 😀", ensure_ascii=False))
print(json.dumps({1: "int", 2.5: "float", True: "bool", None: "null"}), json.dumps((1, 2)))
print(json.dumps(float("inf")), json.dumps([float("-inf"), float("nan")]), json.dumps(10 ** 20), json.dumps(0.1 + 0.2))
print(json.dumps(Counter("aab")), json.dumps(OrderedDict(z=1, a=2)), json.dumps(namedtuple("P", "x y")(1, 2)))
print(json.dumps({"when": object()}, default=lambda o: "<object>"), json.dumps({(1, 2): "x", "k": 1}, skipkeys=True))
for bad in (lambda: json.dumps({(1, 2): 3}), lambda: json.dumps(object()), lambda: json.dumps(float("nan"), allow_nan=False)):
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
loop = []
loop.append(loop)
try:
    json.dumps(loop)
except ValueError as e:
    print("ValueError:", e)

text = '{"a": [1, 2.5, -3e2, true, false, null], "b": {"c": "\\u00e9\\ud83d\\ude00\\n"}, "d": -0, "e": 1E3}'
obj = json.loads(text)
print(obj, obj["b"]["c"] == "é😀\n", type(obj["a"][2]).__name__, json.loads(b'[1]'))
print(json.loads(" [ ] "), json.loads("{}"), json.loads('"x"'), json.loads("NaN") != json.loads("NaN"), json.loads("-Infinity"))
print(json.loads(json.dumps(data)) == data, json.loads('{"a": 1, "a": 2}'))
print(json.loads('{"x": 1.5}', parse_float=str), json.loads('[1, 2]', parse_int=float),
      json.loads('{"a": 1}', object_hook=lambda d: sorted(d.items())),
      json.loads('{"b": 1, "a": 2}', object_pairs_hook=list))
for bad in ("", "[1, 2", '{"a" 1}', "{'a': 1}", "[1,]", '{"a": 1,}', "[1] x", '"abc', "tru", '"\\x"', "01", '{"a":1 "b":2}'):
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print("JSONDecodeError:", e, "|", e.msg, e.pos, e.lineno, e.colno, isinstance(e, ValueError))
json.dump({"out": [1, 2]}, sys.stdout, indent=1)
print()

results = {}
lock = threading.Lock()


def worker(n):
    value = {"n": n, "square": n * n, "even": n % 2 == 0}
    with lock:
        results[str(n)] = value


threads = [threading.Thread(target=worker, args=(i,)) for i in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(json.dumps(results, sort_keys=True, indent=2))
