# str methods: split/join/strip/case/replace/startswith/endswith/find/index/count/format/is*/zfill/center/ljust/rjust/splitlines/partition.
s = "  Hello, World!  "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()), repr("xxhixx".strip("x")), repr("abcba".strip("ab")))
print(repr("..a..".lstrip(".")), repr("..a..".rstrip(".")), repr("\t\n x \r\n".strip()))
print("a b  c".split(), "a,b,,c".split(","), "a b c".split(" ", 1), "a,b,c,d".split(",", 2), "".split(), "".split(","))
print("  lead and trail  ".split(), "one".split(","), "a::b::c".split("::"), "x y z".split(maxsplit=1))
print("-".join(["a", "b", "c"]), "".join(["x", "y"]), ", ".join([]), " ".join("abc"), "+".join(("1", "2")))
print("MiXeD".upper(), "MiXeD".lower(), "hello world".title(), "hello WORLD".capitalize(), "ÉCOLE".lower())
print("aaa".replace("a", "b"), "aaa".replace("a", "b", 2), "hello".replace("l", ""), "abc".replace("", "-"), "x".replace("y", "z"))
print("hello".startswith("he"), "hello".startswith("lo"), "hello".endswith("lo"), "hello".startswith(("x", "h")), "hello".endswith(("a", "b")))
print("hello".find("l"), "hello".find("z"), "hello".find("l", 3), "hello".find(""), "hello".index("o"), "hello".index("l", 3))
print("banana".count("a"), "banana".count("an"), "banana".count("x"), "aaaa".count("aa"), "abc".count(""))
print("{} + {} = {}".format(1, 2, 3), "{0}{0}".format("ab"), "{x}-{y}".format(x=1, y=2))
print("123".isdigit(), "12a".isdigit(), "".isdigit(), "abc".isalpha(), "ab1".isalpha(), "".isalpha(), "abc".isalnum(), "a b".isalnum())
print("   ".isspace(), "".isspace(), "abc".islower(), "aBc".islower(), "ABC".isupper(), "A1".isupper())
print("42".zfill(5), "-42".zfill(5), "12345".zfill(3), "abc".center(9), "abc".center(8, "*"), "[" + "ab".center(5) + "]")
print("abc".ljust(6) + "|", "abc".rjust(6) + "|", "abc".ljust(6, ".") + "|", "abc".rjust(2) + "|", "7".rjust(3, "0"))
print("line1\nline2\r\nline3".splitlines(), "one\n\ntwo\n".splitlines(), "".splitlines(), "no newline".splitlines())
print("key=value=x".partition("="), "novalue".partition("="), "a.b.c".partition("."), "path/to/file.txt".partition("/"))
print("hello"[::-1], "abc" * 2, "a" in "abc", "hello world".split("o"))
text = "The quick brown fox jumps over the lazy dog"
words = text.split()
print(len(words), words[2], max(words, key=len), sorted(words, key=lambda w: w.lower())[:3])
print(text.lower().count("the"), text.find("fox"), text[text.find("fox"):text.find("fox") + 3])
print(" ".join(w.capitalize() for w in words), text.upper().split()[-1])
print("_".join(text.lower().split()[:4]), text.replace(" ", "")[:15])
csv = "name,age,city\nann,31,paris\nbob,25,rome"
rows = [line.split(",") for line in csv.splitlines()]
print(rows)
header, *body = rows
for r in body:
    print(dict(zip(header, r)))
print("%s has %d chars" % ("word", len("word")), "tab\tsep".split("\t"), "a\tb".split())
print("CamelCaseString".lower(), "snake_case_here".split("_"), "-".join("snake_case_here".split("_")).upper())
s2 = "  multiple   spaces   here  "
print(" ".join(s2.split()), repr(s2.strip()), s2.count(" "))
print("abc".encode(), "x=1;y=2".split(";"), [kv.split("=") for kv in "x=1;y=2".split(";")])
print("Mississippi".lower().replace("ss", "SS"), "mississippi".index("ss", 3), "mississippi".find("ss", 6))
print(str(123).zfill(6), str(-5).rjust(4), "%-5s|" % "ab", "ab".ljust(5) + "|")
print("hello world".title(), "HELLO".capitalize(), "hELLO wORLD".capitalize(), "x".upper().lower())
print("a-b-c".split("-", 0), "a-b-c".split("-", -1), "  a  ".split(" "))
