import sys
def inner():
    return 1 / 0
def outer():
    return inner()
try:
    outer()
except Exception as e:
    tb = e.__traceback__
    print(tb is not None, type(tb).__name__)
    t, v, tb2 = sys.exc_info()
    print(t.__name__, v, type(tb2).__name__, sys.exception() is e)
    lines = []
    while tb is not None:
        lines.append((tb.tb_lineno, tb.tb_frame.f_code.co_name, tb.tb_frame.f_code.co_filename.endswith(".py")))
        tb = tb.tb_next
    print(lines)
print(sys.exc_info(), sys.exception())
try:
    raise ValueError("x")
except ValueError:
    exc_type, exc_value, exc_tb = sys.exc_info()
    print(exc_type, exc_value, exc_tb.tb_lineno)
def g():
    yield 1
gen = g(); next(gen)
print(gen.gi_frame.f_lineno, gen.gi_frame.f_code.co_name)
e = ValueError("fresh")
print(e.__traceback__)
