# traceback, as gilscope provides it: printing and formatting an exception the way
# an uncaught one prints (print_exc, format_exc, print_exception, format_exception,
# format_exception_only), and the current call stack (print_stack, format_stack).
# Traceback objects are views of an exception's entries (tb_lineno, tb_next, tb_frame
# with f_code and f_lineno), which these functions do not read: limit and chain are ignored,
# and StackSummary/FrameSummary/TracebackException are not provided.
import sys
import _gilscope_lib

__all__ = ['format_exc', 'format_exception', 'format_exception_only', 'format_stack',
           'format_tb', 'print_exc', 'print_exception', 'print_stack', 'print_tb']


def _current_exception():
    # The exception being handled (sys.exception(), which gilscope lacks): a bare
    # raise re-raises it. logging uses this too.
    try:
        raise
    except RuntimeError as e:
        if str(e) == "No active exception to reraise":
            return None
        return e
    except BaseException as e:
        return e


def _value(exc, value):
    # print_exception(exc) (3.10+) or print_exception(type, value, tb).
    if value is not None or isinstance(exc, type):
        return value
    return exc


def _lines(text):
    return [line + "\n" for line in text.split("\n")[:-1]]


def format_exception(exc, value=None, tb=None, limit=None, chain=True):
    value = _value(exc, value)
    if value is None:
        return ["NoneType: None\n"]
    return _lines(_gilscope_lib.format_exception(value))


def format_exception_only(exc, value=None):
    value = _value(exc, value)
    if value is None:
        return ["NoneType: None\n"]
    return [format_exception(value)[-1]]


def print_exception(exc, value=None, tb=None, limit=None, file=None, chain=True):
    if file is None:
        file = sys.stderr
    for line in format_exception(exc, value, tb, limit, chain):
        file.write(line)


def format_exc(limit=None, chain=True):
    return "".join(format_exception(_current_exception()))


def print_exc(limit=None, file=None, chain=True):
    print_exception(_current_exception(), limit=limit, file=file, chain=chain)


def format_stack(f=None, limit=None):
    out = []
    frames = [fr for fr in _gilscope_lib.frames() if fr[0] != "<gilscope traceback>"]
    frames.reverse()
    for filename, lineno, name in frames:
        entry = '  File "%s", line %d, in %s\n' % (filename, lineno, name)
        line = _gilscope_lib.source_line(filename, lineno).strip()
        if line:
            entry += '    %s\n' % line
        out.append(entry)
    return out


def print_stack(f=None, limit=None, file=None):
    if file is None:
        file = sys.stderr
    for entry in format_stack():
        file.write(entry)


def format_tb(tb, limit=None):
    if tb is None:
        return []
    entries = _gilscope_lib.format_tb(tb)
    if limit is not None:
        entries = entries[:limit] if limit >= 0 else entries[limit:]
    return entries


def print_tb(tb, limit=None, file=None):
    if file is None:
        file = sys.stderr
    for entry in format_tb(tb, limit):
        file.write(entry)
