# os.path, as gilscope provides it: CPython's posixpath string functions, and
# exists, isfile, isdir and getsize over the run's file system (_gilscope_fs), whose
# files are those the program wrote; the working directory and its parents exist.
import _gilscope_fs

sep = '/'


def join(a, *p):
    path = a
    for b in p:
        if b.startswith(sep):
            path = b
        elif not path or path.endswith(sep):
            path += b
        else:
            path += sep + b
    return path


def split(p):
    i = p.rfind(sep) + 1
    head, tail = p[:i], p[i:]
    if head and head != sep * len(head):
        head = head.rstrip(sep)
    return head, tail


def basename(p):
    i = p.rfind(sep) + 1
    return p[i:]


def dirname(p):
    i = p.rfind(sep) + 1
    head = p[:i]
    if head and head != sep * len(head):
        head = head.rstrip(sep)
    return head


def splitext(p):
    sep_index = p.rfind(sep)
    dot_index = p.rfind('.')
    if dot_index > sep_index:
        filename_index = sep_index + 1
        while filename_index < dot_index:
            if p[filename_index] != '.':
                return p[:dot_index], p[dot_index:]
            filename_index += 1
    return p, p[:0]


def isabs(s):
    return s.startswith(sep)


def normpath(path):
    if path == '':
        return '.'
    initial_slashes = 0
    if path.startswith(sep):
        initial_slashes = 1
        if path.startswith(sep * 2) and not path.startswith(sep * 3):
            initial_slashes = 2
    comps = path.split(sep)
    new_comps = []
    for comp in comps:
        if comp in ('', '.'):
            continue
        if comp != '..' or (not initial_slashes and not new_comps) or (new_comps and new_comps[-1] == '..'):
            new_comps.append(comp)
        elif new_comps:
            new_comps.pop()
    path = sep.join(new_comps)
    if initial_slashes:
        path = sep * initial_slashes + path
    return path or '.'


def abspath(path):
    if not isabs(path):
        path = join('/home/gilscope', path)
    return normpath(path)


def exists(path):
    return _gilscope_fs.exists(path) or _gilscope_fs.isdir(path)


def isfile(path):
    return _gilscope_fs.exists(path)


def isdir(path):
    return _gilscope_fs.isdir(path)


def getsize(path):
    if _gilscope_fs.isdir(path):
        return 4096
    if not _gilscope_fs.exists(path):
        raise FileNotFoundError(2, 'No such file or directory', path)
    return _gilscope_fs.size(path)


def expanduser(path):
    if path == '~' or path.startswith('~/'):
        return '/home/gilscope' + path[1:]
    return path
