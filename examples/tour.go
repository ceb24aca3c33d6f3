// tour.go defines the guided tour of the GIL: eleven chapters in the order a
// lecture takes, each a program under tour/, a question to answer before the
// run, the run's reveal, what to highlight on the timeline and variations to
// try next.
//
// Every statement a chapter makes about a result is a Claim: a metric of a
// run (the chapter's setup with some fields changed), a comparison and a
// bound. The reveal shows each claim's text, and tour_test.go runs the runs
// and checks every bound, so a change to the simulator that falsifies a
// chapter fails the tests. Figures measured on real interpreters are copied
// from the fidelity data (vm/machine/testdata/fidelity/reference.json); a test
// checks the copy.

package examples

import (
	"embed"
	"slices"
	"sync"
)

//go:embed tour/*.py
var tourFS embed.FS

// Setup is the part of a workload a chapter, a claim or a variation chooses.
// In a claim or a variation, zero fields mean the chapter's.
type Setup struct {
	Model          string  `json:"model,omitempty"`
	Cores          int     `json:"cores,omitempty"`
	Seed           int64   `json:"seed,omitempty"`
	SwitchInterval float64 `json:"switch_interval,omitempty"` // seconds
}

// Over returns s with the non-zero fields of o.
func (s Setup) Over(o Setup) Setup {
	if o.Model != "" {
		s.Model = o.Model
	}
	if o.Cores != 0 {
		s.Cores = o.Cores
	}
	if o.Seed != 0 {
		s.Seed = o.Seed
	}
	if o.SwitchInterval != 0 {
		s.SwitchInterval = o.SwitchInterval
	}
	return s
}

// Claim is one statement about a result, checked by running the program.
//
// Metric names a number of a run:
//   - "out:NAME": the number after NAME on the line of stdout that starts with
//     NAME and a space (the programs print "name value" lines);
//   - "end_ms": the simulated time of the run; "exit_code";
//   - "gil_switches", "drop_requests", "forced_switches", "futile_wakeups":
//     the run's statistics; "hold_p50_ms": the median GIL tenure;
//   - "events:KIND": how many events of that kind the run made (deadlock,
//     use_after_free, leak, ref_race, ref_merge, lock_acquire …);
//   - "freed:TYPE": how many objects of that type were freed;
//   - "blocked:REASON": how many times a thread blocked for that reason;
//   - "A/B": the ratio of two of these in the same run.
//
// With Versus set, the value is the ratio of Metric in the claim's run to
// Metric in the Versus run.
type Claim struct {
	Text   string  `json:"text"`
	Setup  Setup   `json:"setup"`
	Metric string  `json:"metric"`
	Versus *Setup  `json:"versus,omitempty"`
	Op     string  `json:"op"` // ">=", ">", "<=", "<", "=="
	Value  float64 `json:"value"`
}

// Holds reports whether x satisfies the claim's comparison.
func (c Claim) Holds(x float64) bool {
	switch c.Op {
	case ">=":
		return x >= c.Value
	case ">":
		return x > c.Value
	case "<=":
		return x <= c.Value
	case "<":
		return x < c.Value
	case "==":
		return x == c.Value
	}
	return false
}

// Question is the prediction asked before the run: choices, or a slider
// when Slider is set.
type Question struct {
	Prompt  string   `json:"prompt"`
	Choices []string `json:"choices,omitempty"`
	Answer  int      `json:"answer"` // index of the right choice
	Slider  *Slider  `json:"slider,omitempty"`
	// Proof lists the claims (indices) whose runs show the answer.
	Proof []int `json:"proof"`
}

// Slider is a numeric prediction. The answer is Measure's value in the run,
// which the tests require to lie within Tolerance of Answer.
type Slider struct {
	Min       float64 `json:"min"`
	Max       float64 `json:"max"`
	Step      float64 `json:"step"`
	Unit      string  `json:"unit"`
	Answer    float64 `json:"answer"`
	Tolerance float64 `json:"tolerance"`
	Metric    string  `json:"metric"`           // measured in the chapter's run
	Versus    *Setup  `json:"versus,omitempty"` // as a Claim's
}

// Highlight is what the tour points at on the timeline after the reveal: the
// first event of Kind (whose text contains Text, if set) or, with Kind
// "span", the first span of a thread in State (and Reason); with Thread set,
// only those of a thread whose name contains it. Its explanation is the
// timeline's own.
type Highlight struct {
	Kind   string `json:"kind"`
	Text   string `json:"text,omitempty"`
	Thread string `json:"thread,omitempty"`
	State  string `json:"state,omitempty"`
	Reason string `json:"reason,omitempty"`
	Say    string `json:"say"` // what to look at, in a sentence
}

// Variation is a "try next" button: the chapter's run with Setup changed.
type Variation struct {
	Label    string `json:"label"`
	Setup    Setup  `json:"setup"`
	Question string `json:"question"`
}

// Figure is a figure real CPython gave, copied from the fidelity data.
type Figure struct {
	Script string    `json:"script"` // in vm/machine/testdata/fidelity
	Model  string    `json:"model"`
	Name   string    `json:"name"`
	Median float64   `json:"median"`
	Range  []float64 `json:"range"` // min, max of the five runs
	Cores  int       `json:"cores"`
	Says   string    `json:"says"`   // what it means, in words
	Source string    `json:"source"` // where it was measured (filled in at load)
}

// Chapter is one page of the tour.
type Chapter struct {
	N         int         `json:"n"`
	Title     string      `json:"title"`
	Text      []string    `json:"text"` // paragraphs before the program
	File      string      `json:"file"` // under tour/
	Source    string      `json:"source"`
	Setup     Setup       `json:"setup"`
	MaxTime   float64     `json:"max_time"`
	Question  Question    `json:"question"`
	Why       []string    `json:"why"` // the explanation after the run
	Claims    []Claim     `json:"claims"`
	Highlight Highlight   `json:"highlight"`
	TryNext   []Variation `json:"try_next"`
	Real      []Figure    `json:"real,omitempty"`
}

// Workload returns the workload of the chapter's run with s over its setup.
func (c Chapter) Workload(s Setup) Workload {
	u := c.Setup.Over(s)
	return Workload{Source: c.Source, Model: u.Model, Cores: u.Cores, Seed: u.Seed,
		SwitchInterval: u.SwitchInterval, MaxTime: c.MaxTime}
}

var (
	tourOnce sync.Once
	tour     []Chapter
	tourErr  error
)

// Tour returns the chapters in order, their sources loaded. It panics if a
// file is missing (a test loads them all).
func Tour() []Chapter {
	tourOnce.Do(func() { tour, tourErr = loadTour() })
	if tourErr != nil {
		panic(tourErr)
	}
	return tour
}

func loadTour() ([]Chapter, error) {
	out := make([]Chapter, len(chapters))
	for i, c := range chapters {
		src, err := tourFS.ReadFile("tour/" + c.File)
		if err != nil {
			return nil, err
		}
		c.N = i + 1
		c.Source = string(src)
		if c.MaxTime == 0 {
			c.MaxTime = 2
		}
		if c.Setup.Cores == 0 {
			c.Setup.Cores = 2
		}
		if c.Setup.Seed == 0 {
			c.Setup.Seed = 1
		}
		c.Real = slices.Clone(c.Real)
		for j := range c.Real {
			c.Real[j].Source = fidelity
		}
		out[i] = c
	}
	return out, nil
}

// fidelity is the caption of every real figure.
const fidelity = "real CPython, five runs on a 2-core Linux machine (docs/fidelity.md)"

// chapters is the tour. Numbers in Text and Why that a run produces are
// claims below them; the rest is how CPython is built.
var chapters = []Chapter{
	{
		Title: "A mutex",
		Text: []string{
			"A lock (a mutex) lets one thread at a time into a critical section. Two threads here add 1 to a shared balance 60,000 times each, and each addition reads the balance and writes it back while holding the same threading.Lock.",
			"A thread that finds the lock taken blocks: it sleeps until the holder releases it. The run is on a free-threaded build (cpython-3.13t), where both threads really run at once on the two cores; the interpreter's own lock, the GIL, comes in chapter 5.",
		},
		File:     "01_mutex.py",
		Setup:    Setup{Model: "cpython-3.13t"},
		Question: Question{Prompt: "What does the program print as the balance?", Choices: []string{"120000, every time", "Less than 120000: updates get lost", "It varies from run to run"}, Answer: 0, Proof: []int{0, 1}},
		Why: []string{
			"Only the holder of the lock runs the read-add-write, so no update is lost. When both threads reach the lock at once, one gets it and the other blocks (reason \"lock\") until it is released: the critical sections run one after another, the rest of the loops side by side.",
			"Under the GIL (cpython-3.12) the result is the same, for the same reason; the threads just rarely meet at the lock, since only one runs at a time.",
		},
		Claims: []Claim{
			{Text: "Under cpython-3.13t the balance is 120000.", Metric: "out:balance", Op: "==", Value: 120000},
			{Text: "Under cpython-3.12 it is 120000 too.", Setup: Setup{Model: "cpython-3.12"}, Metric: "out:balance", Op: "==", Value: 120000},
			{Text: "The threads really meet at the lock: a worker blocks on it dozens of times.", Metric: "blocked:lock", Op: ">=", Value: 20},
		},
		Highlight: Highlight{Kind: "span", State: "blocked", Reason: "lock", Say: "A worker blocked on the lock: the other one holds it."},
		TryNext: []Variation{
			{Label: "With the GIL (cpython-3.12)", Setup: Setup{Model: "cpython-3.12"}, Question: "Only one thread runs at a time now: how often does one wait for the lock?"},
			{Label: "One core", Setup: Setup{Cores: 1}, Question: "With one core, can a thread still be stopped inside the critical section?"},
		},
	},
	{
		Title: "Reference counting",
		Text: []string{
			"Every CPython object carries a count of the references to it. A new name, a list slot or an argument adds one; a name deleted or rebound removes one. sys.getrefcount(x) reports the count, plus one for its own argument.",
			"When the count reaches zero the object is freed at once, not later by a collector.",
		},
		File:     "02_refcount.py",
		Setup:    Setup{Model: "cpython-3.12"},
		Question: Question{Prompt: "a = []; b = a; pair = [a, a]. What does sys.getrefcount(a) print now?", Slider: &Slider{Min: 1, Max: 8, Step: 1, Answer: 5, Tolerance: 0, Metric: "out:in_a_list"}, Proof: []int{0, 1, 2}},
		Why: []string{
			"a, b, the two list slots and getrefcount's argument: five. Deleting b and pair gives the references back, and the count is 2 again.",
			"The Tracked object loses its only reference on del t: its count drops to 0 and it is freed on that line (look for it in the objects panel). Small integers are shared by the whole program, so their counts are in the thousands; since 3.12 they are immortal: their count is a fixed huge number that is never written, so threads never touch the same memory when they use them.",
		},
		Claims: []Claim{
			{Text: "sys.getrefcount(a) is 2 for a fresh list (a and the argument).", Metric: "out:alone", Op: "==", Value: 2},
			{Text: "It is 5 with b and a list holding a twice.", Metric: "out:in_a_list", Op: "==", Value: 5},
			{Text: "It is back to 2 after del b, pair.", Metric: "out:after_del", Op: "==", Value: 2},
			{Text: "The Tracked object is freed when its last reference goes.", Metric: "freed:Tracked", Op: "==", Value: 1},
			{Text: "Under cpython-3.12 sys.getrefcount(5) is 4294967295: 5 is immortal.", Metric: "out:small_int", Op: "==", Value: 4294967295},
			{Text: "Under cpython-3.11 it is an ordinary count, in the thousands.", Setup: Setup{Model: "cpython-3.11"}, Metric: "out:small_int", Op: ">=", Value: 1000},
			{Text: "…and far below the immortal figure.", Setup: Setup{Model: "cpython-3.11"}, Metric: "out:small_int", Op: "<", Value: 1e6},
		},
		Highlight: Highlight{Kind: "output", Text: "small_int", Say: "The count of the small int 5, printed."},
		TryNext: []Variation{
			{Label: "cpython-3.11", Setup: Setup{Model: "cpython-3.11"}, Question: "Before immortal objects, what is the count of 5?"},
			{Label: "cpython-3.13t", Setup: Setup{Model: "cpython-3.13t"}, Question: "Does a free-threaded build count the same references?"},
		},
	},
	{
		Title: "Counts without protection",
		Text: []string{
			"A count update is a load, an add and a store. With the GIL only one thread runs Python at a time, so two updates of one count never overlap. nogil-unsafe is CPython 3.12 with the GIL simply removed: two cores may both load the same count, and one store overwrites the other.",
			"Two threads pass one shared object around: every x = shared adds a reference and every overwrite drops one.",
		},
		File:     "03_unsafe_counts.py",
		Setup:    Setup{Model: "nogil-unsafe"},
		MaxTime:  1,
		Question: Question{Prompt: "Under nogil-unsafe, what happens to this program?", Choices: []string{"It prints refcount 2, like with the GIL", "It prints a wrong count and goes on", "It crashes"}, Answer: 2, Proof: []int{0, 1}},
		Why: []string{
			"A lost increment leaves the count one too low: later decrements bring it to 0 while references remain, the object is freed, and the next use of it is a use after free — a segmentation fault in a real interpreter. A lost decrement leaves it too high: the object can never be freed, a leak.",
			"The timeline marks each lost update (ref_race) on the thread whose update was overwritten; the explanation gives the interleaving, load by load.",
		},
		Claims: []Claim{
			{Text: "With seed 1 a thread uses the object after it was freed…", Metric: "events:use_after_free", Op: ">=", Value: 1},
			{Text: "…and the process dies with a segmentation fault (exit status 139).", Metric: "exit_code", Op: "==", Value: 139},
			{Text: "Under cpython-3.12 no update is lost and the count is 2.", Setup: Setup{Model: "cpython-3.12"}, Metric: "out:refcount", Op: "==", Value: 2},
			{Text: "Under cpython-3.12 no refcount race happens at all.", Setup: Setup{Model: "cpython-3.12"}, Metric: "events:ref_race", Op: "==", Value: 0},
		},
		Highlight: Highlight{Kind: "ref_race", Say: "A lost update: two cores loaded the same count and one store overwrote the other."},
		TryNext: []Variation{
			{Label: "Seed 3", Setup: Setup{Seed: 3}, Question: "Another interleaving: a crash, or a leak?"},
			{Label: "nogil-atomic", Setup: Setup{Model: "nogil-atomic"}, Question: "Atomic updates: is the count right, and what does it cost?"},
			{Label: "cpython-3.13t", Setup: Setup{Model: "cpython-3.13t"}, Question: "Biased counting: who counts cheaply, who atomically?"},
		},
	},
	{
		Title: "A lock on every object",
		Text: []string{
			"The first attempt at removing the GIL (Greg Stein's patch for Python 1.4, 1996) gave every object its own lock and made every count update atomic. fine-grained-locks simulates that design.",
			"Part 1 times ordinary dict and list work in one thread. Part 2 moves money between two accounts, each with its own lock, taken in opposite orders.",
		},
		File:     "04_object_locks.py",
		Setup:    Setup{Model: "fine-grained-locks"},
		MaxTime:  1,
		Question: Question{Prompt: "How much slower is part 1 under fine-grained-locks than under cpython-3.12?", Slider: &Slider{Min: 1, Max: 4, Step: 0.1, Unit: "×", Answer: 2, Tolerance: 0.3, Metric: "out:work_ms", Versus: &Setup{Model: "cpython-3.12"}}, Proof: []int{0}},
		Why: []string{
			"Every dict lookup, list append and count update takes and releases a lock, even with one thread: that is the single-threaded cost that sank the patch.",
			"Locks taken in opposite orders deadlock with or without a GIL: each worker holds one account and waits for the other. The timeline draws the wait-for cycle across the lanes.",
		},
		Claims: []Claim{
			{Text: "Part 1 takes at least 1.7× as long as under cpython-3.12.", Metric: "out:work_ms", Versus: &Setup{Model: "cpython-3.12"}, Op: ">=", Value: 1.7},
			{Text: "Part 2 deadlocks under fine-grained-locks…", Metric: "events:deadlock", Op: "==", Value: 1},
			{Text: "…and under cpython-3.12 too: lock order is the program's business.", Setup: Setup{Model: "cpython-3.12"}, Metric: "events:deadlock", Op: "==", Value: 1},
		},
		Highlight: Highlight{Kind: "deadlock", Say: "The wait-for cycle: each worker waits for the lock the other holds."},
		TryNext: []Variation{
			{Label: "cpython-3.12", Setup: Setup{Model: "cpython-3.12"}, Question: "How long does part 1 take with the GIL?"},
			{Label: "cpython-3.14t", Setup: Setup{Model: "cpython-3.14t"}, Question: "How close does today's free-threaded build get to 3.12 on part 1?"},
		},
	},
	{
		Title: "One lock on the interpreter",
		Text: []string{
			"CPython's answer since 1992 is one lock for the whole interpreter: a thread must hold the GIL to run Python. Since 3.2 a thread that waits for it more than the switch interval (5 ms) sets a drop request; the holder sees it at its next check point and hands the GIL over: a forced switch.",
			"Two threads count down at once.",
		},
		File:     "05_gil.py",
		Setup:    Setup{Model: "cpython-3.12"},
		Question: Question{Prompt: "How long does a thread hold the GIL, typically, before it must hand it over?", Choices: []string{"About 5 µs", "About 5 ms", "Until it finishes"}, Answer: 1, Proof: []int{0}},
		Why: []string{
			"The waiter sleeps for 5 ms on a timed wait, then asks; the holder drops the GIL at its next back-edge or call and the waiter takes it. So the GIL lane alternates between the threads in stretches of about 5 ms, one drop request and one forced switch each time.",
			"Ruby's GVL does the same job with another policy: a timer thread asks the holder to yield every 100 ms, and waiters queue in order.",
		},
		Claims: []Claim{
			{Text: "The median GIL tenure is between 4 and 6 ms.", Metric: "hold_p50_ms", Op: ">=", Value: 4},
			{Text: "…and at most 6 ms.", Metric: "hold_p50_ms", Op: "<=", Value: 6},
			{Text: "Every hand-off between the counting threads is a drop request…", Metric: "drop_requests", Op: ">=", Value: 3},
			{Text: "…answered by a forced switch.", Metric: "forced_switches/drop_requests", Op: "==", Value: 1},
			{Text: "With a 1 ms switch interval the GIL changes hands about five times as often.", Setup: Setup{SwitchInterval: 0.001}, Metric: "forced_switches", Versus: &Setup{}, Op: ">=", Value: 4},
			{Text: "Ruby's GVL hands over without drop requests.", Setup: Setup{Model: "ruby-gvl"}, Metric: "drop_requests", Op: "==", Value: 0},
		},
		Highlight: Highlight{Kind: "drop_request", Thread: "Thread-", Say: "A drop request: a counting thread waited a switch interval for the GIL and asks the holder to let go."},
		TryNext: []Variation{
			{Label: "Switch interval 1 ms", Setup: Setup{SwitchInterval: 0.001}, Question: "How many more hand-offs, and does the total time change?"},
			{Label: "ruby-gvl", Setup: Setup{Model: "ruby-gvl"}, Question: "How long are the GVL's tenures?"},
			{Label: "cpython-2.7", Setup: Setup{Model: "cpython-2.7"}, Question: "The old GIL: how often does it change hands?"},
		},
		Real: []Figure{
			{Script: "tenure.py", Model: "cpython-3.12", Name: "tenure_p50_ms_5ms", Median: 5.13, Range: []float64{5.1, 5.15}, Cores: 2, Says: "median GIL tenure of two CPU-bound threads, ms"},
			{Script: "tenure.py", Model: "cpython-3.12", Name: "switches_per_s_5ms", Median: 190, Range: []float64{174, 194}, Cores: 2, Says: "GIL switches per second"},
		},
	},
	{
		Title: "Why it stayed: C extensions",
		Text: []string{
			"The GIL made C extensions easy to write: C code called from Python holds the GIL and may touch any object without locks. C code that runs long without touching objects (hashing, compression, numpy) can release it and let other threads run Python meanwhile; hashlib does so for buffers of 2 KB and more.",
			"Two threads each hash 2 MB, first in 256 KB buffers, then in 1,000-byte pieces. Then they each make four 5 ms calls into C code: first C code that forgets to release the GIL, then C code that releases it.",
		},
		File:     "06_c_extension.py",
		Setup:    Setup{Model: "cpython-3.12"},
		Question: Question{Prompt: "How much longer do the calls into C code that keeps the GIL take than the calls that release it?", Choices: []string{"The same time", "About twice as long", "Four times as long"}, Answer: 1, Proof: []int{1}},
		Why: []string{
			"Holding the GIL, the calls run one after another: a drop request can only be honoured when a call returns, and nobody else runs Python meanwhile. Released, both threads' calls run side by side on the two cores. A forgotten Py_BEGIN_ALLOW_THREADS costs all the parallelism the C code could have had.",
			"hashlib makes the choice per call: below 2 KB releasing the GIL would cost more than the hashing, so in small pieces the two threads take turns.",
		},
		Claims: []Claim{
			{Text: "Hashing in 1,000-byte pieces takes at least 1.8× as long as in big buffers.", Metric: "out:hash_small_ms/out:hash_big_ms", Op: ">=", Value: 1.8},
			{Text: "C code that keeps the GIL takes at least 1.8× as long as C code that releases it.", Metric: "out:c_held_ms/out:c_released_ms", Op: ">=", Value: 1.8},
			{Text: "On a free-threaded build there is no GIL to keep: the two take the same time.", Setup: Setup{Model: "cpython-3.13t"}, Metric: "out:c_held_ms/out:c_released_ms", Op: "<=", Value: 1.1},
			{Text: "On one core releasing the GIL gains nothing: there is no second core to use it.", Setup: Setup{Cores: 1}, Metric: "out:c_held_ms/out:c_released_ms", Op: "<=", Value: 1.1},
		},
		Highlight: Highlight{Kind: "drop_request", Say: "A drop request the holder cannot answer until its C call returns."},
		TryNext: []Variation{
			{Label: "cpython-3.13t", Setup: Setup{Model: "cpython-3.13t"}, Question: "With no GIL, does it matter whether C code releases it?"},
			{Label: "One core", Setup: Setup{Cores: 1}, Question: "On one core, does releasing the GIL still help?"},
		},
	},
	{
		Title: "CPU-bound threads",
		Text: []string{
			"The program counts down once in one thread, then splits the same count over two threads and prints the ratio of the two times.",
		},
		File:     "07_cpu_threads.py",
		Setup:    Setup{Model: "cpython-3.12"},
		Question: Question{Prompt: "On two cores, two threads take … the time of one.", Choices: []string{"½", "the same", "more than"}, Answer: 1, Proof: []int{0, 1}},
		Why: []string{
			"Only the GIL holder runs Python, so two CPU-bound threads take turns: the same total time, and the second core idles.",
			"CPython 2.7's old GIL is worse on two cores: every 100 ticks the holder releases it and takes it straight back, the woken waiter finds it taken again (a futile wake-up) and goes back to sleep; the hand-offs that do happen cost cache and wake-up time.",
		},
		Claims: []Claim{
			{Text: "Under cpython-3.12 the two threads take at least 0.95× the sequential time…", Metric: "out:ratio_2thr", Op: ">=", Value: 0.95},
			{Text: "…and at most 1.1×.", Metric: "out:ratio_2thr", Op: "<=", Value: 1.1},
			{Text: "Under cpython-2.7 on two cores they take more than 1.2× the sequential time.", Setup: Setup{Model: "cpython-2.7"}, Metric: "out:ratio_2thr", Op: ">", Value: 1.2},
			{Text: "cpython-2.7 makes futile wake-ups by the hundred…", Setup: Setup{Model: "cpython-2.7"}, Metric: "futile_wakeups", Op: ">=", Value: 100},
			{Text: "…cpython-3.12 none.", Metric: "futile_wakeups", Op: "==", Value: 0},
			{Text: "On one core cpython-2.7's threads cost little extra.", Setup: Setup{Model: "cpython-2.7", Cores: 1}, Metric: "out:ratio_2thr", Op: "<=", Value: 1.1},
		},
		Highlight: Highlight{Kind: "drop_request", Thread: "Thread-", Say: "A hand-off between the counting threads: one runs while the other waits for the GIL."},
		TryNext: []Variation{
			{Label: "cpython-2.7", Setup: Setup{Model: "cpython-2.7"}, Question: "Where do the futile wake-ups appear?"},
			{Label: "cpython-2.7, one core", Setup: Setup{Model: "cpython-2.7", Cores: 1}, Question: "Why does one core help the old GIL?"},
			{Label: "cpython-2.7, four cores", Setup: Setup{Model: "cpython-2.7", Cores: 4}, Question: "Do more cores make the old GIL's battle worse?"},
			{Label: "cpython-3.13t", Setup: Setup{Model: "cpython-3.13t"}, Question: "Without a GIL, what is the ratio?"},
		},
		Real: []Figure{
			{Script: "cpu_threads.py", Model: "cpython-3.12", Name: "ratio_2thr", Median: 1.02, Range: []float64{0.853, 1.081}, Cores: 2, Says: "two threads' time over one's, cpython-3.12"},
			{Script: "cpu_threads.py", Model: "cpython-2.7", Name: "ratio_2thr", Median: 1.302, Range: []float64{1.113, 1.675}, Cores: 2, Says: "two threads' time over one's, cpython-2.7"},
		},
	},
	{
		Title: "I/O-bound threads",
		Text: []string{
			"Part 1: eight 20 ms waits (time.sleep, standing for network calls), one after another and then in eight threads. Part 2: a thread makes short blocking calls (time.sleep(0)), alone and then next to a thread that only computes.",
		},
		File:     "08_io_threads.py",
		Setup:    Setup{Model: "cpython-3.12"},
		Question: Question{Prompt: "How many times faster are the eight waits in eight threads?", Slider: &Slider{Min: 1, Max: 8, Step: 0.5, Unit: "×", Answer: 7.5, Tolerance: 0.5, Metric: "out:speedup_8thr"}, Proof: []int{0}},
		Why: []string{
			"A blocking call releases the GIL before it waits, so waits overlap: eight threads wait at once.",
			"The convoy effect: each time.sleep(0) gives the GIL away, the computing thread takes it, and the I/O thread, ready again after a few microseconds, must wait a whole switch interval to ask for it back. One CPU-bound thread makes every blocking call of the others about 5 ms long.",
		},
		Claims: []Claim{
			{Text: "The eight waits in threads are at least 6.5× faster.", Metric: "out:speedup_8thr", Op: ">=", Value: 6.5},
			{Text: "Next to a computing thread a time.sleep(0) takes about a switch interval: at least 4 ms…", Metric: "out:call_busy_us", Op: ">=", Value: 4000},
			{Text: "…at least 20 times as long as alone.", Metric: "out:call_busy_us/out:call_alone_us", Op: ">=", Value: 20},
			{Text: "Under cpython-3.9, whose sleep(0) returns in a microsecond, there is no convoy.", Setup: Setup{Model: "cpython-3.9"}, Metric: "out:call_busy_us", Op: "<=", Value: 100},
		},
		Highlight: Highlight{Kind: "drop_request", Say: "The I/O thread, ready again, had to wait a switch interval for the GIL."},
		TryNext: []Variation{
			{Label: "Switch interval 1 ms", Setup: Setup{SwitchInterval: 0.001}, Question: "How long is each blocking call now?"},
			{Label: "cpython-3.9", Setup: Setup{Model: "cpython-3.9"}, Question: "Why is there no convoy on 3.9?"},
			{Label: "cpython-3.13t", Setup: Setup{Model: "cpython-3.13t"}, Question: "With no GIL to wait for, what is left of the convoy?"},
		},
		Real: []Figure{
			{Script: "io_threads.py", Model: "cpython-3.12", Name: "speedup_8thr", Median: 7.43, Range: []float64{7.14, 7.47}, Cores: 2, Says: "eight 20 ms waits: threads' speed-up"},
			{Script: "convoy.py", Model: "cpython-3.12", Name: "convoy_5ms", Median: 1.05, Range: []float64{1.04, 1.06}, Cores: 2, Says: "time.sleep(0) next to a CPU-bound thread, in switch intervals"},
			{Script: "convoy.py", Model: "cpython-3.12", Name: "sleep0_solo_us", Median: 84, Range: []float64{75, 98}, Cores: 2, Says: "time.sleep(0) alone, µs"},
		},
	},
	{
		Title: "Removing the GIL",
		Text: []string{
			"Every attempt before 3.13 made single-threaded code slower. PEP 703's free-threaded build (3.13t, 3.14t) keeps that cost low: biased reference counting (the thread that owns an object counts without atomics, others atomically, merged later), locks inside dicts and lists, and immortal or deferred counts for shared objects.",
			"Part 1: one loop alone. Part 2: four threads each run the same loop, on four cores. Part 3: two threads add 1 to a global 50,000 times each with no lock.",
		},
		File:     "09_free_threaded.py",
		Setup:    Setup{Model: "cpython-3.14t", Cores: 4},
		Question: Question{Prompt: "Under cpython-3.14t on four cores, four loops take … the time of one.", Choices: []string{"about the same", "about twice", "about four times"}, Answer: 0, Proof: []int{0, 1}},
		Why: []string{
			"With no GIL the four threads run on four cores at once; under 3.12 they take turns and take four times as long.",
			"The price is on one thread: 3.13t's loop alone is markedly slower than 3.12's (its specializing interpreter was off), 3.14t's only a little.",
			"counter += 1 was never atomic: the GIL only hid the race on 3.10+ because the switch never falls inside it. Without a GIL both cores update counter at once and increments are lost. Use a lock.",
		},
		Claims: []Claim{
			{Text: "Under cpython-3.14t four loops take at most 1.3× one loop…", Metric: "out:four_ms/out:alone_ms", Op: "<=", Value: 1.3},
			{Text: "…under cpython-3.12 at least 3.5×.", Setup: Setup{Model: "cpython-3.12"}, Metric: "out:four_ms/out:alone_ms", Op: ">=", Value: 3.5},
			{Text: "cpython-3.13t runs one loop at least 1.2× slower than cpython-3.12…", Setup: Setup{Model: "cpython-3.13t"}, Metric: "out:alone_ms", Versus: &Setup{Model: "cpython-3.12"}, Op: ">=", Value: 1.2},
			{Text: "…cpython-3.14t at most 1.2× slower.", Metric: "out:alone_ms", Versus: &Setup{Model: "cpython-3.12"}, Op: "<=", Value: 1.2},
			{Text: "Biased counting: an owner merges the shared count of its object.", Metric: "events:ref_merge", Op: ">=", Value: 1},
			{Text: "Without a GIL counter += 1 loses increments…", Metric: "out:lost", Op: ">", Value: 1000},
			{Text: "…under cpython-3.12 none.", Setup: Setup{Model: "cpython-3.12"}, Metric: "out:lost", Op: "==", Value: 0},
		},
		Highlight: Highlight{Kind: "span", State: "running", Say: "A thread running without a GIL, beside the others."},
		TryNext: []Variation{
			{Label: "cpython-3.12", Setup: Setup{Model: "cpython-3.12"}, Question: "How long do four loops take with the GIL?"},
			{Label: "cpython-3.13t", Setup: Setup{Model: "cpython-3.13t"}, Question: "How much slower is one loop on 3.13t?"},
			{Label: "Two cores", Setup: Setup{Cores: 2}, Question: "Four threads on two cores: what speed-up is left?"},
		},
		Real: []Figure{
			{Script: "counter_race.py", Model: "cpython-3.12", Name: "lost_fraction", Median: 0, Range: []float64{0, 0}, Cores: 2, Says: "counter += 1 from two threads under the 3.12 GIL: fraction lost"},
		},
	},
	{
		Title: "Multiprocessing",
		Text: []string{
			"A process has its own interpreter and its own GIL, so processes run Python in parallel. They share nothing: arguments and results are pickled and sent through pipes, and starting a process costs milliseconds where a thread costs microseconds.",
			"Four CPU-bound jobs run on a pool of two threads, then on a pool of two processes.",
		},
		File:     "10_multiprocessing.py",
		Setup:    Setup{Model: "cpython-3.12"},
		MaxTime:  2,
		Question: Question{Prompt: "On two cores, which pool finishes the four jobs first?", Choices: []string{"The threads", "The processes", "A tie"}, Answer: 1, Proof: []int{0}},
		Why: []string{
			"The two worker processes run on both cores at once, the threads take turns at the GIL. The process pool pays for starting its workers, for importing multiprocessing.pool on first use (15 ms on 3.12) and for pickling jobs and results, so it pays off when the jobs are long and their data small: with jobs a quarter this size it loses on two cores too, in CPython as here; on one core it cannot pay off, and loses.",
		},
		Claims: []Claim{
			{Text: "On two cores the processes take at most 0.8× the threads' time.", Metric: "out:processes_ms/out:threads_ms", Op: "<=", Value: 0.8},
			{Text: "On one core the processes are slower than the threads.", Setup: Setup{Cores: 1}, Metric: "out:processes_ms/out:threads_ms", Op: ">", Value: 1},
			{Text: "Both pools compute the same results.", Metric: "exit_code", Op: "==", Value: 0},
		},
		Highlight: Highlight{Kind: "thread_start", Text: "ForkPoolWorker", Say: "A worker process starts: its own interpreter, its own GIL lane."},
		TryNext: []Variation{
			{Label: "One core", Setup: Setup{Cores: 1}, Question: "Does the process pool still pay off?"},
			{Label: "cpython-3.14t", Setup: Setup{Model: "cpython-3.14t"}, Question: "Without a GIL, do the threads catch up?"},
			{Label: "cpython-3.14", Setup: Setup{Model: "cpython-3.14"}, Question: "3.14 starts processes with forkserver: what does start-up cost now?"},
		},
	},
	{
		Title: "Other interpreters",
		Text: []string{
			"The GIL belongs to CPython's design, not to Python. Jython (on the JVM) and IronPython (on .NET) have no GIL: their objects are garbage-collected and their containers thread-safe. PyPy, often said to have none, does have a GIL: a cheaper one, but only one thread runs Python at a time.",
			"The countdown of chapter 7 again.",
		},
		File:     "07_cpu_threads.py",
		Setup:    Setup{Model: "pypy"},
		Question: Question{Prompt: "Under PyPy, two threads take … the time of one.", Choices: []string{"½: PyPy has no GIL", "the same or more: PyPy has a GIL"}, Answer: 1, Proof: []int{0, 1}},
		Why: []string{
			"PyPy's threads take turns at its GIL (look at the GIL lane), so threads do not add up; its JIT makes each thread faster instead. Jython and IronPython run both threads at once.",
		},
		Claims: []Claim{
			{Text: "Under PyPy two threads take at least 0.95× one thread's time…", Metric: "out:ratio_2thr", Op: ">=", Value: 0.95},
			{Text: "…and its GIL changes hands.", Metric: "gil_switches", Op: ">=", Value: 2},
			{Text: "Under Jython two threads take at most 0.7× the time…", Setup: Setup{Model: "jython"}, Metric: "out:ratio_2thr", Op: "<=", Value: 0.7},
			{Text: "…with no GIL at all.", Setup: Setup{Model: "jython"}, Metric: "gil_switches", Op: "==", Value: 0},
			{Text: "Under IronPython as well: at most 0.7×.", Setup: Setup{Model: "ironpython"}, Metric: "out:ratio_2thr", Op: "<=", Value: 0.7},
		},
		Highlight: Highlight{Kind: "forced_switch", Say: "PyPy's GIL handed over: only one thread runs Python at a time."},
		TryNext: []Variation{
			{Label: "jython", Setup: Setup{Model: "jython"}, Question: "Where is the GIL lane?"},
			{Label: "ironpython", Setup: Setup{Model: "ironpython"}, Question: "Does .NET's runtime behave like the JVM's here?"},
			{Label: "cpython-3.12", Setup: Setup{Model: "cpython-3.12"}, Question: "How do CPython's GIL tenures compare with PyPy's?"},
		},
	},
}
