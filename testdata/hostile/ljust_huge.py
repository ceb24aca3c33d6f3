# expect: MemoryError — str.ljust to a billion characters
print(len('x'.ljust(10**9)))
