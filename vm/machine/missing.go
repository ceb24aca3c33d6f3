// This file defines how importing a standard-library module gilscope lacks fails: with
// "gilscope does not support the module 'asyncio' yet", so that the missing piece reads
// as gilscope's limit, not as a mistake in the program. Other names keep CPython's
// "No module named 'x'".

package machine

import (
	"fmt"
	"strings"
)

// stdlibModules are CPython 3.12's public standard-library modules
// (sys.stdlib_module_names without the private ones), and the submodules of the
// packages gilscope provides that programs import.
var stdlibModules = strings.Fields(`
abc aifc antigravity argparse array ast asyncio atexit audioop base64 bdb binascii
bisect builtins bz2 cProfile calendar cgi cgitb chunk cmath cmd code codecs codeop
collections colorsys compileall concurrent configparser contextlib contextvars copy
copyreg crypt csv ctypes curses dataclasses datetime dbm decimal difflib dis doctest
email encodings ensurepip enum errno faulthandler fcntl filecmp fileinput fnmatch
fractions ftplib functools gc genericpath getopt getpass gettext glob graphlib grp gzip
hashlib heapq hmac html http idlelib imaplib imghdr importlib inspect io ipaddress
itertools json keyword lib2to3 linecache locale logging lzma mailbox mailcap marshal
math mimetypes mmap modulefinder msilib msvcrt multiprocessing netrc nis nntplib nt
ntpath nturl2path numbers opcode operator optparse os ossaudiodev pathlib pdb pickle
pickletools pipes pkgutil platform plistlib poplib posix posixpath pprint profile pstats
pty pwd py_compile pyclbr pydoc pydoc_data pyexpat queue quopri random re readline
reprlib resource rlcompleter runpy sched secrets select selectors shelve shlex shutil
signal site smtplib sndhdr socket socketserver spwd sqlite3 sre_compile sre_constants
sre_parse ssl stat statistics string stringprep struct subprocess sunau symtable sys
sysconfig syslog tabnanny tarfile telnetlib tempfile termios textwrap this threading
time timeit tkinter token tokenize tomllib trace traceback tracemalloc tty turtle
turtledemo types typing unicodedata unittest urllib uu uuid venv warnings wave weakref
webbrowser winreg winsound wsgiref xdrlib xml xmlrpc zipapp zipfile zipimport zlib
zoneinfo
collections.abc logging.config logging.handlers
multiprocessing.managers multiprocessing.pool
multiprocessing.sharedctypes multiprocessing.shared_memory multiprocessing.connection
multiprocessing.dummy multiprocessing.queues multiprocessing.context
multiprocessing.process concurrent.futures.thread concurrent.futures.process
urllib.error urllib.response urllib.robotparser`)

// networkModules are third-party modules programs use to reach the network, which a
// simulation has not: importing one says so, as a missing standard module does.
var networkModules = strings.Fields(`requests aiohttp httpx urllib3 urllib.request`)

// interpModules are the modules the interpreter itself provides (vm/py's import):
// a source module of the same name would hide them.
var interpModules = map[string]bool{"math": true, "sys": true, "random": true, "types": true, "__future__": true, "builtins": true}

// missingMessages gives the message of each standard-library module and each network
// module a missing module stands for: importing it raises ModuleNotFoundError with it.
func missingMessages() map[string]string {
	msgs := map[string]string{}
	for _, name := range stdlibModules {
		msgs[name] = fmt.Sprintf("gilscope does not support the module '%s' yet", name)
	}
	for _, name := range networkModules {
		msgs[name] = fmt.Sprintf("gilscope does not support the module '%s' yet: a simulation has no network (replace its calls with time.sleep)", name)
	}
	return msgs
}

// next is the index of the dot after the one at i in a dotted name, or -1.
func next(name string, i int) int {
	j := strings.IndexByte(name[i+1:], '.')
	if j < 0 {
		return -1
	}
	return i + 1 + j
}
