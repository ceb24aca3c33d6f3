# Counts the comparisons list.sort makes on the patterns of vm/py/listsort_test.go;
# its output is TestTimsortComparisons's table (run under CPython 3.12).
import sys
class K:
    __slots__=('v',)
    n=0
    def __init__(self,v): self.v=v
    def __lt__(self,o):
        K.n+=1
        return self.v<o.v
def lcg(n, mod=None):
    x=12345; out=[]
    for i in range(n):
        x=(x*1103515245+12345)&0x7FFFFFFF
        out.append((x>>1) if mod is None else (x>>1)%mod)
    return out
pats={
 "sorted_1000": list(range(1000)),
 "reversed_1000": list(range(1000,0,-1)),
 "costs_50000": [(i*7919)%50000 for i in range(50000)],
 "random_5000": lcg(5000),
 "random_100": lcg(100),
 "few_values_3000": lcg(3000, 7),
 "sawtooth_4000": [i%37 for i in range(4000)],
 "organ_2000": list(range(1000))+list(range(1000,0,-1)),
 "random_65": lcg(65),
}
for name,vals in pats.items():
    for rev in (False, True):
        K.n=0
        xs=[K(v) for v in vals]
        xs.sort(reverse=rev)
        print('{"%s", %s, %d},' % (name, "true" if rev else "false", K.n))
