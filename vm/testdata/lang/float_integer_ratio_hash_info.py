# float.as_integer_ratio gives the exact fraction in lowest terms; sys.hash_info
# holds the numeric hash's parameters, which decimal and fractions hash with.
import sys

for f in [0.0, -0.0, 1.0, 0.5, -0.75, 0.1, 3.141592653589793, 1e300, 5e-324, 2.0**60, -123456.789]:
    n, d = f.as_integer_ratio()
    print(repr(f), n, d, n / d == f)
for bad in [float('inf'), float('-inf'), float('nan')]:
    try:
        bad.as_integer_ratio()
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
try:
    (1.5).as_integer_ratio(2)
except TypeError as e:
    print('TypeError', e)

h = sys.hash_info
print(h.width, h.modulus, h.inf, h.nan, h.imag)
print(h.modulus == 2**61 - 1, hash(h.modulus) == 0, hash(float('inf')) == h.inf)
print(hash(complex(0, 1)) == h.imag, hash(2**70) == 2**70 % h.modulus)
