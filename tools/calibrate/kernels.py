# Microbenchmarks of tools/calibrate: each kernel exercises one kind of work, so that
# the time of every instruction class and builtin family can be fitted from the times
# of all of them. Runs unchanged under CPython 2.7 and 3.x and under gilscope; prints
# "kernel ns" lines, each the best of REPS runs (the tool sets REPS, and ONLY to the
# names of the kernels to run when it measures only some).
import time

clock = getattr(time, "perf_counter", None) or time.time
REPS = 1
ONLY = None


def k_while(n):
    while n > 0:
        n -= 1


def k_for_pass(n):
    for i in range(n):
        pass


def k_locals(n):
    a = 0
    for i in range(n):
        a = i
        b = a
        c = b
        a = c


def k_arith(n):
    x = 0
    for i in range(n):
        x = (i * 3 + 1) - (i & 7)


def k_divmod(n):
    x = 0
    for i in range(n):
        x = i % 7 + i // 3


def k_bitwise(n):
    x = 0
    for i in range(n):
        x = (i & 63) ^ (i >> 8)


def k_compare(n):
    c = 0
    for i in range(n):
        if i < 5 or i == 7:
            c = 1


G = 0


def k_globals(n):
    global G
    for i in range(n):
        G = G + 1


def f0():
    return 1


def f2(a, b):
    return a


def k_call0(n):
    for i in range(n):
        f0()


def k_call2(n):
    for i in range(n):
        f2(i, i)


def down(n):
    if n == 0:
        return 0
    return down(n - 1) + 1


def k_recurse(n):
    for i in range(n // 50):
        down(50)


class C(object):
    def __init__(self, x):
        self.x = x

    def m(self):
        return self.x

    def m1(self, y):
        return y


def k_method(n):
    o = C(1)
    for i in range(n):
        o.m()


def k_method1(n):
    o = C(1)
    for i in range(n):
        o.m1(i)


def k_attr_load(n):
    o = C(1)
    s = 0
    for i in range(n):
        s = o.x


def k_attr_store(n):
    o = C(1)
    for i in range(n):
        o.x = i


def k_new(n):
    for i in range(n):
        C(i)


def k_len(n):
    l = [1, 2, 3]
    for i in range(n):
        len(l)


def k_abs(n):
    for i in range(n):
        abs(i)


def k_type_call(n):
    for i in range(n):
        int(i)


def k_list_get(n):
    l = [1, 2, 3, 4]
    x = 0
    for i in range(n):
        x = l[2]


def k_list_set(n):
    l = [1, 2, 3, 4]
    for i in range(n):
        l[2] = i


def k_append(n):
    out = []
    for i in range(n):
        out.append(i)


def k_listcomp(n):
    return [i for i in range(n)]


def k_tuple(n):
    for i in range(n):
        t = (i, i, i)


def k_list_build(n):
    for i in range(n):
        t = [i, i]


def small_dict():
    d = {}
    for i in range(100):
        d[i] = i
    return d


def k_dict_get(n):
    d = small_dict()
    x = 0
    for i in range(n):
        x = d[i & 63]


def k_dict_set(n):
    d = small_dict()
    for i in range(n):
        d[i & 63] = i


def k_dict_method(n):
    d = small_dict()
    for i in range(n):
        d.get(i & 63, 0)


def k_dict_in(n):
    d = small_dict()
    x = False
    for i in range(n):
        x = (i & 127) in d


def k_str_int(n):
    for i in range(n):
        str(i)


BIG = 10 ** 40


def k_str_big(n):
    b = BIG
    for i in range(n):
        str(b)


def k_pct_int(n):
    for i in range(n):
        "%d" % i


def k_pct_two(n):
    for i in range(n):
        "%s:%s" % ("ab", "cd")


LONG = "x" * 300


def k_pct_long(n):
    s = LONG
    for i in range(n):
        "%s|%s" % (s, s)


def k_pct_six(n):
    for i in range(n):
        "%s %s %s %s %s %s" % ("a", "b", "c", "d", "e", "f")


def k_pct_mixed(n):
    for i in range(n):
        "%d-%s" % (i, "x")


def k_format(n):
    for i in range(n):
        "{0}".format(i)


WORDS = ["word%d" % i for i in range(40)]


def k_join(n):
    w = WORDS
    for i in range(n):
        "".join(w)


def k_concat(n):
    s = LONG
    for i in range(n):
        s + s


# A generator expression consumed by a builtin, and a generator function by a for
# loop: each item is a resumption of the generator's frame and a yield back.
def k_genexpr(n):
    return sum(i & 7 for i in range(n))


SMALL = list(range(20))


def k_sum_list(n):
    xs = SMALL
    for i in range(n):
        sum(xs)


def gen(n):
    for i in range(n):
        yield i


def k_gen_for(n):
    for x in gen(n):
        pass


# The items sorted are ints of one 30-bit digit, in an order without runs.
def shuffled(n):
    x = 12345
    out = []
    for i in range(n):
        x = (x * 1103515245 + 12345) & 0x7FFFFFFF
        out.append(x >> 1)
    return out


S100 = shuffled(100)
S5000 = shuffled(5000)
S20000 = shuffled(20000)


def k_sort_100(n):
    xs = S100
    for i in range(n // 100):
        sorted(xs)


def k_sort_5000(n):
    xs = S5000
    for i in range(n // 5000):
        sorted(xs)


def k_sort_20000(n):
    sorted(S20000)


# The same items in interleaved runs (each next one 7919 ranks on, modulo n): about as
# many comparisons as without runs, but most of their outcomes are predictable.
R20000 = sorted(S20000)
RUNS20000 = [R20000[(i * 7919) % 20000] for i in range(20000)]


def k_sort_runs(n):
    sorted(RUNS20000)


def k_sort_sorted(n):
    for i in range(n // 20000):
        sorted(R20000)


def k_list_copy(n):
    for i in range(n // 20000):
        list(R20000)


KERNELS = (
    ("while", k_while, 25000), ("for_pass", k_for_pass, 25000), ("locals", k_locals, 12500),
    ("arith", k_arith, 12500), ("divmod", k_divmod, 12500), ("bitwise", k_bitwise, 12500), ("compare", k_compare, 12500), ("globals", k_globals, 12500),
    ("call0", k_call0, 7500), ("call2", k_call2, 7500), ("recurse", k_recurse, 7500),
    ("method", k_method, 7500), ("method1", k_method1, 7500), ("attr_load", k_attr_load, 12500),
    ("attr_store", k_attr_store, 12500), ("new", k_new, 5000), ("len", k_len, 12500),
    ("abs", k_abs, 12500), ("type_call", k_type_call, 12500), ("list_get", k_list_get, 12500), ("list_set", k_list_set, 12500),
    ("append", k_append, 12500), ("listcomp", k_listcomp, 12500), ("tuple", k_tuple, 12500), ("list_build", k_list_build, 12500),
    ("dict_get", k_dict_get, 12500), ("dict_set", k_dict_set, 12500),
    ("dict_method", k_dict_method, 12500), ("dict_in", k_dict_in, 12500),
    ("str_int", k_str_int, 7500), ("str_big", k_str_big, 5000), ("pct_int", k_pct_int, 7500),
    ("pct_two", k_pct_two, 7500), ("pct_long", k_pct_long, 5000),
    ("pct_six", k_pct_six, 5000), ("pct_mixed", k_pct_mixed, 7500), ("format", k_format, 5000),
    ("join", k_join, 5000), ("concat", k_concat, 7500), ("sort_100", k_sort_100, 12500),
    ("sort_5000", k_sort_5000, 15000), ("sort_20000", k_sort_20000, 20000),
    ("sort_runs", k_sort_runs, 20000), ("sort_sorted", k_sort_sorted, 100000),
    ("list_copy", k_list_copy, 100000), ("genexpr", k_genexpr, 12500), ("gen_for", k_gen_for, 12500),
    ("sum_list", k_sum_list, 5000),
)


def best(f, n):
    b = None
    for _ in range(REPS):
        t = clock()
        f(n)
        d = clock() - t
        if b is None or d < b:
            b = d
    return b


for name, f, n in KERNELS:
    if ONLY is not None and name not in ONLY:
        continue
    print("%s %.0f" % (name, best(f, n) * 1e9))
