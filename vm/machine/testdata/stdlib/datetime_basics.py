# datetime on fixed instants (timedelta arithmetic and printing, date and datetime
# construction, comparison, isoformat, strftime, timestamps); now() and the local time
# zone's effects are only compared.
import datetime as dt
from datetime import date, datetime, timedelta

for td in (timedelta(0), timedelta(days=1, hours=2, minutes=3, seconds=4, microseconds=5),
           timedelta(hours=-1), timedelta(seconds=90.5), timedelta(weeks=2, milliseconds=1),
           timedelta(days=-3, seconds=10)):
    print(repr(td), str(td), td.days, td.seconds, td.microseconds, td.total_seconds())
a, b = timedelta(hours=3), timedelta(minutes=45)
print(a + b, a - b, b - a, -a, abs(-a), a * 2, 2 * b, a / 2, a / b, a // b, a > b, a == timedelta(seconds=10800))
print(bool(timedelta(0)), sorted([a, b, timedelta(0)]), timedelta.max, timedelta.resolution)

d = date(2024, 2, 28)
print(d, repr(d), d.year, d.month, d.day, d.weekday(), d.isoweekday(), d.toordinal())
print(d + timedelta(days=1), d + timedelta(days=2), d - timedelta(days=60), date(2025, 1, 1) - d)
print(d.strftime("%A %d %B %Y, day %j"), d.isoformat(), date.fromisoformat("2023-12-31"), date.fromordinal(1))
print(d < date(2024, 3, 1), d == date(2024, 2, 28), d.replace(day=1), f"{d:%d/%m/%y}", d.ctime())
for bad in ((2023, 2, 29), (2024, 13, 1), (2024, 4, 31)):
    try:
        date(*bad)
    except ValueError as e:
        print("ValueError:", e)

t = datetime(2024, 2, 29, 23, 59, 30, 250000)
print(t, repr(t), repr(datetime(2024, 1, 1)), repr(datetime(2024, 1, 1, 8, 0, 5)), t.date(), t.time())
print(t.isoformat(), t.isoformat(sep=" ", timespec="seconds"), t.isoformat(timespec="milliseconds"),
      t.isoformat(timespec="minutes"))
print(t + timedelta(seconds=45), t - timedelta(days=366), t - datetime(2024, 1, 1), datetime(2024, 1, 1) - t)
# Timestamps are local time in CPython and UTC in gilscope: only round trips are printed.
print(t.strftime("%Y-%m-%d %H:%M:%S.%f %a"), datetime.fromtimestamp(t.timestamp()) == t,
      datetime.fromtimestamp(1764000000).timestamp(), datetime.fromisoformat("2024-02-29T23:59:30.250000") == t)
print(t.replace(hour=0, microsecond=0), t.weekday(), t > datetime(2024, 2, 29), t.hour, t.minute, t.second, t.microsecond)
print(sorted([datetime(2024, 5, 1), datetime(2023, 5, 1, 12), datetime(2024, 1, 1)]))
print(datetime.combine(date(2024, 7, 4), dt.time(9, 30)), dt.time(9, 30), repr(dt.time(9, 30, 15)))

start = datetime.now()
elapsed = datetime.now() - start
print(isinstance(start, datetime), isinstance(start, date), elapsed >= timedelta(0), start.year >= 2024)
print(date.today() >= date(2024, 1, 1), dt.MINYEAR, dt.MAXYEAR)
