# errno's numbers and names, gc's switches, platform's answers about the machine.
import errno
import gc
import platform
import sys

print(errno.ENOENT, errno.EAGAIN, errno.EWOULDBLOCK, errno.EINTR, errno.EPIPE, errno.ECONNREFUSED)
print(errno.errorcode[errno.EAGAIN], errno.errorcode[2], len(errno.errorcode))
print(isinstance(gc.collect(), int), gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled(), gc.get_threshold())
gc.set_threshold(1000, 20)
print(gc.get_threshold(), gc.garbage, gc.DEBUG_LEAK)
print(platform.python_version() == '%d.%d.%d' % sys.version_info[:3])
print(platform.python_version_tuple()[:2] == tuple(map(str, sys.version_info[:2])))
print(platform.system(), platform.python_implementation())
print(isinstance(platform.machine(), str), isinstance(platform.platform(), str))
u = platform.uname()
print(u.system, u.system == u[0], u.node == platform.node())
