# expect: MemoryError — %-formatting a billion characters wide
print(len('%0999999999d' % 1))
