# Dotted imports: a module that is not a package has no submodules, and a missing
# package is reported by its own name.
import math
import math as m2

print(m2 is math, m2.sqrt(16))
try:
    import math.sqrt
except ImportError as e:
    print(type(e).__name__, e)
try:
    import nosuch.sub
except ImportError as e:
    print(type(e).__name__, e)
try:
    from sys import nosuch
except ImportError as e:
    print(type(e).__name__, e)
try:
    from nosuch.sub import x
except ImportError as e:
    print(type(e).__name__, e)
try:
    from math.sqrt import x
except ImportError as e:
    print(type(e).__name__, e)
from math import sqrt, pi as PI
print(sqrt(9), round(PI, 2))
