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
sys.stdout.reconfigure(line_buffering=True, write_through=False)
sys.stderr.write("to stderr\n")
print("last", file=sys.stdout)
