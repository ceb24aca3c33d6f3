# time's calendar functions (gmtime, struct_time, strftime, asctime, mktime) on fixed
# instants, so that CPython's output does not depend on the clock or the time zone.
import time

for secs in (0, 951782400, 1234567890, 1709164800.75, 1764000000, 4102444799, -86400):
    t = time.gmtime(secs)
    print(t)
    print(time.strftime("%Y-%m-%d %H:%M:%S | %a %A %b %B | %j %p %I %y %w %u", t))
    print(time.strftime("%F %T %R %D %x %X %c %%", t), "|", time.asctime(t))
    if secs >= 0:
        print(time.mktime(t) - time.timezone == int(secs // 1))
t = time.gmtime(1764000000)
print(t.tm_year, t.tm_mon, t.tm_mday, t.tm_hour, t.tm_wday, t.tm_yday, t.tm_isdst, t[0], len(t), list(t)[:3])
print(t == time.gmtime(1764000000.5), isinstance(time.time(), float), time.strftime("%H:%M", t))
start = time.monotonic()
time.sleep(0.01)
print(time.monotonic() - start >= 0.01, time.perf_counter_ns() > 0, time.time_ns() > 0)
