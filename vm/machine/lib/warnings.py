# warnings, as gilscope provides it: warn() with CPython's default filters and its
# message format (FILE:LINE: Category: message, then the source line), filters and
# catch_warnings. The Warning classes are builtins.
import sys
import _gilscope_lib


_ACTIONS = ("error", "ignore", "always", "default", "module", "once")

# (action, message prefix (lower case), category, module, lineno), first match wins:
# CPython's default filters outside debug builds.
filters = [
    ("default", "", DeprecationWarning, "__main__", 0),
    ("ignore", "", DeprecationWarning, "", 0),
    ("ignore", "", PendingDeprecationWarning, "", 0),
    ("ignore", "", ImportWarning, "", 0),
    ("ignore", "", ResourceWarning, "", 0),
]
_onceregistry = {}
_registry = {}
_showwarning = [None]


def _check_action(action):
    if action not in _ACTIONS:
        raise AssertionError("invalid action: %r" % (action,))


def filterwarnings(action, message="", category=Warning, module="", lineno=0, append=False):
    _check_action(action)
    _add_filter((action, message.lower(), category, module, lineno), append)


def simplefilter(action, category=Warning, lineno=0, append=False):
    _check_action(action)
    _add_filter((action, "", category, "", lineno), append)


def _add_filter(item, append):
    # Compared field by field: comparing tuples that hold classes fails in gilscope.
    for i in range(len(filters)):
        f = filters[i]
        if f[0] == item[0] and f[1] == item[1] and f[2] is item[2] and f[3] == item[3] and f[4] == item[4]:
            del filters[i]
            break
    if append:
        filters.append(item)
    else:
        filters.insert(0, item)
    _registry.clear()


def resetwarnings():
    filters[:] = []
    _registry.clear()


def _action_for(text, category, module, lineno):
    for action, msg, cat, mod, ln in filters:
        if msg and not text.lower().startswith(msg):
            continue
        if not issubclass(category, cat):
            continue
        if mod and mod != module:
            continue
        if ln and ln != lineno:
            continue
        return action
    return "default"


def formatwarning(message, category, filename, lineno, line=None):
    s = "%s:%s: %s: %s\n" % (filename, lineno, category.__name__, message)
    if line is None:
        line = _gilscope_lib.source_line(filename, lineno)
    line = line.strip()
    if line:
        s += "  %s\n" % line
    return s


def _showwarnmsg(message, category, filename, lineno):
    if _showwarning[0] is not None:
        _showwarning[0](message, category, filename, lineno)
        return
    sys.stderr.write(formatwarning(message, category, filename, lineno))


def warn(message, category=None, stacklevel=1, source=None):
    if isinstance(message, Warning):
        category = type(message)
    if category is None:
        category = UserWarning
    if not (isinstance(category, type) and issubclass(category, Warning)):
        raise TypeError("category must be a Warning subclass, not '%s'" % type(category).__name__)
    frames = _gilscope_lib.frames()
    if stacklevel < 1:
        stacklevel = 1
    if stacklevel < len(frames):
        filename, lineno, _ = frames[stacklevel]
    else:
        filename, lineno = "sys", 1
    module = "__main__"
    if filename.startswith("<gilscope "):
        module = filename[len("<gilscope "):-1]
    warn_explicit(message, category, filename, lineno, module)


def warn_explicit(message, category, filename, lineno, module=None, registry=None):
    if module is None:
        module = "__main__"
    if isinstance(message, Warning):
        text = str(message)
        category = type(message)
    else:
        text = message
        message = category(message)
    action = _action_for(text, category, module, lineno)
    if action == "error":
        raise message
    if action == "ignore":
        return
    key = (text, id(category), lineno)
    if action == "once":
        if (text, id(category)) in _onceregistry:
            return
        _onceregistry[(text, id(category))] = True
    elif action == "module":
        if (text, id(category), 0, module) in _registry:
            return
        _registry[(text, id(category), 0, module)] = True
    elif action == "default":
        if (key, filename) in _registry:
            return
        _registry[(key, filename)] = True
    _showwarnmsg(message, category, filename, lineno)


class WarningMessage:
    def __init__(self, message, category, filename, lineno, file=None, line=None, source=None):
        self.message = message
        self.category = category
        self.filename = filename
        self.lineno = lineno
        self.file = file
        self.line = line
        self.source = source
        self._category_name = category.__name__ if category else None

    def __str__(self):
        return ("{message : %r, category : %r, filename : %r, lineno : %s, "
                "line : %r}" % (self.message, self._category_name,
                                self.filename, self.lineno, self.line))


class catch_warnings:
    def __init__(self, *, record=False, action=None, category=Warning, lineno=0, append=False):
        self._record = record
        self._action = action
        self._category = category
        self._lineno = lineno
        self._append = append
        self._entered = False

    def __enter__(self):
        if self._entered:
            raise RuntimeError("Cannot enter %r twice" % self)
        self._entered = True
        self._filters = filters[:]
        self._showwarning = _showwarning[0]
        _registry.clear()
        if self._action:
            simplefilter(self._action, self._category, self._lineno, self._append)
        if self._record:
            log = []

            def record(message, category, filename, lineno):
                log.append(WarningMessage(message, category, filename, lineno))
            _showwarning[0] = record
            return log
        return None

    def __exit__(self, *exc_info):
        if not self._entered:
            raise RuntimeError("Cannot exit %r without entering first" % self)
        filters[:] = self._filters
        _showwarning[0] = self._showwarning
        _registry.clear()
