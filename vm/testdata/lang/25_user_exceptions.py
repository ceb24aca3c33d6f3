# User-defined exceptions: subclassing Exception, custom __init__/__str__, hierarchy matching, raise from, re-raise.
class AppError(Exception):
    pass

class ValidationError(AppError):
    def __init__(self, field, problem):
        super().__init__(field + ": " + problem)
        self.field = field
        self.problem = problem

class NotFound(AppError):
    def __init__(self, key):
        super().__init__(key)
        self.key = key

    def __str__(self):
        return "not found: " + repr(self.key)

class Plain(Exception):
    pass

try:
    raise AppError("generic failure")
except AppError as e:
    print(type(e).__name__, e, repr(e))
try:
    raise ValidationError("age", "must be positive")
except AppError as e:
    print(type(e).__name__, e, "|", e.field, "|", e.problem, "|", isinstance(e, ValidationError))
try:
    raise NotFound("user42")
except NotFound as e:
    print(type(e).__name__, e, e.key)
try:
    raise Plain
except Plain as e:
    print(type(e).__name__, repr(e), "[" + str(e) + "]")
try:
    raise Plain("with", "two args")
except Exception as e:
    print(e, repr(e))

def validate(user):
    if "name" not in user:
        raise ValidationError("name", "missing")
    if not isinstance(user.get("age"), int):
        raise ValidationError("age", "not an int")
    if user["age"] < 0:
        raise ValidationError("age", "negative")
    return "valid " + user["name"]

for u in [{"name": "a", "age": 3}, {"age": 1}, {"name": "b", "age": "x"}, {"name": "c", "age": -1}]:
    try:
        print(validate(u))
    except ValidationError as e:
        print("invalid:", e)

def lookup(db, key):
    try:
        return db[key]
    except KeyError as e:
        raise NotFound(key) from e

db = {"x": 1}
print(lookup(db, "x"))
try:
    lookup(db, "y")
except NotFound as e:
    print("caught", e, "| key:", e.key, "|", repr(e))
try:
    try:
        int("bad")
    except ValueError as e:
        raise AppError("wrapped") from e
except AppError as e:
    print(type(e).__name__, e, repr(e))
try:
    raise NotFound(3) from None
except AppError as e:
    print(e, repr(e), e.key)

def reraiser():
    try:
        raise ValidationError("f", "p")
    except AppError:
        print("logging and re-raising")
        raise

try:
    reraiser()
except ValidationError as e:
    print("re-raised:", e)

def layered(n):
    if n == 0:
        raise NotFound("bottom")
    return layered(n - 1)

try:
    layered(5)
except AppError as e:
    print("from deep recursion:", e)
errors = []
for cls in [AppError, ValidationError, NotFound, Plain]:
    try:
        if cls is ValidationError:
            raise cls("fld", "bad")
        raise cls("k")
    except NotFound:
        errors.append("NF")
    except AppError as e:
        errors.append("App:" + type(e).__name__)
    except Exception as e:
        errors.append("Exc:" + type(e).__name__)
print(errors)

class Retry(Exception):
    def __init__(self, attempts):
        self.attempts = attempts
        super().__init__("gave up after %d attempts" % attempts)

def flaky(limit):
    tries = 0
    while True:
        tries += 1
        try:
            if tries < 4:
                raise RuntimeError("flaky %d" % tries)
            return "succeeded on try %d" % tries
        except RuntimeError as e:
            print("  ", e)
            if tries >= limit:
                raise Retry(tries)

print(flaky(10))
try:
    flaky(2)
except Retry as r:
    print(r, r.attempts, repr(r))
print(isinstance(ValidationError("x", "y"), AppError), isinstance(AppError(), Exception), isinstance(Plain(), AppError))
e1 = ValidationError("a", "b")
print(isinstance(e1, Exception), isinstance(e1, (NotFound, ValidationError)), str(e1))
