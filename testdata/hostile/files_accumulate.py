# expect: MemoryError — writing 8 MB files without end: the run's files are in its memory
data = b'x' * (8 << 20)
i = 0
while True:
    with open('f%d.bin' % i, 'wb') as f:
        f.write(data)
    i += 1
