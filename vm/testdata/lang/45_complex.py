# Complex numbers: literals, arithmetic (CPython's division and powers), repr of signed
# zeros, infinities and NaNs, hash, format specs, the constructor and its string syntax,
# patterns, and the errors complex numbers raise.
tests = [
    ('0j**-1', lambda: 0j**-1),
    ('0j**1j', lambda: 0j**1j),
    ('(1+2j)/0', lambda: (1+2j)/0),
    ('(1+2j)//2', lambda: (1+2j)//2),
    ('(1+2j)<(1+1j)', lambda: (1+2j)<(1+1j)),
    ('int(1j)', lambda: int(1j)),
    ('float(1j)', lambda: float(1j)),
    ('complex("x")', lambda: complex("x")),
    ('complex("1+")', lambda: complex("1+")),
    ('hash(1+2j)', lambda: hash(1+2j)),
    ('hash(-1+0j)', lambda: hash(-1+0j)),
    ('complex(1,-0.0)', lambda: complex(1,-0.0)),
    ('-0j', lambda: -0j),
    ('complex(-0.0,0)', lambda: complex(-0.0,0)),
    ('1e16j', lambda: 1e16j),
    ('1e-5j', lambda: 1e-5j),
    ('2**0.5*1j', lambda: 2**0.5*1j),
    ('(1+2j)**2', lambda: (1+2j)**2),
    ('(1+2j)**-2', lambda: (1+2j)**-2),
    ('(1+2j)**0.5', lambda: (1+2j)**0.5),
    ('(1+2j)**(1+1j)', lambda: (1+2j)**(1+1j)),
    ('abs(3+4j)', lambda: abs(3+4j)),
    ('complex(" ( 1-2j ) ")', lambda: complex(" ( 1-2j ) ")),
    ('complex("-j")', lambda: complex("-j")),
    ('complex("1e3+5.5J")', lambda: complex("1e3+5.5J")),
    ('complex(1j, 1j)', lambda: complex(1j, 1j)),
    ('complex("1", 2)', lambda: complex("1", 2)),
    ('round(1j)', lambda: round(1j)),
    ('f"{1+2j}"', lambda: f"{1+2j}"),
    ('f"{1+2j:.2f}"', lambda: f"{1+2j:.2f}"),
    ('divmod(1j,1)', lambda: divmod(1j,1)),
    ('(1+2j)%2', lambda: (1+2j)%2),
    ('1j.conjugate()', lambda: 1j.conjugate()),
    ('(3+4j).real', lambda: (3+4j).real),
    ('str(1.5+0j)', lambda: str(1.5+0j)),
    ('repr(complex(float("inf"), float("nan")))', lambda: repr(complex(float("inf"), float("nan")))),
    ('True+1j', lambda: True+1j),
    ('(1j).__class__', lambda: (1j).__class__),
    ('sum([1j,2,3.5])', lambda: sum([1j,2,3.5])),
    ('1j==1j', lambda: 1j==1j),
    ('1+0j==1', lambda: 1+0j==1),
    ('1j!=2', lambda: 1j!=2),
    ('{1+0j:1}[1]', lambda: {1+0j:1}[1]),
    ('complex()', lambda: complex()),
    ('complex(2)', lambda: complex(2)),
    ('complex(imag=3)', lambda: complex(imag=3)),
    ('complex("1e-3j")', lambda: complex("1e-3j")),
    ('isinstance(1j, complex)', lambda: isinstance(1j, complex)),
    ('type(2j).__name__', lambda: type(2j).__name__),
    ('[1j, 2+0j]', lambda: [1j, 2+0j]),
    ('(1+1j)*(1-1j)', lambda: (1+1j)*(1-1j)),
    ('1/(1+1j)', lambda: 1/(1+1j)),
    ('-(1+2j)', lambda: -(1+2j)),
    ('+(1-0j)', lambda: +(1-0j)),
    ('bool(0j)', lambda: bool(0j)),
    ('2j-1', lambda: 2j-1),
    ('(1e300+1e300j)*(1e300+1e300j)', lambda: (1e300+1e300j)*(1e300+1e300j)),
    ('complex("inf+nanj")', lambda: complex("inf+nanj")),
    ('pow(2j, 2)', lambda: pow(2j, 2)),
    ('1j**0', lambda: 1j**0),
    ('complex("1+2")', lambda: complex("1+2")),
    ('complex("j")', lambda: complex("j")),
    ('complex("(1+2j")', lambda: complex("(1+2j")),
    ('complex(None)', lambda: complex(None)),
    ('3 * 1j', lambda: 3 * 1j),
    ('1j - 3', lambda: 1j - 3),
]
for e, fn in tests:
    try: print(e, '->', repr(fn()))
    except Exception as x: print(e, '->', type(x).__name__, x)
for spec in ['>10', '.1f', 'g', '10.2f', '', '.3e', '<12', '^14.1f']:
    print(repr(spec), repr(format(1.5-2j, spec)), repr(format(2j, spec)))
# Go's trigonometry differs from glibc's in the last bit: print these rounded.
z = (-8) ** (1 / 3)
print(type(z).__name__, round(z.real, 12), round(z.imag, 12))
w = 1.5 ** 2j
print(round(w.real, 12), round(w.imag, 12))
import math
for f in [lambda: math.sqrt(1j), lambda: sorted([2j, 1j]), lambda: 1j > 0, lambda: int(1 + 0j)]:
    try:
        f()
    except TypeError as e:
        print("TypeError:", e)
print({1j, 1j + 0, complex(0, 1)}, 1j in [0, 1j], (1 + 2j) * 2, 2.5 - 1j)
def kind(z):
    match z:
        case 0j:
            return "zero"
        case 1 + 2j | -1 - 2j:
            return "one-two"
        case complex(real=0.0, imag=i):
            return f"imaginary {i}"
        case complex():
            return "complex"
for z in [0j, 1 + 2j, -1 - 2j, 3j, 1 + 1j]:
    print(z, kind(z))
