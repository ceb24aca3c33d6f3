# source: PyMOTW-3, concurrent.futures (Doug Hellmann), https://github.com/dhellmann/pymotw-3/blob/master/source/concurrent.futures/futures_context_manager.py
# compare: unordered
#!/usr/bin/env python
# encoding: utf-8
#
# Copyright (c) 2016 Doug Hellmann.  All rights reserved.
# Written for https://pymotw.com
#
"""Running tasks in a managed group of threads.
"""
#end_pymotw_header

from concurrent import futures


def task(n):
    print(n)


with futures.ThreadPoolExecutor(max_workers=2) as ex:
    print('main: starting')
    ex.submit(task, 1)
    ex.submit(task, 2)
    ex.submit(task, 3)
    ex.submit(task, 4)

print('main: done')
