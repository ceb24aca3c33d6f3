# expect: MemoryError — an f-string field a billion characters wide
print(len(f'{1:>1000000000}'))
