# expect: MemoryError — replacing the empty string in a million characters with 1000 each makes a 1 GB string
s = 'x' * 10**6
print(len(s.replace('', 'y' * 1000)))
