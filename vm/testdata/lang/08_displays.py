# Container displays: list, tuple, dict, set literals, nesting, repr/str, truthiness, equality, len.
a = [1, 2, 3]
t = (1, "two", 3.0)
single = (5,)
empty_t = ()
d = {"one": 1, "two": 2, 3: "three"}
s = {3, 1, 2}
print(a, t, single, empty_t, d, s)
print([], {}, set(), [[]], [()], ({},), [1, [2, [3, [4]]]])
print(len(a), len(t), len(single), len(empty_t), len(d), len(s), len(set()))
print(repr(a), str(t), repr(d), repr(set()), repr({1}), repr(("a",)))
print([None, True, False, "s", 1.5, -2, b"b"])
print({"nested": {"x": [1, 2], "y": (3, 4)}, "list": [{"k": "v"}]})
print(type(a).__name__, type(t).__name__, type(d).__name__, type(s).__name__, type(()).__name__)
print(bool([]), bool([0]), bool(()), bool((0,)), bool({}), bool({0: 0}), bool(set()), bool({0}))
print(a == [1, 2, 3], a != [1, 2], (1, 2) == (1, 2), [1, 2] == (1, 2), {1: 2} == {1: 2}, {1, 2} == {2, 1})
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], (1, "b") > (1, "a"), [] < [0], (2,) > (1, 9, 9))
print({"a": 1, "b": 2} == {"b": 2, "a": 1})
x = 10
computed = [x, x + 1, x * 2, -x]
print(computed)
print({x: x * x, x + 1: "eleven"})
print({x % 3, x % 4, x % 5})
print((x,), (x, x), (x, (x, (x,))))
trailing = [1, 2, 3,]
tdict = {"a": 1,}
print(trailing, tdict)
multi = [
    "alpha",
    "beta",
    "gamma",
]
print(multi, len(multi))
dup = {"k": 1, "k": 2}
print(dup)
mixed = {1: "int", 1.0: "float", True: "bool"}
print(mixed)
print({1, 1.0, True}, {0, False}, len({1, 2, 2, 3, 3, 3}))
print(a + [4, 5], t + (4,), a * 2, (0,) * 3, [[0] * 3] * 2)
grid = [[0] * 3 for _ in range(3)]
grid[1][1] = 5
print(grid)
alias = [[0] * 2] * 2
alias[0][0] = 9
print(alias)
nested = {"a": [1, 2], "b": {"c": (3, [4])}}
print(nested["b"]["c"][1][0], nested["a"][-1])
nested["a"].append(3)
print(nested)
sq = [1, 4, 9, 16]
print(sq[0], sq[-1], sq[1:3], t[1], t[-1], t[:2])
print({2, 4, 6} | {1}, sorted({"b", "a", "c"}))
print(list((1, 2)), tuple([1, 2]), list("abc"), tuple("ab"), list({1: "x", 2: "y"}), list(range(3)))
print(len([1, [2, 3]]), len(((),)), len({"a": [1, 2, 3]}))
print(str([1.0, 0.1, "q'", 'd"']), [[1, 2], [3, 4]][1][0])
