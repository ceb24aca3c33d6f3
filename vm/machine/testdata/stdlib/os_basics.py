# os: the process's identity, the environment and os.path's string functions; sys's
# argv and platform. Values that differ between machines are compared, not printed.
import multiprocessing
import os
import os.path
import sys
from os.path import join, splitext


def child(q):
    q.put((os.getpid(), os.getppid()))


if __name__ == "__main__":
    pid, ppid = os.getpid(), os.getppid()
    print(isinstance(pid, int), pid > 0, pid != ppid, pid == os.getpid())
    n = os.cpu_count()
    print(isinstance(n, int), n >= 1, n == multiprocessing.cpu_count())
    q = multiprocessing.Queue()
    p = multiprocessing.Process(target=child, args=(q,))
    p.start()
    cpid, cppid = q.get()
    p.join()
    print(cpid == p.pid, cppid == pid, cpid != pid)
    print(os.sep, repr(os.linesep), os.name, os.curdir, os.pardir, os.pathsep)
    print(os.getenv("GILSCOPE_SURELY_UNSET"), os.getenv("GILSCOPE_SURELY_UNSET", "default"))
    print(os.environ.get("GILSCOPE_SURELY_UNSET", "-"), "GILSCOPE_SURELY_UNSET" in os.environ)
    print(isinstance(os.environ.get("PATH"), str))
    print(join("a", "b", "c.txt"), join("/a/", "b"), join("a", "/abs", "x"), join("a", ""))
    print(os.path.basename("/srv/data/file.csv"), os.path.dirname("/srv/data/file.csv"))
    print(os.path.basename("dir/"), repr(os.path.dirname("file")), os.path.dirname("/"))
    print(os.path.split("/srv/data/file.csv"), os.path.split("file"), os.path.split("//x"))
    print(splitext("archive.tar.gz"), splitext(".bashrc"), splitext("a.b/c"), splitext("x."))
    print(os.path.normpath("/a/./b/../c//d/"), os.path.normpath("../x/.."), os.path.normpath(""))
    print(os.path.isabs("/a"), os.path.isabs("a"))
    print(os.path.exists("/surely/not/here.txt"), os.path.isfile("/surely/not"), os.path.isdir("/surely/not"))
    print(os.path.basename(sys.argv[0]), len(sys.argv), sys.platform)
