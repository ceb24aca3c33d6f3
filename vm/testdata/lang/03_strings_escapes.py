# String literals: escapes, raw strings, quotes, repr(), concatenation, multiplication, indexing.
s = "tab\there"
print(s)
print("line1\nline2")
print("\x41\x42\x43", "\u00e9", "caf\u00e9", "\u00e9" == "é", "\x41" == "A")
print("back\\slash", 'single \'quoted\'', "double \"quoted\"")
print(r"raw \n stays", r"C:\path\to", len(r"\n"), len("\n"))
print(repr("tab\there"), repr("new\nline"), repr("quote'"), repr('dq"'), repr("both'\""))
print(repr("\x00\x01\x7f"), repr("\u00e9"), repr("\\"), repr(""))
print('abc' 'def', "x" * 3, 3 * "ab", "" * 5, "ab" + "cd")
t = """triple
quoted
string"""
print(t)
print(len(t), t.count("\n"))
u = '''it's "fine"'''
print(u, repr(u))
w = "hello world"
print(w[0], w[-1], w[4], w[-5], w[0:5], w[6:], w[:5], w[::2], w[::-1], w[-3:])
print(w[1:8:3], w[8:1:-2], w[100:], w[:100], w[5:5] == "")
print(len(w), len(""), "o" in w, "xyz" in w, "" in w, "wor" not in w)
print("a" < "b", "abc" < "abd", "Z" < "a", "abc" < "ab", "apple" == "apple")
print(ord("A"), ord("\n"), ord("\u00e9"), chr(97), chr(233), chr(0x41))
print(str(123), str(-4.5), str(True), str(None), str([1, "a"]), str("x"))
print(repr(123), repr("x"), repr([1, "a", 'b"']), repr(("t",)))
for ch in "héllo":
    print(ch, ord(ch), end="; ")
print()
print("%s|%s" % ("a\tb", repr("a\tb")))
multi = ("one "
         "two "
         "three")
print(multi)
print("\\n is newline", "\r" == "\x0d", repr("a\rb"), repr("\x1b[0m"))
print(r"end\\", r'raw "q"', repr(r"\d+\s*"))
