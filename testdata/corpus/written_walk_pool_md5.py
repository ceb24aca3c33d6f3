# source: none: written for gilscope in the style of davidshato/gitTest's exes/ls.py (https://github.com/davidshato/gitTest/blob/496a4e06f0df68dfe506d1eaf4026f12d8bdb6d8/exes/ls.py), which lists a tree with os.walk, numbers its files and directories, and has a multiprocessing Pool(5) print each one's md5; its tree comes from the command line, here the program makes it, and the workers hash the files' contents (the original could not be taken verbatim)
# compare: unordered
import hashlib
import os
import shutil
import sys
from multiprocessing import Pool


def md5creator(arr):
    num = arr[0]
    fullpath = arr[1]
    if os.path.isdir(fullpath):
        digest = hashlib.md5(fullpath.encode('utf-8')).hexdigest()
    else:
        with open(fullpath, 'rb') as f:
            digest = hashlib.md5(f.read()).hexdigest()
    print(str(num) + "," + fullpath + "," + digest)
    sys.stdout.flush()


def createlist(path):
    listf = []
    listd = []
    i = 0
    for root, dirs, files in os.walk(path):
        dirs.sort()
        for name in sorted(files):
            i += 1
            fullpath = os.path.join(root, name)
            listf.append([i, fullpath])

        for name in dirs:
            i += 1
            fullpath = os.path.join(root, name)
            listd.append([i, fullpath])

    return listf, listd


def maketree(path):
    for d in ('bin', 'lib/python', 'share/doc'):
        os.makedirs(os.path.join(path, d), exist_ok=True)
    for n, rel in enumerate(('bin/tool', 'lib/libx.so', 'lib/python/mod.py', 'share/doc/README', 'VERSION')):
        with open(os.path.join(path, rel), 'w') as f:
            f.write(rel * (n + 1))


if __name__ == '__main__':
    path = 'walk_pool_tree'
    maketree(path)

    if not os.path.isdir(path):
        print("USAGE <DIR>")

    filesList, dirList = createlist(path)
    p = Pool(5)
    p.map(md5creator, filesList)
    p.map(md5creator, dirList)
    p.close()
    p.join()
    shutil.rmtree(path)
