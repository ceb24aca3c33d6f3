# expect: MemoryError — a format width of ten billion characters
print(len('{:>10000000000}'.format(1)))
