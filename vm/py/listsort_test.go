package py

import (
	"math/rand/v2"
	"slices"
	"sort"
	"testing"
)

// lcg is the generator the calibration kernels use for data without runs.
func lcg(n, mod int) []int {
	x := 12345
	out := make([]int, n)
	for i := range out {
		x = (x*1103515245 + 12345) & 0x7FFFFFFF
		out[i] = x >> 1
		if mod > 0 {
			out[i] %= mod
		}
	}
	return out
}

func sortPatterns() map[string][]int {
	p := map[string][]int{
		"random_5000":     lcg(5000, 0),
		"random_100":      lcg(100, 0),
		"random_65":       lcg(65, 0),
		"few_values_3000": lcg(3000, 7),
	}
	var sorted, reversed, costs, saw, organ []int
	for i := range 1000 {
		sorted = append(sorted, i)
		reversed = append(reversed, 1000-i)
	}
	for i := range 50000 {
		costs = append(costs, i*7919%50000)
	}
	for i := range 4000 {
		saw = append(saw, i%37)
	}
	for i := range 1000 {
		organ = append(organ, i)
	}
	for i := 1000; i > 0; i-- {
		organ = append(organ, i)
	}
	p["sorted_1000"], p["reversed_1000"], p["costs_50000"], p["sawtooth_4000"], p["organ_2000"] = sorted, reversed, costs, saw, organ
	return p
}

// TestTimsortComparisons checks that list.sort makes as many comparisons as CPython
// 3.12's (counted by an __lt__ that counts: vm/py/testdata/sortcounts.py), on data with
// and without runs, forwards and reversed.
func TestTimsortComparisons(t *testing.T) {
	want := []struct {
		name    string
		reverse bool
		n       int64
	}{
		{"sorted_1000", false, 999},
		{"sorted_1000", true, 999},
		{"reversed_1000", false, 999},
		{"reversed_1000", true, 999},
		{"costs_50000", false, 713240},
		{"costs_50000", true, 713471},
		{"random_5000", false, 54856},
		{"random_5000", true, 54901},
		{"random_100", false, 532},
		{"random_100", true, 534},
		{"few_values_3000", false, 19251},
		{"few_values_3000", true, 19188},
		{"sawtooth_4000", false, 32363},
		{"sawtooth_4000", true, 32280},
		{"organ_2000", false, 3999},
		{"organ_2000", true, 3998},
		{"random_65", false, 307},
		{"random_65", true, 306},
	}
	pats := sortPatterns()
	for _, w := range want {
		vals := pats[w.name]
		idx := make([]int, len(vals))
		for i := range idx {
			idx[i] = i
		}
		if w.reverse {
			reverseInts(idx)
		}
		got, _ := sortIndexes(idx, func(a, b int) bool { return vals[a] < vals[b] }, func() bool { return false })
		if w.reverse {
			reverseInts(idx)
		}
		if got != w.n {
			t.Errorf("%s reverse=%v: %d comparisons, CPython 3.12 makes %d", w.name, w.reverse, got, w.n)
		}
		if !slices.IsSortedFunc(idx, func(a, b int) int {
			if w.reverse {
				a, b = b, a
			}
			return vals[a] - vals[b]
		}) {
			t.Errorf("%s reverse=%v: not sorted", w.name, w.reverse)
		}
	}
}

// TestTimsortIsStable compares with sort.SliceStable on random lists of every small
// length and some long ones, with many equal keys.
func TestTimsortIsStable(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	sizes := []int{2000, 5000, 33333}
	for n := range 300 {
		sizes = append(sizes, n)
	}
	for _, n := range sizes {
		for _, spread := range []int{3, 50, 1 << 30} {
			vals := make([]int, n)
			for i := range vals {
				vals[i] = r.IntN(spread)
			}
			// Runs of both kinds in some lists.
			if n > 100 && spread == 50 {
				slices.Sort(vals[:n/3])
				slices.Reverse(vals[n/3 : n/2])
			}
			got := make([]int, n)
			want := make([]int, n)
			for i := range got {
				got[i], want[i] = i, i
			}
			less := func(a, b int) bool { return vals[a] < vals[b] }
			sortIndexes(got, less, func() bool { return false })
			sort.SliceStable(want, func(i, j int) bool { return less(want[i], want[j]) })
			if !slices.Equal(got, want) {
				t.Fatalf("n=%d spread=%d: timsort's order differs from a stable sort's", n, spread)
			}
		}
	}
}

// TestTimsortStops checks that a failed comparison ends the calls and leaves a
// permutation.
func TestTimsortStops(t *testing.T) {
	vals := lcg(1000, 0)
	idx := make([]int, len(vals))
	for i := range idx {
		idx[i] = i
	}
	calls, failed := 0, false
	sortIndexes(idx, func(a, b int) bool {
		calls++
		if calls == 500 {
			failed = true
		}
		return vals[a] < vals[b]
	}, func() bool { return failed })
	if calls != 500 {
		t.Errorf("less called %d times, want 500 (none after the failure)", calls)
	}
	seen := slices.Clone(idx)
	slices.Sort(seen)
	for i, v := range seen {
		if v != i {
			t.Fatalf("not a permutation: %v", seen[:20])
		}
	}
}

// TestTimsortMispredictions checks the predictor's count on data whose comparisons are
// and are not predictable: a sorted list almost never misses, a list without runs
// misses about half its comparisons, and interleaved runs fall between.
func TestTimsortMispredictions(t *testing.T) {
	pats := sortPatterns()
	rate := func(vals []int) float64 {
		idx := make([]int, len(vals))
		for i := range idx {
			idx[i] = i
		}
		c, m := sortIndexes(idx, func(a, b int) bool { return vals[a] < vals[b] }, func() bool { return false })
		return float64(m) / float64(c)
	}
	sorted, random, costs := rate(pats["sorted_1000"]), rate(pats["random_5000"]), rate(pats["costs_50000"])
	t.Logf("mispredicted: sorted %.3f, without runs %.3f, interleaved runs %.3f", sorted, random, costs)
	if sorted > 0.01 {
		t.Errorf("sorted list: %.3f of comparisons mispredicted, want almost none", sorted)
	}
	if random < 0.35 || random > 0.6 {
		t.Errorf("list without runs: %.3f mispredicted, want about half", random)
	}
	if costs >= random*0.8 {
		t.Errorf("interleaved runs: %.3f mispredicted, want clearly fewer than without runs (%.3f)", costs, random)
	}
}
