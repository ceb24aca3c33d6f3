# printf-style % formatting: %d %i %s %r %f %e %g %x %X %o %%, width/precision/flags, tuple vs single argument.
print("%d" % 42)
print("%d %s %r" % (1, "two", "three"))
print("%5.2f|%-4d|%x|%%" % (3.14159, 7, 255))
print("%s" % [1, 2, 3])
print("%s" % (("a", "b"),))
print("%s and %s" % ("x", "y"))
print("%r" % "quote'd")
print("%5d|%-5d|%05d|%+d|%+d|% d" % (42, 42, 42, 42, -42, 42))
print("%.3f|%10.4f|%-10.1f|%e|%.2e|%g|%g" % (2.0 / 3, 1.5, 2.25, 12345.678, 0.000123, 1e-10, 100.0))
print("%x|%X|%o|%#x|%#o|%08x" % (3054, 3054, 8, 255, 8, 48879))
print("%s|%10s|%-10s|%.2s" % ("abc", "abc", "abc", "abc"))
print("%i items cost %.2f" % (3, 9.5))
print("%d%%" % 50)
print("%s" % None, "%s" % True, "%d" % True, "%d" % 3.99, "%s" % 2.5, "%r" % 2.5)
print("%s %s" % (1, [2, 3]))
print("%-6s|%6s|" % ("ab", "cd"))
print("%3d|%-3d|%03d" % (-5, -5, -5))
print("%.0f %.0f %.0f %.1f" % (0.5, 1.5, 2.5, 0.25))
print("%s" % "single")
print("%d" % 2 ** 80)
print("%x" % 2 ** 70)
rows = [("widget", 4, 3.5), ("gadget", 12, 10.0), ("doohickey", 1, 99.99)]
print("%-10s %5s %8s" % ("name", "qty", "price"))
for r in rows:
    print("%-10s %5d %8.2f" % r)
total = 0
for name, qty, price in rows:
    total += qty * price
print("total: %.2f" % total)
fmt = "%s=%r"
for k, v in [("a", 1), ("b", "two"), ("c", [3])]:
    print(fmt % (k, v))
print("%s" % (1,))
print("%5.1f%%" % 99.44)
