// This file is list.sort's algorithm: CPython's timsort (Objects/listobject.c, explained
// in Objects/listsort.txt). gilscope runs the same algorithm, not just any stable sort,
// for two reasons a user can see: the calls a sort makes to __lt__ come in the order
// CPython makes them, and the time a sort takes follows the comparisons it really
// makes, which for data with runs in it (already sorted, reversed, interleaved) is far
// fewer than n·log2(n).

package py

import "math/bits"

// minGallop is MIN_GALLOP: how many wins in a row switch a merge to galloping.
const minGallop = 7

// timsort sorts a by less, stably, and counts the comparisons it makes. less is not
// called again once it has reported a failure (stop returns true): the sort then ends
// with a a permutation of what it was given.
type timsort struct {
	a    []int
	less func(x, y int) bool
	stop func() bool
	// compares is the number of calls of less; misses, of those whose outcome a
	// branch predictor would have guessed wrong. On data without runs about half are
	// mispredicted, each costing the processor a pipeline flush; on data with runs
	// most are guessed right, and the same number of comparisons takes far less time.
	compares, misses int64
	history          [numSortSites]uint16
	predict          []uint8 // per site, a counter per history
	histBits         int
	minGallop        int
	tmp              []int
	runs             []sortRun
}

type sortRun struct{ base, len, power int }

// numSortSites is the number of places timsort compares at; sortHistory, the most
// outcomes of a site its predictor remembers (fewer for a short list, which makes too
// few comparisons to train more: the tables then cost less to set up than the sort).
const (
	numSortSites = 14
	sortHistory  = 10
)

func b2u(b bool) uint16 {
	if b {
		return 1
	}
	return 0
}

// sortIndexes sorts a (indexes into the items being sorted) by less and returns the
// number of comparisons made and how many of them were mispredicted.
func sortIndexes(a []int, less func(x, y int) bool, stop func() bool) (compares, misses int64) {
	s := &timsort{a: a, less: less, stop: stop, minGallop: minGallop}
	s.histBits = min(sortHistory, max(bits.Len(uint(len(a)))-1, 1))
	s.predict = make([]uint8, numSortSites<<s.histBits)
	for i := range s.predict {
		s.predict[i] = 1 // weakly false
	}
	s.sort()
	return s.compares, s.misses
}

// lt compares for the comparison at site (one per place in the algorithm), and
// counts it, and whether a branch predictor would have guessed its outcome wrong.
func (s *timsort) lt(site int, x, y int) bool {
	if s.stop() {
		return false
	}
	s.compares++
	r := s.less(x, y)
	// A two-level predictor, as processors keep per branch: the site's last
	// sortHistory outcomes select a two-bit saturating counter (0 and 1 predict false,
	// 2 and 3 true), so a pattern that repeats is learned and only noise is missed.
	h := &s.history[site]
	c := &s.predict[site<<s.histBits|int(*h)]
	if r != (*c >= 2) {
		s.misses++
	}
	if r && *c < 3 {
		*c++
	} else if !r && *c > 0 {
		*c--
	}
	*h = (*h<<1 | b2u(r)) & (1<<s.histBits - 1)
	return r
}

func (s *timsort) sort() {
	n := len(s.a)
	if n < 2 {
		return
	}
	minrun := computeMinrun(n)
	for lo := 0; lo < n; {
		run, descending := s.countRun(lo, n)
		if descending {
			reverseInts(s.a[lo : lo+run])
		}
		if run < minrun {
			force := min(n-lo, minrun)
			s.binarySort(lo, lo+force, lo+run)
			run = force
		}
		s.foundNewRun(run)
		s.runs = append(s.runs, sortRun{base: lo, len: run})
		lo += run
	}
	s.mergeForceCollapse()
}

// computeMinrun is merge_compute_minrun: n's six most significant bits, plus one if
// any of the rest is set.
func computeMinrun(n int) int {
	r := 0
	for n >= 64 {
		r |= n & 1
		n >>= 1
	}
	return n + r
}

// countRun returns the length of the run starting at lo: ascending (a[i] <= a[i+1])
// or strictly descending.
func (s *timsort) countRun(lo, hi int) (int, bool) {
	if lo+1 == hi {
		return 1, false
	}
	n := 2
	if s.lt(0, s.a[lo+1], s.a[lo]) {
		for i := lo + 2; i < hi && s.lt(1, s.a[i], s.a[i-1]); i++ {
			n++
		}
		return n, true
	}
	for i := lo + 2; i < hi && !s.lt(2, s.a[i], s.a[i-1]); i++ {
		n++
	}
	return n, false
}

// binarySort sorts a[lo:hi], whose a[lo:start] is already sorted, by binary insertion.
func (s *timsort) binarySort(lo, hi, start int) {
	a := s.a
	for ; start < hi; start++ {
		pivot := a[start]
		l, r := lo, start
		for l < r {
			p := l + (r-l)/2
			if s.lt(3, pivot, a[p]) {
				r = p
			} else {
				l = p + 1
			}
		}
		copy(a[l+1:start+1], a[l:start])
		a[l] = pivot
	}
}

func reverseInts(a []int) {
	for i, j := 0, len(a)-1; i < j; i, j = i+1, j-1 {
		a[i], a[j] = a[j], a[i]
	}
}

// foundNewRun is CPython 3.11's powersort merge policy: a run of n2 items found after
// the run on top of the stack gets a power (the depth of the boundary between them in
// a perfectly balanced merge tree), and the runs of greater power pending below it are
// merged first. (2.7 to 3.10 kept the run lengths growing like Fibonacci numbers
// instead; the two policies differ by a few comparisons.)
func (s *timsort) foundNewRun(n2 int) {
	if len(s.runs) == 0 {
		return
	}
	top := s.runs[len(s.runs)-1]
	power := powerloop(top.base, top.len, n2, len(s.a))
	for len(s.runs) > 1 && s.runs[len(s.runs)-2].power > power {
		s.mergeAt(len(s.runs) - 2)
	}
	s.runs[len(s.runs)-1].power = power
}

// powerloop returns the power of the boundary between a run of n1 items at s1 and the
// run of n2 items after it, in a list of n.
func powerloop(s1, n1, n2, n int) int {
	result := 0
	a := 2*s1 + n1 // twice the first run's midpoint
	b := a + n1 + n2
	for {
		result++
		if a >= n {
			a -= n
			b -= n
		} else if b >= n {
			break
		}
		a <<= 1
		b <<= 1
	}
	return result
}

func (s *timsort) mergeForceCollapse() {
	for len(s.runs) > 1 {
		r := s.runs
		n := len(r) - 2
		if n > 0 && r[n-1].len < r[n+1].len {
			n--
		}
		s.mergeAt(n)
	}
}

// mergeAt merges runs i and i+1.
func (s *timsort) mergeAt(i int) {
	ra, rb := s.runs[i], s.runs[i+1]
	s.runs[i].len = ra.len + rb.len
	s.runs = append(s.runs[:i+1], s.runs[i+2:]...)
	a := s.a
	// Where does b's first element go in a? Elements of a before it are in place.
	k := s.gallopRight(a[rb.base], a[ra.base:ra.base+ra.len], 0)
	ra.base += k
	ra.len -= k
	if ra.len == 0 {
		return
	}
	// Where does a's last element go in b? Elements of b after it are in place.
	rb.len = s.gallopLeft(a[ra.base+ra.len-1], a[rb.base:rb.base+rb.len], rb.len-1)
	if rb.len == 0 {
		return
	}
	if ra.len <= rb.len {
		s.mergeLo(ra.base, ra.len, rb.base, rb.len)
	} else {
		s.mergeHi(ra.base, ra.len, rb.base, rb.len)
	}
}

// gallopLeft returns k such that a[k-1] < key <= a[k], searching from hint.
func (s *timsort) gallopLeft(key int, a []int, hint int) int {
	n := len(a)
	ofs, lastofs := 1, 0
	if s.lt(4, a[hint], key) {
		maxofs := n - hint
		for ofs < maxofs && s.lt(5, a[hint+ofs], key) {
			lastofs = ofs
			ofs = ofs<<1 + 1
		}
		ofs = min(ofs, maxofs)
		lastofs += hint
		ofs += hint
	} else {
		maxofs := hint + 1
		for ofs < maxofs && !s.lt(6, a[hint-ofs], key) {
			lastofs = ofs
			ofs = ofs<<1 + 1
		}
		ofs = min(ofs, maxofs)
		lastofs, ofs = hint-ofs, hint-lastofs
	}
	for lastofs++; lastofs < ofs; {
		m := lastofs + (ofs-lastofs)>>1
		if s.lt(7, a[m], key) {
			lastofs = m + 1
		} else {
			ofs = m
		}
	}
	return ofs
}

// gallopRight returns k such that a[k-1] <= key < a[k], searching from hint.
func (s *timsort) gallopRight(key int, a []int, hint int) int {
	n := len(a)
	ofs, lastofs := 1, 0
	if s.lt(8, key, a[hint]) {
		maxofs := hint + 1
		for ofs < maxofs && s.lt(9, key, a[hint-ofs]) {
			lastofs = ofs
			ofs = ofs<<1 + 1
		}
		ofs = min(ofs, maxofs)
		lastofs, ofs = hint-ofs, hint-lastofs
	} else {
		maxofs := n - hint
		for ofs < maxofs && !s.lt(10, key, a[hint+ofs]) {
			lastofs = ofs
			ofs = ofs<<1 + 1
		}
		ofs = min(ofs, maxofs)
		lastofs += hint
		ofs += hint
	}
	for lastofs++; lastofs < ofs; {
		m := lastofs + (ofs-lastofs)>>1
		if s.lt(11, key, a[m]) {
			ofs = m
		} else {
			lastofs = m + 1
		}
	}
	return ofs
}

// mergeLo merges a[pa:pa+na] and the run after it, a[pb:pb+nb], na <= nb, from the
// left, with a copy of the first run. a[pb] belongs before a[pa], and a[pa+na-1]
// after a[pb+nb-1].
func (s *timsort) mergeLo(pa, na, pb, nb int) {
	a := s.a
	s.tmp = append(s.tmp[:0], a[pa:pa+na]...)
	t, ti := s.tmp, 0
	dest := pa
	a[dest] = a[pb]
	dest, pb, nb = dest+1, pb+1, nb-1
	if nb == 0 {
		copy(a[dest:], t[ti:ti+na])
		return
	}
	if na == 1 {
		copy(a[dest:], a[pb:pb+nb])
		a[dest+nb] = t[ti]
		return
	}
	for {
		acount, bcount := 0, 0
		// One at a time until one run wins often enough.
		for {
			if s.lt(12, a[pb], t[ti]) {
				a[dest] = a[pb]
				dest, pb, nb = dest+1, pb+1, nb-1
				bcount++
				acount = 0
				if nb == 0 {
					copy(a[dest:], t[ti:ti+na])
					return
				}
				if bcount >= s.minGallop {
					break
				}
			} else {
				a[dest] = t[ti]
				dest, ti, na = dest+1, ti+1, na-1
				acount++
				bcount = 0
				if na == 1 {
					copy(a[dest:], a[pb:pb+nb])
					a[dest+nb] = t[ti]
					return
				}
				if acount >= s.minGallop {
					break
				}
			}
		}
		// Galloping, while it pays.
		s.minGallop++
		for {
			if s.minGallop > 1 {
				s.minGallop--
			}
			k := s.gallopRight(a[pb], t[ti:ti+na], 0)
			acount = k
			if k > 0 {
				copy(a[dest:], t[ti:ti+k])
				dest, ti, na = dest+k, ti+k, na-k
				if na == 1 {
					copy(a[dest:], a[pb:pb+nb])
					a[dest+nb] = t[ti]
					return
				}
				if na == 0 {
					return
				}
			}
			a[dest] = a[pb]
			dest, pb, nb = dest+1, pb+1, nb-1
			if nb == 0 {
				copy(a[dest:], t[ti:ti+na])
				return
			}
			k = s.gallopLeft(t[ti], a[pb:pb+nb], 0)
			bcount = k
			if k > 0 {
				copy(a[dest:], a[pb:pb+k])
				dest, pb, nb = dest+k, pb+k, nb-k
				if nb == 0 {
					copy(a[dest:], t[ti:ti+na])
					return
				}
			}
			a[dest] = t[ti]
			dest, ti, na = dest+1, ti+1, na-1
			if na == 1 {
				copy(a[dest:], a[pb:pb+nb])
				a[dest+nb] = t[ti]
				return
			}
			if acount < minGallop && bcount < minGallop {
				break
			}
		}
		s.minGallop++
	}
}

// mergeHi is mergeLo from the right, with a copy of the second run (na >= nb).
func (s *timsort) mergeHi(pa, na, pb, nb int) {
	a := s.a
	s.tmp = append(s.tmp[:0], a[pb:pb+nb]...)
	t := s.tmp
	basea := pa
	dest := pb + nb - 1
	pa += na - 1 // the last of the first run
	tb := nb - 1 // the last of the copy
	// copyA moves what is left of the first run and puts the copy's last element
	// before it; done writes what is left of the copy.
	copyA := func() {
		dest -= na
		pa -= na
		copy(a[dest+1:dest+1+na], a[pa+1:pa+1+na])
		a[dest] = t[tb]
	}
	done := func() { copy(a[dest-(nb-1):dest+1], t[:nb]) }
	a[dest] = a[pa]
	dest, pa, na = dest-1, pa-1, na-1
	if na == 0 {
		done()
		return
	}
	if nb == 1 {
		copyA()
		return
	}
	for {
		acount, bcount := 0, 0
		for {
			if s.lt(13, t[tb], a[pa]) {
				a[dest] = a[pa]
				dest, pa, na = dest-1, pa-1, na-1
				acount++
				bcount = 0
				if na == 0 {
					done()
					return
				}
				if acount >= s.minGallop {
					break
				}
			} else {
				a[dest] = t[tb]
				dest, tb, nb = dest-1, tb-1, nb-1
				bcount++
				acount = 0
				if nb == 1 {
					copyA()
					return
				}
				if bcount >= s.minGallop {
					break
				}
			}
		}
		s.minGallop++
		for {
			if s.minGallop > 1 {
				s.minGallop--
			}
			k := na - s.gallopRight(t[tb], a[basea:basea+na], na-1)
			acount = k
			if k > 0 {
				dest -= k
				pa -= k
				copy(a[dest+1:dest+1+k], a[pa+1:pa+1+k])
				na -= k
				if na == 0 {
					done()
					return
				}
			}
			a[dest] = t[tb]
			dest, tb, nb = dest-1, tb-1, nb-1
			if nb == 1 {
				copyA()
				return
			}
			k = nb - s.gallopLeft(a[pa], t[:nb], nb-1)
			bcount = k
			if k > 0 {
				dest -= k
				tb -= k
				copy(a[dest+1:dest+1+k], t[tb+1:tb+1+k])
				nb -= k
				if nb == 1 {
					copyA()
					return
				}
				if nb == 0 {
					done()
					return
				}
			}
			a[dest] = a[pa]
			dest, pa, na = dest-1, pa-1, na-1
			if na == 0 {
				done()
				return
			}
			if acount < minGallop && bcount < minGallop {
				break
			}
		}
		s.minGallop++
	}
}
