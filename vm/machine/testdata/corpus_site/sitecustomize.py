# CPython imports this module at start-up when its directory is on PYTHONPATH. The
# corpus's expectations are taken with stdout line-buffered, as in a terminal, so
# that a forked child's output appears when printed; and with print writing its
# line in one call, as gilscope's does: CPython's writes each argument, separator
# and end apart, and another thread's output can land between them ("Worker: 1Worker:
# 2\n\n"), which no comparison of lines could tell from a wrong answer.
import builtins
import sys

sys.stdout.reconfigure(line_buffering=True)

_print = builtins.print


def _whole_print(*args, sep=' ', end='\n', file=None, flush=False):
    if sep is None:
        sep = ' '
    if end is None:
        end = '\n'
    _print(sep.join(str(a) for a in args) + end, end='', file=file, flush=flush)


builtins.print = _whole_print
