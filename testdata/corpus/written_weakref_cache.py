# source: none: written for gilscope in the style of the weakref documentation's caching example (a WeakValueDictionary of large objects), shared by threads (the original could not be taken verbatim)
# compare: exact
import threading
import weakref


class Image:
    def __init__(self, name):
        self.name = name
        self.pixels = [0] * 1000

    def __repr__(self):
        return "Image(%r)" % self.name


_cache = weakref.WeakValueDictionary()
_lock = threading.Lock()
loads = []


def get_image(name):
    with _lock:
        image = _cache.get(name)
        if image is None:
            image = Image(name)
            _cache[name] = image
            loads.append(name)
        return image


def viewer(names, held):
    for name in names:
        held.append(get_image(name))


held_a, held_b = [], []
threads = [threading.Thread(target=viewer, args=(["a", "b", "c"], held_a)),
           threading.Thread(target=viewer, args=(["b", "c", "d"], held_b))]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("loaded:", sorted(loads))
print("cached:", sorted(_cache.keys()))
held_a.clear()
print("after viewer A lets go:", sorted(_cache.keys()))
finalized = []
weakref.finalize(held_b[0], finalized.append, "b's pixels freed")
held_b.clear()
print("after viewer B lets go:", sorted(_cache.keys()), finalized)
