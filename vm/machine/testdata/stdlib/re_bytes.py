# re with bytes patterns: compile, match, search, fullmatch, findall, finditer, split,
# sub and subn on bytes, bytearray and memoryview; groups are bytes; \w, \d, \s and
# IGNORECASE by ASCII rules; the errors of mixing str and bytes.
import re

p = re.compile(rb"(?P<user>\w+)@(?P<host>[\w.]+)")
print(p, p.flags, p.groups, dict(p.groupindex))
m = p.search(b"mail joe@example.com now")
print(m, m.group(), m.group(1), m["host"], m.groups(), m.groupdict(), m.span("host"))
print(m.start(), m.end(), m.string, m.re is p, m.lastgroup, m.lastindex)
print(m.expand(rb"\g<host>/\1"), m.expand(b"<\\2>"))
print(p.match(b"joe@x"), p.match(b" joe@x"), p.fullmatch(b"a@b"), p.fullmatch(b"a@b!"))

print(re.findall(rb"\d+", b"a1b22c333"), re.findall(rb"(\w)(\d)", b"a1 b2"))
print([m.group() for m in re.finditer(rb"[aeiou]", b"education")])
print(re.split(rb"[,;]\s*", b"a, b;c,  d"), re.split(rb"(,)", b"x,y", maxsplit=1))
print(re.sub(rb"(\w+)=(\w+)", rb"\2=\1", b"a=1 b=2"), re.subn(rb"o", b"0", b"foo boo"))
print(re.sub(rb"\d", lambda m: str(int(m.group()) * 2).encode(), b"1 2 3"))
print(re.sub(rb"x*", b"-", b"abc"), re.sub(rb"a", rb"\n", b"banana"))

# bytearray and memoryview subjects: the groups are bytes.
for subject in (bytearray(b"key: value"), memoryview(b"key: value")):
    m = re.match(rb"(\w+):\s*(\w+)", subject)
    print(type(m.string).__name__, m.groups(), type(m.group(1)).__name__)
print(re.sub(rb"e", b"E", bytearray(b"eve")), re.findall(rb"v", bytearray(b"eve")))

# ASCII rules: \w and \d do not take bytes above 127; IGNORECASE folds ASCII only.
print(re.findall(rb"\w+", "café olé".encode()), re.findall(rb"\s+", b"a \t\x85b"))
print(re.match(rb"(?i)abc", b"ABC"), re.match(rb"(?i)\xe9", b"\xc9"), re.match(rb"[\x80-\xff]+", b"\xe9\xff!"))
print(re.match(rb"\bword\b", b"word!"), re.search(rb"^b", b"a\nb", re.M))
print(re.compile(rb"x", re.I | re.M), re.compile(rb"(?i)x").flags, re.compile(rb"x", re.A).flags)
print(re.escape(b"1.5*2+[x]\xff"), re.escape("a.b"))
print(repr(re.compile(rb"\xe9\n\t")), re.compile(rb"a") == re.compile(rb"a"), re.compile(b"a") == re.compile("a"))

# Errors.
for pattern, flags in ((rb"\u00e9", 0), (rb"\N{EM DASH}", 0), (rb"(?u)x", 0), (rb"x", re.U),
                       (rb"(", 0), (rb"a{2,1}", 0), (rb"[b-a]", 0)):
    try:
        re.compile(pattern, flags)
    except (re.error, ValueError) as e:
        print(type(e).__name__, e)
for call in (lambda: re.match(rb"x", "x"), lambda: re.match("x", b"x"),
             lambda: re.search("x", bytearray(b"x")), lambda: re.sub(rb"x", "y", b"x"),
             lambda: re.sub(rb"x", lambda m: "y", b"x"), lambda: re.findall(rb"x", 5),
             lambda: re.split(rb"x", ["x"])):
    try:
        call()
    except TypeError as e:
        print("TypeError", e)
