# statistics, as gilscope provides it, for int and float data: mean, fmean,
# geometric_mean, median (low, high), mode, multimode, quantiles, variance, pvariance,
# stdev, pstdev. As CPython's, mean and the variances are computed exactly (here with
# integer numerator and denominator pairs instead of Fractions) and rounded once, so
# they print the same digits; stdev is the correctly rounded square root.
import math
from collections import Counter

__all__ = ['StatisticsError', 'fmean', 'geometric_mean', 'mean', 'median', 'median_low',
           'median_high', 'mode', 'multimode', 'pstdev', 'pvariance', 'quantiles', 'stdev',
           'variance']


class StatisticsError(ValueError):
    pass


def _refuse(name):
    raise NotImplementedError('gilscope does not support statistics.%s yet' % name)


def harmonic_mean(data, weights=None):
    _refuse('harmonic_mean')


def median_grouped(data, interval=1.0):
    _refuse('median_grouped')


def covariance(x, y):
    _refuse('covariance')


def correlation(x, y, *, method='linear'):
    _refuse('correlation')


def linear_regression(x, y, *, proportional=False):
    _refuse('linear_regression')


class NormalDist:
    def __init__(self, mu=0.0, sigma=1.0):
        _refuse('NormalDist')


# ---- exact arithmetic on (numerator, denominator) pairs ----

def _exact(x):
    """x as a reduced (numerator, denominator) pair, and its type."""
    if isinstance(x, bool) or isinstance(x, int):
        return int(x), 1, int
    if isinstance(x, float):
        if x != x or x in (math.inf, -math.inf):
            return x, None, float
        # Doubling a float is exact: after k doublings it is an integer n, and x is
        # n / 2**k (the interpreter has no float.as_integer_ratio or math.frexp yet).
        k = 0
        while x != int(x):
            x *= 2
            k += 1
        return int(x), 1 << k, float
    raise TypeError("can't convert type '%s' to numerator/denominator" % type(x).__name__)


def _add(a, b):
    n = a[0] * b[1] + b[0] * a[1]
    d = a[1] * b[1]
    g = math.gcd(n, d)
    return n // g, d // g


def _div(a, k):
    """a / k for an int k."""
    n, d = a[0], a[1] * k
    if d < 0:
        n, d = -n, -d
    g = math.gcd(n, d)
    return n // g, d // g


def _coerce(T, S):
    if T is S or S is int:
        return T
    return float


def _convert(q, T):
    n, d = q
    if T is int and d == 1:
        return n
    return n / d


def _sum(data):
    """(T, total, count) with total exact, as CPython's statistics._sum."""
    count = 0
    T = int
    partials = {}
    special = None
    for x in data:
        n, d, typ = _exact(x)
        T = _coerce(T, typ)
        count += 1
        if d is None:
            special = n if special is None else special + n
            continue
        partials[d] = partials.get(d, 0) + n
    if special is not None:
        return T, special, count
    total = (0, 1)
    for d in partials:
        total = _add(total, (partials[d], d))
    return T, total, count


def _ss(data):
    """(T, sum of squared deviations, count), exact."""
    count = 0
    T = int
    sx = {}
    sxx = {}
    for x in data:
        n, d, typ = _exact(x)
        T = _coerce(T, typ)
        count += 1
        if d is None:
            return T, n, count
        sx[d] = sx.get(d, 0) + n
        sxx[d] = sxx.get(d, 0) + n * n
    if not count:
        return T, (0, 1), 0
    s1 = (0, 1)
    for d in sx:
        s1 = _add(s1, (sx[d], d))
    s2 = (0, 1)
    for d in sxx:
        s2 = _add(s2, (sxx[d], d * d))
    # (count * sxx - sx * sx) / count
    num = _add((count * s2[0], s2[1]), (-s1[0] * s1[0], s1[1] * s1[1]))
    return T, _div(num, count), count


def _isqrt_rto(n, m):
    """The square root of n / m, rounded to odd."""
    a = math.isqrt(n // m)
    return a | (a * a * m != n)


def _float_sqrt_of_frac(n, m):
    """The square root of n / m, correctly rounded to a float."""
    q = (n.bit_length() - m.bit_length() - 109) // 2
    if q >= 0:
        numerator = _isqrt_rto(n, m << 2 * q) << q
        denominator = 1
    else:
        numerator = _isqrt_rto(n << -2 * q, m)
        denominator = 1 << -q
    return numerator / denominator


# ---- averages ----

def mean(data):
    T, total, n = _sum(data)
    if n < 1:
        raise StatisticsError('mean requires at least one data point')
    if not isinstance(total, tuple):
        return total / n
    return _convert(_div(total, n), T)


def fmean(data, weights=None):
    if weights is not None:
        data = list(data)
        weights = list(weights)
        if len(weights) != len(data):
            raise StatisticsError('data and weights must be the same length')
        num = math.fsum(x * w for x, w in zip(data, weights))
        den = math.fsum(weights)
        if not den:
            raise StatisticsError('sum of weights must be non-zero')
        return num / den
    data = list(data)
    if not data:
        raise StatisticsError('fmean requires at least one data point')
    return math.fsum(data) / len(data)


def geometric_mean(data):
    try:
        return math.exp(fmean([math.log(x) for x in data]))
    except ValueError:
        raise StatisticsError('geometric mean requires a non-empty dataset '
                              'containing positive numbers') from None


def median(data):
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError('no median for empty data')
    if n % 2 == 1:
        return data[n // 2]
    i = n // 2
    return (data[i - 1] + data[i]) / 2


def median_low(data):
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError('no median for empty data')
    if n % 2 == 1:
        return data[n // 2]
    return data[n // 2 - 1]


def median_high(data):
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError('no median for empty data')
    return data[n // 2]


def mode(data):
    pairs = Counter(list(data)).most_common(1)
    if not pairs:
        raise StatisticsError('no mode for empty data')
    return pairs[0][0]


def multimode(data):
    counts = Counter(list(data))
    if not counts:
        return []
    top = max(counts.values())
    return [value for value, count in counts.items() if count == top]


def quantiles(data, *, n=4, method='exclusive'):
    if n < 1:
        raise StatisticsError('n must be at least 1')
    data = sorted(data)
    ld = len(data)
    if ld < 2:
        if ld == 1:
            return data * (n - 1)
        raise StatisticsError('must have at least one data point')
    if method == 'inclusive':
        m = ld - 1
        result = []
        for i in range(1, n):
            j, delta = divmod(i * m, n)
            result.append((data[j] * (n - delta) + data[j + 1] * delta) / n)
        return result
    if method == 'exclusive':
        m = ld + 1
        result = []
        for i in range(1, n):
            j = i * m // n
            j = 1 if j < 1 else ld - 1 if j > ld - 1 else j
            delta = i * m - j * n
            result.append((data[j - 1] * (n - delta) + data[j] * delta) / n)
        return result
    raise ValueError('Unknown method: %r' % (method,))


# ---- spread ----

def _spread(data, name, minimum, ddof, center=None):
    if center is not None:
        _refuse('%s with a given mean' % name)
    T, ss, n = _ss(data)
    if n < minimum:
        raise StatisticsError('%s requires at least %s data point%s'
                              % (name, 'one' if minimum == 1 else 'two', 's' if minimum > 1 else ''))
    return T, ss, n - ddof


def variance(data, xbar=None):
    T, ss, k = _spread(data, 'variance', 2, 1, xbar)
    if not isinstance(ss, tuple):
        return ss
    return _convert(_div(ss, k), T)


def pvariance(data, mu=None):
    T, ss, k = _spread(data, 'pvariance', 1, 0, mu)
    if not isinstance(ss, tuple):
        return ss
    return _convert(_div(ss, k), T)


def stdev(data, xbar=None):
    T, ss, k = _spread(data, 'stdev', 2, 1, xbar)
    if not isinstance(ss, tuple):
        return ss
    q = _div(ss, k)
    return _float_sqrt_of_frac(q[0], q[1])


def pstdev(data, mu=None):
    T, ss, k = _spread(data, 'pstdev', 1, 0, mu)
    if not isinstance(ss, tuple):
        return ss
    q = _div(ss, k)
    return _float_sqrt_of_frac(q[0], q[1])
