// This file defines the select module: select.select over the run's sockets (the
// loopback network's and socketpair's ends), which blocks with the GIL released until
// one is ready or the timeout passes, as CPython's does. selectors (lib/selectors.py,
// CPython's own) builds its SelectSelector on it.

package machine

import (
	"github.com/gilscope/gilscope/vm/py"
)

// readable is what select reports as ready to read: a connection to accept, data,
// the end of the stream, or an unconnected socket (POLLHUP).
func (s *socketObj) readable() bool {
	if s.listening {
		return len(s.pending) > 0
	}
	return len(s.buf) > 0 || s.eof || s.peer == nil
}

// writable: a connected socket that can still send (its queue is unbounded).
func (s *socketObj) writable() bool { return s.peer != nil && !s.shutWR }

var selectError = py.OSErrorClass

func (m *Machine) selectModule(t *py.Thread) *py.Module {
	attrs := map[string]py.Value{
		"select": t.Builtin("select", m.selectSelect),
		"error":  selectError,
	}
	return newModule(t, "select", attrs)
}

// selectSet is one of select's lists: the objects as given and their sockets.
type selectSet struct {
	objs  []py.Value
	socks []*socketObj
}

func (m *Machine) selectSet(t *py.Thread, v py.Value) (selectSet, error) {
	var set selectSet
	var items []py.Value
	switch v := v.(type) {
	case *py.List:
		items = v.Items
	case *py.Tuple:
		items = v.Items
	case *py.Set:
		items = v.Items()
	default:
		return set, t.NewExc(py.TypeErrorClass, "arguments 1-3 must be sequences")
	}
	ss := m.socketsOf(threadOf(t).proc)
	// select converts each object to its descriptor in a C loop.
	if err := t.Work(len(items)); err != nil {
		return set, err
	}
	m.chargeNow(threadOf(t), int64(len(items))*m.costs.CItem)
	for _, o := range append([]py.Value(nil), items...) {
		fd, ok := py.AsInt(o)
		if !ok {
			if s, isSock := o.(*socketObj); isSock {
				fd, ok = int64(s.fd), true
				if s.closed {
					fd = -1
				}
			} else {
				meth, err := t.GetAttr(o, "fileno")
				if err != nil {
					return set, t.NewExc(py.TypeErrorClass, "argument must be an int, or have a fileno() method.")
				}
				r, err := t.Call(meth)
				t.Decref(meth)
				if err != nil {
					return set, err
				}
				fd, ok = py.AsInt(r)
				t.Decref(r)
				if !ok {
					return set, t.NewExc(py.TypeErrorClass, "fileno() returned a non-integer")
				}
			}
		}
		if fd < 0 {
			return set, t.NewExc(py.ValueErrorClass, "file descriptor cannot be a negative integer (%d)", fd)
		}
		s := ss.fds[int(fd)]
		if s == nil {
			return set, t.NewOSError(9, "Bad file descriptor", "")
		}
		set.objs = append(set.objs, o)
		set.socks = append(set.socks, s)
	}
	return set, nil
}

// selectSelect is select.select(rlist, wlist, xlist, timeout=None).
func (m *Machine) selectSelect(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
	if err := t.CheckArgs("select", args, kw, 3, 4); err != nil {
		return nil, err
	}
	timeout := int64(-1)
	if len(args) == 4 && args[3] != py.None {
		f, ok := py.AsFloat(args[3])
		if !ok {
			return nil, t.NewExc(py.TypeErrorClass, "timeout must be a float or None")
		}
		if f < 0 {
			return nil, t.NewExc(py.ValueErrorClass, "timeout must be non-negative")
		}
		timeout = int64(min(f, 1e6) * 1e12)
	}
	var sets [3]selectSet
	for i := range sets {
		set, err := m.selectSet(t, args[i])
		if err != nil {
			return nil, err
		}
		sets[i] = set
	}
	for _, set := range sets {
		for _, o := range set.objs {
			t.Incref(o)
		}
	}
	return nil, py.Block(t, &selectCall{sets: sets, timeout: timeout})
}

// selectCall is select(): one system call that returns the ready sockets, or blocks
// until one of them changes or the timeout passes.
type selectCall struct {
	sets    [3]selectSet
	timeout int64 // ps; negative: none
	// deadline is when a timed select returns empty (ps), set when it starts.
	deadline int64
	started  bool
}

func (c *selectCall) Describe() string { return "select" }

// ready returns the lists of ready objects (new references), and whether any is.
func (c *selectCall) ready(t *py.Thread, final bool) (py.Value, bool) {
	var lists [3][]py.Value
	any := false
	for i, set := range c.sets[:2] {
		for j, s := range set.socks {
			ok := !s.closed && (i == 0 && s.readable() || i == 1 && s.writable())
			if ok {
				any = true
				if final {
					t.Incref(set.objs[j])
					lists[i] = append(lists[i], set.objs[j])
				}
			}
		}
	}
	if !final {
		return nil, any
	}
	for _, set := range c.sets {
		for _, o := range set.objs {
			t.Decref(o)
		}
	}
	return t.NewTuple([]py.Value{t.NewList(lists[0]), t.NewList(lists[1]), t.NewList(lists[2])}), any
}

func (c *selectCall) do(m *Machine, th *thread) {
	m.dropGILAfter(th, m.blk.sockCall)
	c.wait(m, th)
}

// finish returns what select returns once th runs again.
func (c *selectCall) finish(m *Machine, th *thread) {
	res, _ := c.ready(th.py, true)
	m.setState(th, StateRunning, "io", th.clock)
	th.next = m.resume(th, res, nil)
}

func (c *selectCall) wait(m *Machine, th *thread) {
	if c.timeout > 0 && !c.started {
		c.started, c.deadline = true, th.clock+c.timeout
	}
	_, any := c.ready(th.py, false)
	if any || c.timeout == 0 || c.timeout > 0 && th.clock >= c.deadline {
		c.finish(m, th)
		return
	}
	m.block(th, StateBlocked, "io", 0)
	w := &selectWait{th: th, then: func() { c.wait(m, th) }}
	for _, set := range c.sets[:2] {
		for _, s := range set.socks {
			s.watchers = append(s.watchers, w)
			w.socks = append(w.socks, s)
		}
	}
	if c.timeout > 0 {
		m.timeWait(th, c.deadline-th.clock, w.detach, w.then)
	}
}
