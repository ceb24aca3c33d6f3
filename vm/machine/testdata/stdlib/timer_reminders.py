# A reminder service built on threading.Timer, in the style of tutorials: timers
# fire after their delays (far enough apart that a loaded machine keeps their order
# under CPython), one is cancelled, and a lock protects the shared log.
import threading
import time

log = []
log_lock = threading.Lock()


def remind(message):
    with log_lock:
        log.append(message)


timers = []
for delay, message in [(0.3, "stretch"), (0.1, "drink water"), (0.2, "check mail"), (0.5, "never")]:
    timer = threading.Timer(delay, remind, args=(message,))
    timer.name = "reminder-" + message.split()[0]
    timers.append(timer)
    timer.start()

timers[-1].cancel()
for timer in timers:
    timer.join()
print(log)
print([timer.name for timer in timers])
print([timer.finished.is_set() for timer in timers])


# A watchdog that is reset before it fires, then allowed to fire.
fired = threading.Event()


def make_watchdog():
    dog = threading.Timer(0.25, fired.set)
    dog.daemon = True
    dog.start()
    return dog


dog = make_watchdog()
for _ in range(3):
    time.sleep(0.05)
    dog.cancel()
    dog = make_watchdog()
print("fired while fed:", fired.is_set())
print("fired when starved:", fired.wait(1.0))
