# decimal and fractions (CPython's pure-Python modules), and decimal's context being
# per thread: a new thread starts from the default context, not its creator's.
import decimal
import threading
from decimal import Decimal, getcontext, localcontext, setcontext, Context, ROUND_HALF_UP
from fractions import Fraction
from concurrent.futures import ThreadPoolExecutor

print(Decimal('3.14') * Decimal('1.234'), Decimal(1) / Decimal(7))
print(repr(Decimal('1.10') + Decimal('2.205')), Decimal(0.1), Decimal.from_float(0.25))
print(Decimal('7.325').quantize(Decimal('.01'), rounding=ROUND_HALF_UP), Decimal(2).sqrt())
print(Decimal('-0'), Decimal('Infinity'), Decimal('1e3').normalize(), Decimal('123.4500').normalize())
print(hash(Decimal(5)) == hash(5), hash(Decimal('0.5')) == hash(0.5), Decimal('1.5') < 2, sorted([Decimal('2.5'), 1, 1.5]))
print(f"{Decimal('1234.5678'):,.2f}", int(Decimal('9.99')), float(Decimal('0.125')), round(Decimal('2.675'), 2))
try:
    Decimal(1) / Decimal(0)
except decimal.DivisionByZero as e:
    print('DivisionByZero', isinstance(e, ZeroDivisionError))

getcontext().prec = 6
print(getcontext().prec, Decimal(1) / Decimal(3))
with localcontext() as ctx:
    ctx.prec = 40
    print(Decimal(1) / Decimal(3))
print(Decimal(1) / Decimal(3))

seen = {}


def worker(prec):
    before = getcontext().prec
    c = getcontext().copy()
    c.prec = prec
    setcontext(c)
    seen[prec] = (before, str(Decimal(22) / Decimal(7)))


threads = [threading.Thread(target=worker, args=(p,)) for p in (3, 12, 30)]
for t in threads:
    t.start()
for t in threads:
    t.join()
for p in sorted(seen):
    print(p, seen[p])
print('main still', getcontext().prec, Decimal(22) / Decimal(7))


def task(n):
    with localcontext(Context(prec=n)):
        return n, str(Decimal(1).exp())


with ThreadPoolExecutor(max_workers=3) as ex:
    for n, e in ex.map(task, [5, 10, 20, 50]):
        print('e to', n, 'digits:', e)

print(Fraction(1, 3) + Fraction(1, 6), Fraction('3.1415'), Fraction(0.5), Fraction(Decimal('1.25')))
print(repr(Fraction(-6, 4)), Fraction(355, 113) ** 2, Fraction(2, 3) ** -2, float(Fraction(1, 3)))
print(Fraction(3.141592653589793).limit_denominator(1000), Fraction(7, 2).as_integer_ratio(), round(Fraction(7, 2)))
print(hash(Fraction(1, 2)) == hash(0.5), Fraction(1, 2) == 0.5, Fraction(1, 3) < 0.34, abs(Fraction(-1, 3)))
print(f"{Fraction(1, 3):.5f}", f"{Fraction(22, 7):>10.3f}", Fraction(5, 1).is_integer())


def harmonic(n):
    return sum(Fraction(1, k) for k in range(1, n + 1))


with ThreadPoolExecutor(max_workers=2) as ex:
    print(list(ex.map(harmonic, [1, 5, 10, 20])))
