# source: PyMOTW-3, queue (Doug Hellmann), https://github.com/dhellmann/pymotw-3/blob/master/source/queue/queue_lifo.py
#!/usr/bin/env python
# encoding: utf-8
#
# Copyright (c) 2010 Doug Hellmann.  All rights reserved.
#
"""LIFO Queue
"""
#end_pymotw_header

import queue

q = queue.LifoQueue()

for i in range(5):
    q.put(i)

while not q.empty():
    print(q.get(), end=' ')
print()
