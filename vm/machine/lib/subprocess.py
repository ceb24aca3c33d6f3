"""subprocess, as gilscope provides it: a simulation runs no external programs, so
run, Popen, call, check_call, check_output, getoutput and getstatusoutput refuse, saying
so (a program that waits for a child process can wait with time.sleep for as long,
which releases the GIL as the wait does). The constants, exceptions and
CompletedProcess are CPython's, so that code naming them still imports."""

__all__ = ["Popen", "PIPE", "STDOUT", "call", "check_call", "getstatusoutput",
           "getoutput", "check_output", "run", "CalledProcessError", "DEVNULL",
           "SubprocessError", "TimeoutExpired", "CompletedProcess"]

PIPE = -1
STDOUT = -2
DEVNULL = -3


class SubprocessError(Exception):
    pass


class CalledProcessError(SubprocessError):
    def __init__(self, returncode, cmd, output=None, stderr=None):
        self.returncode = returncode
        self.cmd = cmd
        self.output = output
        self.stderr = stderr

    def __str__(self):
        return "Command '%s' returned non-zero exit status %d." % (self.cmd, self.returncode)

    stdout = property(lambda self: self.output)


class TimeoutExpired(SubprocessError):
    def __init__(self, cmd, timeout, output=None, stderr=None):
        self.cmd = cmd
        self.timeout = timeout
        self.output = output
        self.stderr = stderr

    def __str__(self):
        return ("Command '%s' timed out after %s seconds" % (self.cmd, self.timeout))

    stdout = property(lambda self: self.output)


class CompletedProcess(object):
    def __init__(self, args, returncode, stdout=None, stderr=None):
        self.args = args
        self.returncode = returncode
        self.stdout = stdout
        self.stderr = stderr

    def __repr__(self):
        args = ['args={!r}'.format(self.args), 'returncode={!r}'.format(self.returncode)]
        if self.stdout is not None:
            args.append('stdout={!r}'.format(self.stdout))
        if self.stderr is not None:
            args.append('stderr={!r}'.format(self.stderr))
        return "{}({})".format(type(self).__name__, ', '.join(args))

    def check_returncode(self):
        if self.returncode:
            raise CalledProcessError(self.returncode, self.args, self.stdout, self.stderr)


def _refuse(name):
    raise NotImplementedError(
        "gilscope does not support subprocess.%s yet: a simulation runs no external "
        "programs (replace the call with time.sleep for as long as the program would "
        "wait)" % name)


def run(*popenargs, **kwargs):
    _refuse("run")


def call(*popenargs, **kwargs):
    _refuse("call")


def check_call(*popenargs, **kwargs):
    _refuse("check_call")


def check_output(*popenargs, **kwargs):
    _refuse("check_output")


def getoutput(cmd, *, encoding=None, errors=None):
    _refuse("getoutput")


def getstatusoutput(cmd, *, encoding=None, errors=None):
    _refuse("getstatusoutput")


class Popen:
    def __init__(self, args, *pargs, **kwargs):
        _refuse("Popen")
