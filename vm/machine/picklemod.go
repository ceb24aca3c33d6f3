// This file defines _gilscope_pickle, what lib/pickle.py is built on: dumps turns an
// object into bytes with the pickler multiprocessing uses to copy objects between
// processes (the same errors: "cannot pickle '_thread.lock' object", "Can't pickle
// local object …"), at pickle's measured speed, holding the GIL; loads rebuilds it at
// unpickling's speed. The bytes are gilscope's own (vm/py/picklebytes.go).

package machine

import (
	"fmt"

	"github.com/gilscope/gilscope/vm/py"
)

// pickleModule makes _gilscope_pickle.
func (m *Machine) pickleModule(t *py.Thread) *py.Module {
	attrs := map[string]py.Value{
		"PickleError":     py.PickleErrorClass,
		"PicklingError":   py.PicklingErrorClass,
		"UnpicklingError": py.UnpicklingErrorClass,
		"dumps": t.Builtin("dumps", func(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
			if err := t.CheckArgs("dumps", args, kw, 1, 1); err != nil {
				return nil, err
			}
			p, err := t.Pickle(args[0], false)
			if err != nil {
				return nil, err
			}
			b, err := py.MarshalPickled(p)
			if err != nil {
				return nil, t.NewExc(py.TypeErrorClass, "cannot pickle '%s' object: it can only be shared between processes through inheritance", args[0].Type().Name)
			}
			m.chargeNow(threadOf(t), m.dumpsCost(p))
			return m.newBytes(t, string(b)), nil
		}),
		// loads(data) raises UnpicklingError for bytes gilscope did not write.
		"loads": t.Builtin("loads", func(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
			if err := t.CheckArgs("loads", args, kw, 1, 1); err != nil {
				return nil, err
			}
			s, err := bytesArg(t, args[0])
			if err != nil {
				return nil, err
			}
			errClass := py.UnpicklingErrorClass
			p, ok := py.UnmarshalPickled([]byte(s))
			if !ok {
				if len(s) == 0 {
					return nil, t.NewExc(py.EOFErrorClass, "Ran out of input")
				}
				return nil, t.NewExc(errClass, "gilscope reads only the pickles it wrote (pickle.dumps in this run), not CPython's bytes")
			}
			m.chargeNow(threadOf(t), m.loadsCost(p))
			return unpickleGuarded(t, p, errClass)
		}),
	}
	return newModule(t, "_gilscope_pickle", attrs)
}

// unpickleGuarded rebuilds p; bytes made by hand that the reader accepted but the
// unpickler cannot make sense of raise errClass rather than stop the machine.
func unpickleGuarded(t *py.Thread, p *py.Pickled, errClass *py.Class) (v py.Value, err error) {
	defer func() {
		if r := recover(); r != nil {
			v, err = nil, t.NewExc(errClass, "%s", fmt.Sprintf("gilscope cannot read this pickle (%v)", r))
		}
	}()
	return t.Unpickle(p)
}
