# time, as gilscope provides it: the clocks and sleep of the simulated machine (Go,
# _time) and the calendar functions over them. time.time() starts at 1,764,000,000 s
# (2025-11-24 16:00:00) when the run starts, and the machine's zone is UTC, so
# localtime is gmtime. strftime knows the C locale's directives.
import _time

time = _time.time
time_ns = _time.time_ns
sleep = _time.sleep
perf_counter = _time.perf_counter
perf_counter_ns = _time.perf_counter_ns
monotonic = _time.monotonic
monotonic_ns = _time.monotonic_ns
process_time = _time.process_time
thread_time = _time.thread_time

timezone = 0
altzone = 0
daylight = 0
tzname = ('UTC', 'UTC')

_FIELDS = ('tm_year', 'tm_mon', 'tm_mday', 'tm_hour', 'tm_min', 'tm_sec', 'tm_wday',
           'tm_yday', 'tm_isdst')
_DAYS = ('Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday')
_MONTHS = ('January', 'February', 'March', 'April', 'May', 'June', 'July',
           'August', 'September', 'October', 'November', 'December')


def process_time_ns():
    return int(_time.process_time() * 1e9)


def thread_time_ns():
    return int(_time.thread_time() * 1e9)


class struct_time:
    def __init__(self, values):
        values = tuple(values)
        if len(values) < 9:
            raise TypeError("time.struct_time() takes an at least 9-sequence (%d-sequence given)" % len(values))
        self._values = values[:9]
        self.tm_year, self.tm_mon, self.tm_mday, self.tm_hour, self.tm_min, self.tm_sec, \
            self.tm_wday, self.tm_yday, self.tm_isdst = self._values
        self.tm_zone = 'UTC'
        self.tm_gmtoff = 0

    def __getitem__(self, i):
        return self._values[i]

    def __len__(self):
        return 9

    def __iter__(self):
        return iter(self._values)

    def __eq__(self, other):
        if isinstance(other, struct_time):
            other = other._values
        return self._values == other

    def __repr__(self):
        return 'time.struct_time(' + ', '.join(
            ['%s=%r' % (_FIELDS[i], self._values[i]) for i in range(9)]) + ')'


def _civil(secs):
    # (year, month, day, hour, minute, second, weekday, yearday) of a time in seconds.
    days = secs // 86400
    rem = secs - days * 86400
    weekday = (days + 3) % 7
    z = days + 719468
    era = z // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    y = yoe + era * 400
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    d = doy - (153 * mp + 2) // 5 + 1
    if mp < 10:
        m = mp + 3
    else:
        m = mp - 9
    if m <= 2:
        y += 1
    before = (0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334)[m - 1]
    if m > 2 and y % 4 == 0 and (y % 100 != 0 or y % 400 == 0):
        before += 1
    return (y, m, d, rem // 3600, rem % 3600 // 60, rem % 60, weekday, before + d)


def gmtime(secs=None):
    if secs is None:
        secs = _time.time()
    y, mo, d, h, mi, s, wd, yd = _civil(int(secs // 1))
    return struct_time((y, mo, d, h, mi, s, wd, yd, 0))


localtime = gmtime


def mktime(t):
    y, mo, d, h, mi, s = t[0], t[1], t[2], t[3], t[4], t[5]
    if mo <= 2:
        y -= 1
        mo += 12
    days = 365 * y + y // 4 - y // 100 + y // 400 + (153 * (mo - 3) + 2) // 5 + d - 719469
    return float(days * 86400 + h * 3600 + mi * 60 + s)


def asctime(t=None):
    if t is None:
        t = localtime()
    return '%s %s %2d %02d:%02d:%02d %d' % (_DAYS[t[6]][:3], _MONTHS[t[1] - 1][:3], t[2],
                                             t[3], t[4], t[5], t[0])


def ctime(secs=None):
    return asctime(localtime(secs))


def strftime(format, t=None):
    if t is None:
        t = localtime()
    y, mo, d, h, mi, s, wd, yd = t[0], t[1], t[2], t[3], t[4], t[5], t[6], t[7]
    out = []
    i = 0
    n = len(format)
    while i < n:
        c = format[i]
        if c != '%' or i + 1 >= n:
            out.append(c)
            i += 1
            continue
        k = format[i + 1]
        i += 2
        if k == 'Y':
            out.append('%d' % y)
        elif k == 'y':
            out.append('%02d' % (y % 100))
        elif k == 'm':
            out.append('%02d' % mo)
        elif k == 'd':
            out.append('%02d' % d)
        elif k == 'e':
            out.append('%2d' % d)
        elif k == 'H':
            out.append('%02d' % h)
        elif k == 'I':
            out.append('%02d' % ((h + 11) % 12 + 1))
        elif k == 'M':
            out.append('%02d' % mi)
        elif k == 'S':
            out.append('%02d' % s)
        elif k == 'p':
            out.append('AM' if h < 12 else 'PM')
        elif k == 'j':
            out.append('%03d' % yd)
        elif k == 'a':
            out.append(_DAYS[wd][:3])
        elif k == 'A':
            out.append(_DAYS[wd])
        elif k == 'b' or k == 'h':
            out.append(_MONTHS[mo - 1][:3])
        elif k == 'B':
            out.append(_MONTHS[mo - 1])
        elif k == 'w':
            out.append('%d' % ((wd + 1) % 7))
        elif k == 'u':
            out.append('%d' % (wd + 1))
        elif k == 'z':
            out.append('+0000')
        elif k == 'Z':
            out.append('UTC')
        elif k == 'F':
            out.append('%d-%02d-%02d' % (y, mo, d))
        elif k == 'T':
            out.append('%02d:%02d:%02d' % (h, mi, s))
        elif k == 'R':
            out.append('%02d:%02d' % (h, mi))
        elif k == 'D':
            out.append('%02d/%02d/%02d' % (mo, d, y % 100))
        elif k == 'c':
            out.append(asctime(t))
        elif k == 'x':
            out.append('%02d/%02d/%02d' % (mo, d, y % 100))
        elif k == 'X':
            out.append('%02d:%02d:%02d' % (h, mi, s))
        elif k == 'n':
            out.append('\n')
        elif k == 't':
            out.append('\t')
        elif k == '%':
            out.append('%')
        else:
            out.append('%' + k)
    return ''.join(out)


def strptime(string, format='%a %b %d %H:%M:%S %Y'):
    raise NotImplementedError("gilscope does not support time.strptime yet")
