# sys.stdout and print: each argument, separator and end is a write of its own (a
# write(2) that releases the GIL where a line ends, or for every piece with
# write_through); what a single thread prints is the same either way.
import sys

n = sys.stdout.write("abc\n")
print(n, sys.stdout.write(""), sys.stdout.flush())
print("a", "b", sep="-", end="!\n")
print("no newline", end="")
print(" then", flush=True)
print("multi\nline", "text", 3, None, sep="|")
sys.stdout.reconfigure(write_through=True)
print("x", "y")
print(*range(5), sep=", ", end=".\n", flush=True)


class W:
    def __init__(self, n):
        self.n = n

    def __str__(self):
        if self.n == 3:
            raise ValueError("no str")
        print("(str of %d)" % self.n)
        return "w%d" % self.n


# An argument's str() is taken when its turn comes, after the pieces before it.
print("a", W(1), "b", W(2))
try:
    print("x", W(3), "y")
except ValueError as e:
    print("ValueError", e)
sys.stdout.reconfigure(line_buffering=True, write_through=False)
print("c", W(4))
sys.stderr.write("to stderr\n")
print("last", file=sys.stdout)
