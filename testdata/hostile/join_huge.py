# expect: MemoryError — joining ten million strings of 10 MB each
print(len(''.join(['x' * 10**7] * 10**7)))
