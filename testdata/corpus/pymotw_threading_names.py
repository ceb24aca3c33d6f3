# source: PyMOTW-3, threading (Doug Hellmann), https://github.com/dhellmann/pymotw-3/blob/master/source/threading/threading_names.py
# compare: unordered
#!/usr/bin/env python3
# encoding: utf-8
#
# Copyright (c) 2008 Doug Hellmann All rights reserved.
#
"""Naming threads
"""
#end_pymotw_header

import threading
import time


def worker():
    print(threading.currentThread().getName(), 'Starting')
    time.sleep(0.2)
    print(threading.currentThread().getName(), 'Exiting')


def my_service():
    print(threading.currentThread().getName(), 'Starting')
    time.sleep(0.3)
    print(threading.currentThread().getName(), 'Exiting')


t = threading.Thread(name='my_service', target=my_service)
w = threading.Thread(name='worker', target=worker)
w2 = threading.Thread(target=worker)  # use default name

w.start()
w2.start()
t.start()
