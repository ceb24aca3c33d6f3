# source: dhananjay8218/python-core, https://github.com/dhananjay8218/python-core/blob/be407241d0e4f307621458aa369527ee07cedd28/13_async_python/05_daemon.py
# compare: unordered
# daemon_thread_example.py — Daemon thread example
# A daemon thread runs in the background and stops automatically
# when the main program exits.

import threading
import time


def background_monitor():
    while True:
        print("Monitoring system status...")
        time.sleep(2)


# Create a daemon thread
monitor_thread = threading.Thread(
    target=background_monitor,
    daemon=True
)

monitor_thread.start()

print("Main program finished")
