// This file defines the shared cells of _gilscope_mp: a pickled value that every
// process of the run reads and writes in place, as shared memory or a manager's server
// holds it. multiprocessing's Value, Array and Manager proxies are Python over them.

package machine

import "github.com/gilscope/gilscope/vm/py"

// mpCellAccessCost is what reading or writing a cell costs beyond pickling its value:
// a memory access (docs/stdlib.md, "multiprocessing").
const mpCellAccessCost = 100 * 1000 // ps: 100 ns

// mpCellState is the shared value of a cell.
type mpCellState struct {
	p *py.Pickled
}

// mpCell is a process's handle on a shared cell.
type mpCell struct {
	py.Header
	s *mpCellState
}

var cellClass = py.NewClass("_SharedCell", nil)

func (c *mpCell) Type() *py.Class { return cellClass }

// mpCellAttrs adds cell, cell_get, cell_set and cell_call to _gilscope_mp's attributes.
func (m *Machine) mpCellAttrs(t *py.Thread, attrs map[string]py.Value) {
	fn := func(name string, f py.BuiltinFunc) py.Value { return t.Builtin(name, f) }
	// cell(obj) → a new cell holding a copy of obj.
	attrs["cell"] = fn("cell", func(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
		if len(args) != 1 || len(kw) != 0 {
			return nil, t.NewExc(py.TypeErrorClass, "cell(obj)")
		}
		s := &mpCellState{}
		if err := m.cellStore(t, s, args[0]); err != nil {
			return nil, err
		}
		c := &mpCell{s: s}
		t.Register(c)
		return c, nil
	})
	// cell_get(cell) → a copy of the value the cell holds.
	attrs["cell_get"] = fn("cell_get", func(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
		c, ok := oneCell(args)
		if !ok {
			return nil, t.NewExc(py.TypeErrorClass, "cell_get(cell)")
		}
		m.chargeNow(threadOf(t), m.loadsCost(c.s.p)+mpCellAccessCost)
		return t.Unpickle(c.s.p)
	})
	// cell_set(cell, obj) makes the cell hold a copy of obj.
	attrs["cell_set"] = fn("cell_set", func(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
		c, ok := oneCell(args[:min(len(args), 1)])
		if !ok || len(args) != 2 {
			return nil, t.NewExc(py.TypeErrorClass, "cell_set(cell, obj)")
		}
		return py.None, m.cellStore(t, c.s, args[1])
	})
	// cell_call(cell, func, *args) calls func(value, *args) on the value the cell
	// holds and stores the value back, in one step: a manager's server process serves
	// one request at a time, and a proxy's dunder methods (run from a builtin) could
	// not wait for a lock.
	attrs["cell_call"] = fn("cell_call", func(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
		c, ok := oneCell(args[:min(len(args), 1)])
		if !ok || len(args) < 2 || len(kw) != 0 {
			return nil, t.NewExc(py.TypeErrorClass, "cell_call(cell, func, *args)")
		}
		m.chargeNow(threadOf(t), m.loadsCost(c.s.p)+mpCellAccessCost)
		v, err := t.Unpickle(c.s.p)
		if err != nil {
			return nil, err
		}
		defer t.Decref(v)
		r, err := t.Call(args[1], append([]py.Value{v}, args[2:]...)...)
		if err != nil {
			return nil, err
		}
		if err := m.cellStore(t, c.s, v); err != nil {
			t.Decref(r)
			return nil, err
		}
		return r, nil
	})
}

// cellStore pickles v into s, at pickle's speed.
func (m *Machine) cellStore(t *py.Thread, s *mpCellState, v py.Value) error {
	p, err := t.Pickle(v, false)
	if err != nil {
		return err
	}
	m.chargeNow(threadOf(t), m.dumpsCost(p)+mpCellAccessCost)
	s.p = p
	return nil
}

func oneCell(args []py.Value) (*mpCell, bool) {
	if len(args) != 1 {
		return nil, false
	}
	c, ok := args[0].(*mpCell)
	return c, ok
}
