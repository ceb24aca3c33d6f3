# print(file=f) to an object of the program calls f.write(str(arg)) for each piece and
# f.flush(); print() follows sys.stdout when a program replaces it.
import sys
class Buf:
    def __init__(self): self.parts = []
    def write(self, s):
        self.parts.append(s)
        return len(s)
    def flush(self): self.parts.append('<flush>')
b = Buf()
print('a', 1, [2], sep='-', end='!\n', file=b)
print('x', file=b, flush=True)
print(b.parts)
old = sys.stdout
sys.stdout = b
print('redirected', 3)
sys.stdout = old
print(b.parts[-4:])
class Bad:
    def write(self, s): raise ValueError('nope ' + s)
try:
    print('q', file=Bad())
except ValueError as e:
    print('err', e)
try:
    print('q', file=3)
except AttributeError as e:
    print(e)
print(list(map(lambda x: print(x, file=b), [7])), b.parts[-2:])
print('to stderr', file=sys.stderr)
def boom():
    print('z', file=Bad())
boom()
