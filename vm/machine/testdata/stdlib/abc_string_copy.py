# abc (ABC and abstractmethod as bases and decorators), string (constants, capwords,
# Template) and copy (shallow and deep copies of containers), with a worker pool of
# ABC-derived tasks that each get a deep copy of a shared configuration.
import copy
import string
import threading
from abc import ABC, abstractmethod
from string import Template

print(string.ascii_lowercase, string.ascii_uppercase, string.digits, string.hexdigits, string.octdigits)
print(repr(string.whitespace), string.punctuation, len(string.printable), len(string.ascii_letters))
print(string.capwords("hello   gil world"), string.capwords("a-b-c", "-"))
t = Template("$who likes ${what}; $$5 for $who")
print(t.substitute(who="ada", what="threads"), t.substitute({"who": "bob", "what": "locks"}))
print(Template("$a and $b").safe_substitute(a=1), Template("${x}y").substitute(x="x"))
for bad in ("$missing", "cost: $5"):
    try:
        Template(bad).substitute({})
    except (KeyError, ValueError) as e:
        print(type(e).__name__, e)

config = {"retries": 3, "hosts": ["a", "b"], "limits": {"cpu": 2}, "tags": ("x", ["y"])}
shallow = copy.copy(config)
deep = copy.deepcopy(config)
config["hosts"].append("c")
config["limits"]["cpu"] = 4
config["tags"][1].append("z")
print(shallow["hosts"], shallow["limits"], deep["hosts"], deep["limits"], deep["tags"])
print(shallow is config, shallow == config, deep == config)
nested = [1, [2, [3]]]
same = [nested, nested]
dup = copy.deepcopy(same)
print(dup, dup[0] is dup[1], dup[0] is nested, copy.copy((1, 2)), copy.deepcopy((1, 2)), copy.copy({1, 2}))


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __copy__(self):
        return Point(self.x, self.y)

    def __deepcopy__(self, memo):
        return Point(copy.deepcopy(self.x, memo), copy.deepcopy(self.y, memo))

    def __repr__(self):
        return "Point(%r, %r)" % (self.x, self.y)


p = Point([1], 2)
q = copy.copy(p)
r = copy.deepcopy(p)
p.x.append(9)
print(q, r, q is p)


class Task(ABC):
    def __init__(self, name, settings):
        self.name = name
        self.settings = settings

    @abstractmethod
    def run(self):
        pass

    def describe(self):
        return "%s(%d retries)" % (self.name, self.settings["retries"])


class Fetch(Task):
    def run(self):
        self.settings["retries"] -= 1
        return self.describe()


results = []
lock = threading.Lock()


def worker(task):
    out = task.run()
    with lock:
        results.append(out)


tasks = [Fetch("fetch-%d" % i, copy.deepcopy(config)) for i in range(3)]
threads = [threading.Thread(target=worker, args=(task,)) for task in tasks]
for th in threads:
    th.start()
for th in threads:
    th.join()
print(sorted(results), config["retries"], isinstance(tasks[0], Task), issubclass(Fetch, ABC))
