# os.open's descriptors over the run's file system: os.write, os.read, os.lseek, os.fdopen,
# open() of a descriptor, os.close, and os.utime setting a file's modification time.
import os
fd = os.open('gsfd.txt', os.O_CREAT | os.O_WRONLY | os.O_EXCL)
print(os.write(fd, b'abc'), os.write(fd, b'def'))
os.close(fd)
fd = os.open('gsfd.txt', os.O_RDONLY)
print(os.read(fd, 2), os.read(fd, 10), os.read(fd, 10))
with os.fdopen(fd) as f:
    print(f.read(), f.mode)
fd = os.open('gsfd.txt', os.O_RDWR)
with open(fd, 'w') as f:
    f.write('XY')
print(open('gsfd.txt').read())
try:
    os.open('gsfd.txt', os.O_CREAT | os.O_EXCL)
except FileExistsError as e:
    print(e)
try:
    os.close(fd)
except OSError as e:
    print(e)
os.utime('gsfd.txt', (1, 2))
print(os.stat("gsfd.txt").st_mtime, os.path.getmtime("gsfd.txt"))
fd = os.open("gsfd.txt", os.O_RDWR)
print(os.lseek(fd, 0, os.SEEK_END), os.lseek(fd, -2, os.SEEK_CUR), os.read(fd, 5), os.fstat(fd).st_size)
os.close(fd)
os.remove('gsfd.txt')
for call in (open, os.stat, os.remove, os.listdir):
    try:
        call('gsfd\x00.txt')
    except ValueError as e:
        print(call.__name__, 'ValueError:', e)
