# logging: levels, the logger hierarchy, handlers, formatters and their styles,
# %-style arguments, exceptions with their traceback, filters, extra and adapters.
import logging
import sys

# Before any configuration, warnings and above go to stderr, message only.
logging.getLogger("early").warning("no handler yet: %s", "last resort")
logging.getLogger("early").info("not shown")

logging.basicConfig(level=logging.DEBUG, stream=sys.stdout,
                    format="%(levelname)s %(name)s %(funcName)s:%(lineno)d %(message)s")
log = logging.getLogger("app.db")
log.debug("connecting to %s:%d", "localhost", 5432)
log.info("%(user)s logged in", {"user": "ada"})
log.warning("plain message with a %% sign and no args")
log.error("list %r and tuple %s", [1, 2], (3,))
log.critical("critical")
log.log(25, "custom level %d", 25)
logging.addLevelName(25, "NOTICE")
log.log(25, "named level")
print(logging.getLevelName(25), logging.getLevelName("NOTICE"), logging.getLevelName(33))


def lookup(key):
    return {"a": 1}[key]


# Tracebacks name the script's path: they go to stderr, which another test compares
# with the path normalised.
errors = logging.getLogger("app.errors")
errors.propagate = False
to_stderr = logging.StreamHandler()
to_stderr.setFormatter(logging.Formatter("%(levelname)s %(name)s %(funcName)s:%(lineno)d %(message)s"))
errors.addHandler(to_stderr)


def handler():
    try:
        lookup("b")
    except KeyError:
        errors.exception("lookup of %r failed", "b")
    try:
        raise ValueError("bad value")
    except ValueError as e:
        errors.error("caught: %s", e, exc_info=True)
        errors.warning("again", exc_info=e)


handler()
errors.error("no exception here", exc_info=True)

# The hierarchy: levels are inherited, records propagate to the ancestors' handlers.
app = logging.getLogger("app")
print(log.parent is app, app.parent is logging.getLogger(), logging.root.name)
print(log, app, logging.getLogger())
app.setLevel("WARNING")
print(log.getEffectiveLevel(), log.isEnabledFor(logging.INFO))
log.info("filtered out by app's level")
log.warning("passes app's level")
quiet = logging.getLogger("app.quiet")
quiet.propagate = False
quiet.error("no handler and no propagation: last resort on stderr")
h = logging.StreamHandler(sys.stdout)
h.setFormatter(logging.Formatter("{levelname:<8}|{name}|{message}", style="{"))
quiet.addHandler(h)
quiet.error("through its own handler")
print(h, quiet.hasHandlers(), logging.getLogger("x.y.z").hasHandlers())
h.setFormatter(logging.Formatter("$levelname/${name}: $message", style="$"))
quiet.warning("template style")
h.setLevel(logging.ERROR)
quiet.warning("below the handler's level")
print(app.getChild("quiet") is quiet, logging.getLogger("app.quiet.deep").parent is quiet)

# A logger created after its child becomes the child's parent.
child = logging.getLogger("late.child")
print(child.parent.name)
late = logging.getLogger("late")
print(child.parent is late)


class OnlyEven(logging.Filter):
    def filter(self, record):
        return record.args[0] % 2 == 0


f = logging.getLogger("filtered")
f.addFilter(OnlyEven())
for i in range(4):
    f.warning("number %d", i)
f.addFilter(lambda record: record.args[0] != 2)
for i in range(4):
    f.warning("again %d", i)
print(logging.Filter("app").filter(logging.LogRecord("app.db", 10, "x.py", 1, "m", (), None)),
      logging.Filter("app").filter(logging.LogRecord("apple", 10, "x.py", 1, "m", (), None)))

h2 = logging.StreamHandler(sys.stdout)
h2.setFormatter(logging.Formatter("%(levelname)s [%(request)s] %(message)s"))
req = logging.getLogger("req")
req.propagate = False
req.addHandler(h2)
req.warning("with extra", extra={"request": "GET /"})
try:
    req.warning("clash", extra={"name": "x"})
except KeyError as e:
    print("KeyError", e)
adapter = logging.LoggerAdapter(req, {"request": "POST /items"})
adapter.info("not enabled")
adapter.error("adapter %s", "message")
print(adapter)

rec = logging.LogRecord("n", logging.INFO, "/tmp/prog.py", 7, "a %s b", ("x",), None, "fn")
print(rec.getMessage(), rec.filename, rec.module, rec.levelname, rec.funcName, rec.lineno)
print(repr(rec))
fmt = logging.Formatter("%(name)s-%(levelno)d-%(message)s")
print(fmt.format(rec))
try:
    logging.Formatter("%(message)s", style="?")
except ValueError as e:
    print(e)
try:
    log.setLevel("LOUD")
except ValueError as e:
    print(e)
logging.disable(logging.WARNING)
log.warning("disabled")
log.error("still enabled")
logging.disable(logging.NOTSET)
log.warn("deprecated alias")
logging.basicConfig(level=logging.ERROR)
print(logging.root.level, logging.root.handlers)
logging.basicConfig(level=logging.ERROR, force=True, stream=sys.stdout)
print(logging.root.level)
logging.warning("below the root's level")
logging.error("module-level error")
