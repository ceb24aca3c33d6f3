// This file defines the memory budget of a run in bytes: what objects are charged,
// the check builtins make before a large allocation, and the look Thread.Run takes
// before each step.

package py

import "fmt"

// DefaultMaxMemory is the memory budget of a run (Config.MaxMemory): 256 MiB. Go's
// heap holds up to three or four times what a run is charged (a freed result waits
// for the collector, which lets the heap double, and a result is built before the
// object that holds it), so this keeps one run under about 1 GiB of the host's
// memory, while CPython programs of the size a playground runs fit well inside.
const DefaultMaxMemory = 256 << 20

// objectBytes is what one object costs beside its payload: its header and Go's
// allocation of it, rounded up.
const objectBytes = 64

// itemBytes is what one item of a list, tuple, dict or set costs.
const itemBytes = 16

// Memory is the memory budget of a run, shared by its interpreters (the processes of
// one run). It counts approximately but never less than the run holds: every live
// object costs objectBytes, and the payloads of strings, bytes, big ints and
// containers their size; a freed object gives its bytes back. It is used from the
// goroutine that runs the simulation only.
type Memory struct {
	// Limit is the budget in bytes.
	Limit   int64
	payload int64
	interps []*Interp
}

// Used returns the bytes charged to the run.
func (m *Memory) Used() int64 {
	n := m.payload
	for _, in := range m.interps {
		n += in.live * objectBytes
	}
	return n
}

// ShareMemory makes in count against mem (the budget of its run's first
// interpreter) instead of a budget of its own.
func (in *Interp) ShareMemory(mem *Memory) {
	own := in.mem
	for i, x := range own.interps {
		if x == in {
			own.interps = append(own.interps[:i], own.interps[i+1:]...)
			break
		}
	}
	own.payload, mem.payload = 0, mem.payload+own.payload
	mem.interps = append(mem.interps, in)
	in.mem = mem
}

// Memory returns the budget in counts against.
func (in *Interp) Memory() *Memory { return in.mem }

// reserve fails with MemoryError when n more bytes would take the run beyond its
// budget. Builtins call it with the size of a result before they make it.
func (t *Thread) reserve(n int64) error {
	m := t.in.mem
	if n < 0 || m.Used()+n > m.Limit {
		return t.memoryLimit()
	}
	return nil
}

func (t *Thread) memoryLimit() error {
	return &LimitError{Class: MemoryErrorClass,
		Msg: fmt.Sprintf("the run's memory limit (%s) was reached", sizeText(t.in.mem.Limit))}
}

// CheckMemory makes the thread raise MemoryError when it next runs if the run holds
// more than its budget. The scheduler calls it before each step (not before each Run:
// a traced step runs one instruction at a time, and must run as an untraced one), so
// that many small allocations, each too small to be checked, raise MemoryError at the
// latest one step later.
func (t *Thread) CheckMemory() {
	if t.pendingErr == nil && !t.Done && t.Pending == nil && t.in.mem.Used() > t.in.mem.Limit {
		t.pendingErr = t.memoryLimit()
	}
}

// charge counts n bytes of payload (negative when given back).
func (in *Interp) charge(n int) { in.mem.payload += int64(n) }

// hold sets what a container's storage is charged, *held, to n bytes: containers grow
// in place, so each remembers what it was charged and gives that back when freed.
func (in *Interp) hold(held *int, n int) {
	if n != *held {
		in.mem.payload += int64(n - *held)
		*held = n
	}
}

// holdList charges l's item storage.
func (in *Interp) holdList(l *List) { in.hold(&l.mem, cap(l.Items)*itemBytes) }

// holdDict charges d's entries and index.
func (in *Interp) holdDict(d *Dict) {
	in.hold(&d.mem, cap(d.keys)*(2*itemBytes+8)+len(d.index)*4)
}

// holdSet charges s's table.
func (in *Interp) holdSet(s *Set) { in.hold(&s.mem, len(s.table)*(itemBytes+8)) }

// sizeText writes a byte count the way the docs do: 1 GiB, 512 MiB, 1000 bytes.
func sizeText(n int64) string {
	switch {
	case n >= 1<<30 && n%(1<<30) == 0:
		return fmt.Sprintf("%d GiB", n>>30)
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}
