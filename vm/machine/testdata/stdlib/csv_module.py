# csv (CPython 3.12's csv.py on gilscope's _csv): writing, reading, dialects, quoting, errors,
# DictReader/DictWriter, the Sniffer, and rows written from threads under a lock.
import csv, io, threading
rows = [["id", "name", "note"], [1, "a,b", 'say "hi"'], [2, "line\nbreak", ""], [3, None, 2.5], [""]]
f = io.StringIO()
w = csv.writer(f)
w.writerows(rows)
print(repr(f.getvalue()))
print(list(csv.reader(io.StringIO(f.getvalue()))))
f2 = io.StringIO()
w = csv.writer(f2, delimiter=";", quoting=csv.QUOTE_ALL)
w.writerow([1, "x", None])
w2 = csv.writer(f2, quoting=csv.QUOTE_NONNUMERIC)
w2.writerow([1, "x", 2.0, True])
print(repr(f2.getvalue()))
print(list(csv.reader(['1,"2",3'], quoting=csv.QUOTE_NONNUMERIC)))
dw = csv.DictWriter(f := io.StringIO(), fieldnames=["a", "b"])
dw.writeheader(); dw.writerow({"a": 1, "b": 2})
print(repr(f.getvalue()))
print(list(csv.DictReader(io.StringIO(f.getvalue()))))
print(list(csv.reader(["a, b,  c"], skipinitialspace=True)))
print(list(csv.reader(['a\\,b,c'], escapechar="\\")))
csv.register_dialect("pipes", delimiter="|")
print(csv.list_dialects()[-1], list(csv.reader(["x|y"], dialect="pipes")))
print(csv.Sniffer().sniff("a;b;c\n1;2;3\n").delimiter)
try:
    list(csv.reader(['a,"b"c'], strict=True))
except csv.Error as e:
    print("Error:", e)
try:
    csv.writer(io.StringIO(), quoting=csv.QUOTE_NONE).writerow(["a,b"])
except csv.Error as e:
    print("Error:", e)
try:
    csv.reader([], delimiter="ab")
except TypeError as e:
    print("TypeError:", e)
# threads writing rows to one file under a lock
out = io.StringIO(); lock = threading.Lock(); w = csv.writer(out)
def work(i):
    with lock:
        w.writerow([i, i * i])
ts = [threading.Thread(target=work, args=(i,)) for i in range(4)]
[t.start() for t in ts]; [t.join() for t in ts]
print(sorted(out.getvalue().splitlines()))
for kw in [dict(delimiter=1), dict(delimiter=''), dict(quotechar='ab'), dict(quotechar=1), dict(escapechar='ab'), dict(escapechar=2), dict(quoting=9), dict(quoting='x'), dict(lineterminator=1), dict(delimiter=None), dict(quotechar=None), dict(quotechar=None, quoting=csv.QUOTE_ALL)]:
    try:
        r = csv.reader([], **kw)
        print(sorted(kw), "ok", r.dialect.quoting)
    except Exception as e:
        print(sorted(kw), type(e).__name__, e)
print(list(csv.reader(['a,"b,c"\r\n', 'x,y'])), list(csv.reader(['"multi', 'line",z'])))
print(list(csv.reader(["a,b", "", "c"])))
