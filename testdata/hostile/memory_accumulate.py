# expect: MemoryError — keeping 10 MB strings in a list until the run's memory is spent
keep = []
while True:
    keep.append('x' * 10**7 + str(len(keep)))
