for src in ["(lambda: len([]))()", "[len(x) for x in ['ab']]", "abs(-2)", "min(3, 4)"]:
    try:
        print(eval(src, {"__builtins__": {"abs": abs}}))
    except NameError as e:
        print("NameError", e)
safe = {"__builtins__": {"print": print, "range": range, "NameError": NameError}}
exec("def f():\n    return [i for i in range(3)]\nprint(f())\ntry:\n    open('x')\nexcept NameError as e:\n    print('blocked', e)", safe)
print(eval("len('abc')", {}))
g = {"__builtins__": __builtins__}
print(eval("len('ab')", g))
