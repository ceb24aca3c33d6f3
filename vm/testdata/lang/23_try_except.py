# try/except/else/finally: matching order, tuples, bare except, as-binding, re-raise, nesting, finally with return.
def attempt(f):
    try:
        result = f()
    except ZeroDivisionError as e:
        print("  zero:", e)
    except (KeyError, IndexError) as e:
        print("  lookup:", type(e).__name__, e)
    except Exception as e:
        print("  other:", type(e).__name__, e)
    else:
        print("  ok:", result)
    finally:
        print("  finally")

attempt(lambda: 1 / 0)
attempt(lambda: {}["missing"])
attempt(lambda: [1][3])
attempt(lambda: int("nope"))
attempt(lambda: 42)
try:
    raise ValueError("first")
except:
    print("bare except caught something")
try:
    try:
        raise TypeError("inner")
    except TypeError:
        print("handling inner, re-raising")
        raise
except TypeError as e:
    print("outer got", repr(e))
try:
    try:
        1 / 0
    finally:
        print("inner finally runs before outer except")
except ZeroDivisionError:
    print("outer caught ZeroDivisionError")

def finally_return():
    try:
        return "from try"
    finally:
        print("finally before return")

print(finally_return())

def finally_side_effect(items):
    try:
        items.append("try")
        return len(items)
    finally:
        items.append("finally")

trace = []
print(finally_side_effect(trace), trace)

def loop_with_finally():
    out = []
    for i in range(4):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            out.append(i)
        finally:
            out.append("f" + str(i))
    return out

print(loop_with_finally())
try:
    x = 1
except Exception:
    print("no")
else:
    print("else runs when no exception, x =", x)
finally:
    print("finally always")
caught = []
for exc in [ValueError("v"), TypeError("t"), KeyError("k"), RuntimeError("r"), AssertionError("a")]:
    try:
        raise exc
    except (ValueError, TypeError):
        caught.append("VT")
    except (KeyError, IndexError):
        caught.append("L")
    except Exception as e:
        caught.append(type(e).__name__)
print(caught)
try:
    raise KeyError("lookup")
except Exception as e:
    print("KeyError is an Exception:", repr(e), isinstance(e, KeyError), isinstance(e, IndexError))
try:
    [].pop()
except IndexError as e:
    print(type(e).__name__, e, repr(e))
e = "before"
try:
    raise ValueError("bound")
except ValueError as e:
    print("in handler:", e)
err = None
try:
    raise RuntimeError("keep me")
except RuntimeError as ex:
    err = ex
print(type(err).__name__, err, repr(err), str(err))

def nested_handlers(n):
    try:
        try:
            if n == 0:
                raise ValueError("zero")
            if n == 1:
                raise KeyError(n)
            return "fine"
        except ValueError:
            return "inner handled"
    except KeyError as k:
        return "outer handled " + repr(k)
    finally:
        print("  nested finally", n)

for n in range(3):
    print(nested_handlers(n))
try:
    raise KeyboardInterrupt
except Exception:
    print("not here: KeyboardInterrupt is not an Exception")
except KeyboardInterrupt as k:
    print("KeyboardInterrupt caught", repr(k))
try:
    raise StopIteration
except StopIteration as s:
    print("StopIteration", repr(s), str(s) == "")
count = 0
while True:
    try:
        count += 1
        if count < 3:
            raise ValueError(count)
        break
    except ValueError as v:
        print("retry after", v)
print("count", count)
try:
    print("handler raising new exception")
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("converted")
except ValueError as v:
    print("got", v)
