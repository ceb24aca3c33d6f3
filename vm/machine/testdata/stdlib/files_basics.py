# open() on the run's file system: files the program writes, read back, appended to,
# in text and binary, from threads; reading a file it did not write fails as CPython's
# does in an empty directory.
import os, threading, time
print(os.path.exists('gsfs_out.txt'), os.path.isdir('.'))
with open('gsfs_out.txt', 'w') as f:
    n = f.write('hello\n')
    f.write('world\n')
print(n, os.path.exists('gsfs_out.txt'))
with open('gsfs_out.txt') as f:
    print(f.read())
with open('gsfs_out.txt', 'a') as f:
    f.write('more\n')
for line in open('gsfs_out.txt'):
    print(repr(line))
with open('gsfs_data.bin', 'wb') as f:
    f.write(b'\x00\x01' * 10000)
with open('gsfs_data.bin', 'rb') as f:
    print(len(f.read()), f.tell())
try:
    open('gsfs_missing.txt')
except FileNotFoundError as e:
    print('FileNotFoundError:', e)
try:
    open('gsfs_out.txt', 'x')
except FileExistsError as e:
    print('FileExistsError:', e)
f = open('gsfs_out.txt')
print(f.readline(), f.readlines())
f.close()
try:
    f.read()
except ValueError as e:
    print(e)
def writer(i):
    with open('gsfs_t%d.txt' % i, 'w') as f:
        for j in range(400):
            f.write('line %d %s\n' % (j, 'x' * 40))
ts = [threading.Thread(target=writer, args=(i,)) for i in range(3)]
for t in ts: t.start()
for t in ts: t.join()
print([len(open('gsfs_t%d.txt' % i).readlines()) for i in range(3)])
print(open('gsfs_out.txt', 'rb'))
print(open('gsfs_out.txt', 'a'))
print(os.path.getsize('gsfs_out.txt'), sorted(n for n in os.listdir('.') if n.startswith('gsfs_')))
os.remove('gsfs_out.txt')
print(os.path.exists('gsfs_out.txt'))
for name in ['gsfs_data.bin', 'gsfs_t0.txt', 'gsfs_t1.txt', 'gsfs_t2.txt']:
    os.remove(name)
try:
    os.remove('gsfs_out.txt')
except FileNotFoundError as e:
    print('FileNotFoundError:', e)
print(sorted(n for n in os.listdir('.') if n.startswith('gsfs_')))
with open('gsfs_seek.txt', 'w+') as f:
    f.write('abcdef')
    f.seek(2)
    print(f.read(2), f.tell())
    f.seek(0, 2)
    print(f.tell(), f.readable(), f.writable())
os.remove('gsfs_seek.txt')
