# datetime, as gilscope provides it: timedelta, date and datetime without time zones
# (the machine's zone is UTC; tzinfo is always None), over time's clock, so
# datetime.now() follows the simulated time. A subset of CPython's: arithmetic,
# comparisons, isoformat, strftime, fromtimestamp and timestamp.
import time as _time

MINYEAR = 1
MAXYEAR = 9999

_DAYS_BEFORE_MONTH = (0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334)
_DAYS_IN_MONTH = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _is_leap(year):
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _days_in_month(year, month):
    if month == 2 and _is_leap(year):
        return 29
    return _DAYS_IN_MONTH[month]


def _ymd2ord(year, month, day):
    # Days since 0001-01-01, which is day 1.
    y = year - 1
    days_before_year = y * 365 + y // 4 - y // 100 + y // 400
    days_before_month = _DAYS_BEFORE_MONTH[month] + (1 if month > 2 and _is_leap(year) else 0)
    return days_before_year + days_before_month + day


def _ord2ymd(n):
    # The inverse of _ymd2ord, through the days since 1970-01-01.
    t = _time.gmtime((n - 719163) * 86400)
    return t[0], t[1], t[2]


def _check_date(year, month, day):
    if not MINYEAR <= year <= MAXYEAR:
        raise ValueError('year %d is out of range' % year)
    if not 1 <= month <= 12:
        raise ValueError('month must be in 1..12')
    if not 1 <= day <= _days_in_month(year, month):
        raise ValueError('day is out of range for month')


def _cmp(x, y):
    return 0 if x == y else 1 if x > y else -1


class timedelta:
    def __init__(self, days=0, seconds=0, microseconds=0, milliseconds=0, minutes=0, hours=0, weeks=0):
        total = (days + weeks * 7) * 86400 + seconds + minutes * 60 + hours * 3600
        us = round(total * 1000000 + milliseconds * 1000 + microseconds)
        self._days, rem = divmod(us, 86400 * 1000000)
        self._seconds, self._microseconds = divmod(rem, 1000000)
        if abs(self._days) > 999999999:
            raise OverflowError('days=%d; must have magnitude <= 999999999' % self._days)

    def _get_days(self):
        return self._days

    def _get_seconds(self):
        return self._seconds

    def _get_microseconds(self):
        return self._microseconds

    days = property(_get_days)
    seconds = property(_get_seconds)
    microseconds = property(_get_microseconds)

    def _us(self):
        return (self._days * 86400 + self._seconds) * 1000000 + self._microseconds

    def total_seconds(self):
        return self._us() / 10 ** 6

    def __repr__(self):
        args = []
        if self._days:
            args.append('days=%d' % self._days)
        if self._seconds:
            args.append('seconds=%d' % self._seconds)
        if self._microseconds:
            args.append('microseconds=%d' % self._microseconds)
        if not args:
            args.append('0')
        return 'datetime.timedelta(%s)' % ', '.join(args)

    def __str__(self):
        mm, ss = divmod(self._seconds, 60)
        hh, mm = divmod(mm, 60)
        s = '%d:%02d:%02d' % (hh, mm, ss)
        if self._days:
            plural = 's' if abs(self._days) != 1 else ''
            s = '%d day%s, ' % (self._days, plural) + s
        if self._microseconds:
            s = s + '.%06d' % self._microseconds
        return s

    def __add__(self, other):
        if isinstance(other, timedelta):
            return timedelta(microseconds=self._us() + other._us())
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return timedelta(microseconds=self._us() - other._us())
        return NotImplemented

    def __neg__(self):
        return timedelta(microseconds=-self._us())

    def __pos__(self):
        return self

    def __abs__(self):
        return -self if self._days < 0 else self

    def __mul__(self, other):
        if isinstance(other, (int, float)):
            return timedelta(microseconds=round(self._us() * other))
        return NotImplemented

    __rmul__ = __mul__

    def __truediv__(self, other):
        if isinstance(other, timedelta):
            return self._us() / other._us()
        if isinstance(other, (int, float)):
            return timedelta(microseconds=round(self._us() / other))
        return NotImplemented

    def __floordiv__(self, other):
        if isinstance(other, timedelta):
            return self._us() // other._us()
        return timedelta(microseconds=self._us() // other)

    def __eq__(self, other):
        return isinstance(other, timedelta) and self._us() == other._us()

    def __ne__(self, other):
        return not self.__eq__(other)

    def __lt__(self, other):
        return self._us() < other._us()

    def __le__(self, other):
        return self._us() <= other._us()

    def __gt__(self, other):
        return self._us() > other._us()

    def __ge__(self, other):
        return self._us() >= other._us()

    def __hash__(self):
        return hash(self._us())

    def __bool__(self):
        return self._us() != 0


timedelta.min = timedelta(-999999999)
timedelta.max = timedelta(days=999999999, hours=23, minutes=59, seconds=59, microseconds=999999)
timedelta.resolution = timedelta(microseconds=1)


class date:
    def __init__(self, year, month, day):
        _check_date(year, month, day)
        self._year, self._month, self._day = year, month, day

    def _get_year(self):
        return self._year

    def _get_month(self):
        return self._month

    def _get_day(self):
        return self._day

    year = property(_get_year)
    month = property(_get_month)
    day = property(_get_day)

    def today():
        t = _time.localtime()
        return date(t[0], t[1], t[2])

    today = staticmethod(today)

    def fromtimestamp(t):
        st = _time.localtime(t)
        return date(st[0], st[1], st[2])

    fromtimestamp = staticmethod(fromtimestamp)

    def fromordinal(n):
        y, m, d = _ord2ymd(n)
        return date(y, m, d)

    fromordinal = staticmethod(fromordinal)

    def fromisoformat(s):
        return date(int(s[0:4]), int(s[5:7]), int(s[8:10]))

    fromisoformat = staticmethod(fromisoformat)

    def toordinal(self):
        return _ymd2ord(self._year, self._month, self._day)

    def weekday(self):
        return (self.toordinal() + 6) % 7

    def isoweekday(self):
        return self.weekday() + 1

    def timetuple(self):
        yday = self.toordinal() - _ymd2ord(self._year, 1, 1) + 1
        return _time.struct_time((self._year, self._month, self._day, 0, 0, 0, self.weekday(), yday, -1))

    def isoformat(self):
        return '%04d-%02d-%02d' % (self._year, self._month, self._day)

    def __str__(self):
        return self.isoformat()

    def __repr__(self):
        return 'datetime.date(%d, %d, %d)' % (self._year, self._month, self._day)

    def strftime(self, fmt):
        return _time.strftime(fmt, self.timetuple())

    def __format__(self, fmt):
        if not fmt:
            return str(self)
        return self.strftime(fmt)

    def ctime(self):
        return _time.asctime(self.timetuple())

    def replace(self, year=None, month=None, day=None):
        return date(self._year if year is None else year, self._month if month is None else month,
                    self._day if day is None else day)

    def _key(self):
        return (self._year, self._month, self._day)

    def __eq__(self, other):
        return isinstance(other, date) and not isinstance(other, datetime) and self._key() == other._key()

    def __ne__(self, other):
        return not self.__eq__(other)

    def __lt__(self, other):
        return self._key() < other._key()

    def __le__(self, other):
        return self._key() <= other._key()

    def __gt__(self, other):
        return self._key() > other._key()

    def __ge__(self, other):
        return self._key() >= other._key()

    def __hash__(self):
        return hash(self._key())

    def __add__(self, other):
        if isinstance(other, timedelta):
            return date.fromordinal(self.toordinal() + other.days)
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return date.fromordinal(self.toordinal() - other.days)
        if isinstance(other, date):
            return timedelta(days=self.toordinal() - other.toordinal())
        return NotImplemented


class datetime(date):
    def __init__(self, year, month, day, hour=0, minute=0, second=0, microsecond=0, tzinfo=None, *, fold=0):
        date.__init__(self, year, month, day)
        if not 0 <= hour <= 23:
            raise ValueError('hour must be in 0..23')
        if not 0 <= minute <= 59:
            raise ValueError('minute must be in 0..59')
        if not 0 <= second <= 59:
            raise ValueError('second must be in 0..59')
        if not 0 <= microsecond <= 999999:
            raise ValueError('microsecond must be in 0..999999')
        if tzinfo is not None:
            raise NotImplementedError("gilscope does not support datetime time zones yet")
        self._hour, self._minute, self._second, self._microsecond = hour, minute, second, microsecond

    def _get_hour(self):
        return self._hour

    def _get_minute(self):
        return self._minute

    def _get_second(self):
        return self._second

    def _get_microsecond(self):
        return self._microsecond

    def _get_tzinfo(self):
        return None

    hour = property(_get_hour)
    minute = property(_get_minute)
    second = property(_get_second)
    microsecond = property(_get_microsecond)
    tzinfo = property(_get_tzinfo)

    def fromtimestamp(t, tz=None):
        if tz is not None:
            raise NotImplementedError("gilscope does not support datetime time zones yet")
        return _from_us(round(t * 1000000))

    fromtimestamp = staticmethod(fromtimestamp)
    utcfromtimestamp = fromtimestamp

    def now(tz=None):
        return datetime.fromtimestamp(_time.time(), tz)

    now = staticmethod(now)
    today = now

    def utcnow():
        return datetime.fromtimestamp(_time.time())

    utcnow = staticmethod(utcnow)

    def combine(d, t):
        return datetime(d.year, d.month, d.day, t.hour, t.minute, t.second, t.microsecond)

    combine = staticmethod(combine)

    def fromisoformat(s):
        d = date.fromisoformat(s[:10])
        hour = minute = second = us = 0
        if len(s) > 10:
            rest = s[11:]
            hour = int(rest[0:2])
            if len(rest) >= 5:
                minute = int(rest[3:5])
            if len(rest) >= 8:
                second = int(rest[6:8])
            if len(rest) > 9 and rest[8] == '.':
                frac = rest[9:]
                us = int((frac + '000000')[:6])
        return datetime(d.year, d.month, d.day, hour, minute, second, us)

    fromisoformat = staticmethod(fromisoformat)

    def strptime(date_string, format):
        raise NotImplementedError("gilscope does not support datetime.strptime yet")

    strptime = staticmethod(strptime)

    def _us(self):
        return (((self.toordinal() - 719163) * 86400 + self._hour * 3600 + self._minute * 60 + self._second)
                * 1000000 + self._microsecond)

    def timestamp(self):
        return self._us() / 10 ** 6

    def date(self):
        return date(self._year, self._month, self._day)

    def time(self):
        return time(self._hour, self._minute, self._second, self._microsecond)

    def timetuple(self):
        yday = self.toordinal() - _ymd2ord(self._year, 1, 1) + 1
        return _time.struct_time((self._year, self._month, self._day, self._hour, self._minute,
                                  self._second, self.weekday(), yday, -1))

    def isoformat(self, sep='T', timespec='auto'):
        s = '%04d-%02d-%02d%s%02d:%02d:%02d' % (self._year, self._month, self._day, sep,
                                                self._hour, self._minute, self._second)
        if timespec == 'auto' and self._microsecond or timespec == 'microseconds':
            s += '.%06d' % self._microsecond
        elif timespec == 'milliseconds':
            s += '.%03d' % (self._microsecond // 1000)
        elif timespec == 'minutes':
            s = s[:-3]
        elif timespec == 'hours':
            s = s[:-6]
        return s

    def __str__(self):
        return self.isoformat(sep=' ')

    def __repr__(self):
        fields = [self._year, self._month, self._day, self._hour, self._minute, self._second, self._microsecond]
        while len(fields) > 5 and fields[-1] == 0:
            fields.pop()
        return 'datetime.datetime(%s)' % ', '.join([str(f) for f in fields])

    def strftime(self, fmt):
        if '%f' in fmt:
            fmt = fmt.replace('%f', '%06d' % self._microsecond)
        return _time.strftime(fmt, self.timetuple())

    def replace(self, year=None, month=None, day=None, hour=None, minute=None, second=None,
                microsecond=None, tzinfo=None):
        def pick(new, old):
            return old if new is None else new
        return datetime(pick(year, self._year), pick(month, self._month), pick(day, self._day),
                        pick(hour, self._hour), pick(minute, self._minute), pick(second, self._second),
                        pick(microsecond, self._microsecond))

    def _key(self):
        return (self._year, self._month, self._day, self._hour, self._minute, self._second, self._microsecond)

    def __eq__(self, other):
        return isinstance(other, datetime) and self._key() == other._key()

    def __hash__(self):
        return hash(self._key())

    def __add__(self, other):
        if isinstance(other, timedelta):
            return _from_us(self._us() + other._us())
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return _from_us(self._us() - other._us())
        if isinstance(other, datetime):
            return timedelta(microseconds=self._us() - other._us())
        return NotImplemented


def _from_us(us):
    # The datetime us microseconds after 1970-01-01, without float rounding.
    secs, micro = divmod(us, 1000000)
    st = _time.gmtime(secs)
    return datetime(st[0], st[1], st[2], st[3], st[4], st[5], micro)


class time:
    def __init__(self, hour=0, minute=0, second=0, microsecond=0, tzinfo=None):
        if tzinfo is not None:
            raise NotImplementedError("gilscope does not support datetime time zones yet")
        self.hour, self.minute, self.second, self.microsecond = hour, minute, second, microsecond

    def isoformat(self):
        s = '%02d:%02d:%02d' % (self.hour, self.minute, self.second)
        if self.microsecond:
            s += '.%06d' % self.microsecond
        return s

    def __str__(self):
        return self.isoformat()

    def __repr__(self):
        fields = [self.hour, self.minute, self.second, self.microsecond]
        while len(fields) > 2 and fields[-1] == 0:
            fields.pop()
        return 'datetime.time(%s)' % ', '.join([str(f) for f in fields])

    def strftime(self, fmt):
        return _time.strftime(fmt, (1900, 1, 1, self.hour, self.minute, self.second, 0, 1, -1))

    def __eq__(self, other):
        return isinstance(other, time) and (self.hour, self.minute, self.second, self.microsecond) == (
            other.hour, other.minute, other.second, other.microsecond)


class timezone:
    def __init__(self, offset, name=None):
        raise NotImplementedError("gilscope does not support datetime time zones yet")


date.min = date(1, 1, 1)
date.max = date(9999, 12, 31)
datetime.min = datetime(1, 1, 1)
datetime.max = datetime(9999, 12, 31, 23, 59, 59, 999999)
