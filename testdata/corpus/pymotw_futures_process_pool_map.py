# source: PyMOTW-3, concurrent.futures (Doug Hellmann), https://github.com/dhellmann/pymotw-3/blob/master/source/concurrent.futures/futures_process_pool_map.py
# mask: process \d+
#!/usr/bin/env python3
# encoding: utf-8
#
# Copyright (c) 2016 Doug Hellmann.  All rights reserved.
# Written for https://pymotw.com
#
"""Running tasks in a managed group of processes.
"""
#end_pymotw_header

from concurrent import futures
import os


def task(n):
    return (n, os.getpid())


ex = futures.ProcessPoolExecutor(max_workers=2)
results = ex.map(task, range(5, 0, -1))
for n, pid in results:
    print('ran task {} in process {}'.format(n, pid))
