// This file defines the bounds a run is held to inside builtins, where the evaluator's
// own checks do not reach: the recursion depth of builtins that walk nested values
// and the amortised check of the run's interrupt (its CPU budget and cancellation).

package py

import "errors"

// maxCDepth is how deeply builtins may recurse into nested values (hash, ==, <, repr,
// pickling): CPython 3.12's C recursion limit (Py_C_RECURSION_LIMIT), counted apart
// from the Python frames that sys.getrecursionlimit() bounds, as 3.12 counts it.
const maxCDepth = 1500

// enterNested enters one level of a builtin's recursion into a nested value, as
// CPython's Py_EnterRecursiveCall(where) does: past maxCDepth it fails with
// RecursionError "maximum recursion depth exceeded" + where. Each successful call is
// paired with leaveNested.
func (t *Thread) enterNested(where string) error {
	if t.cDepth >= maxCDepth {
		return &LimitError{Class: RecursionErrorClass, Msg: "maximum recursion depth exceeded" + where}
	}
	t.cDepth++
	return nil
}

func (t *Thread) leaveNested() { t.cDepth-- }

// The where arguments of enterNested, CPython 3.12's words.
const (
	inComparison = " in comparison"
	inRepr       = " while getting the repr of an object"
	inPickling   = " while pickling an object"
)

// workQuantum is how many units of work a builtin does between two looks at the run's
// interrupt: rare enough that the look costs nothing, often enough (well under a
// millisecond of host time) that a runaway builtin stops at once.
const workQuantum = 4096

// ErrInterrupted is what Interp.Interrupt returns once the run is over; a builtin that
// sees it stops its work and the thread is aborted.
var ErrInterrupted = errors.New("the run was stopped")

// work counts n units of a builtin's work (an item hashed, compared, copied or
// written). Every workQuantum units it asks the run's Interrupt whether to go on; when
// the run is over the thread is aborted and the error must be returned at once.
func (t *Thread) work(n int) error {
	t.workDone += n
	if t.workDone < workQuantum {
		return nil
	}
	t.workDone = 0
	return t.interrupted()
}

func (t *Thread) interrupted() error {
	if t.in.Interrupt == nil {
		return nil
	}
	if err := t.in.Interrupt(); err != nil {
		t.Abort()
		return &LimitError{Class: KeyboardInterruptClass, Msg: err.Error()}
	}
	return nil
}
