package py

// This file defines threading.local (_thread._local): an object whose attributes
// are kept apart per thread. Each thread that touches it gets its own __dict__,
// and a subclass's __init__ runs again, with the arguments the object was made
// with, the first time another thread uses it, as CPython's _threading_local does.

// LocalClass is _thread._local, which threading.local is.
var LocalClass = func() *Class {
	c := newBuiltinClass("_local", ObjectClass)
	c.Module = "_thread"
	return c
}()

// localState is the per-thread side of a local object: the dict of each thread
// that used it, in the order they did, and the arguments __init__ is re-run with.
type localState struct {
	threads []*Thread
	dicts   []*Dict
	args    []Value
	kw      []string
}

// isLocal reports whether instances of c keep their attributes per thread.
func (c *Class) isLocal() bool { return c != nil && c.IsSubclass(LocalClass) }

// newLocal makes an instance of a subclass of local for instantiate, holding its
// arguments; only a class with its own __init__ takes any.
func (t *Thread) newLocal(cls *Class, args []Value, kw []string) (*Instance, error) {
	if (len(args) > 0 || len(kw) > 0) && cls.Lookup("__init__") == nil {
		return nil, t.newExc(TypeErrorClass, "Initialization arguments are not supported")
	}
	inst := t.newInstance(cls)
	st := &localState{threads: []*Thread{t}, dicts: []*Dict{inst.Dict}, kw: kw}
	for _, a := range args {
		t.Incref(a)
		st.args = append(st.args, a)
	}
	inst.local = st
	return inst, nil
}

// selectLocal makes o.Dict the current thread's dict, creating it (and running
// __init__ again) on the thread's first use.
func (t *Thread) selectLocal(o *Instance) error {
	st := o.local
	for i, th := range st.threads {
		if th == t {
			o.Dict = st.dicts[i]
			return nil
		}
	}
	d := t.NewDict()
	st.threads = append(st.threads, t)
	st.dicts = append(st.dicts, d)
	o.Dict = d
	init, ok := o.Class.Lookup("__init__").(*Function)
	if !ok {
		return nil
	}
	r, err := t.callValue(init, prepend(o, st.args), st.kw, false)
	t.xdecref(r)
	return err
}

// freeLocal releases every thread's dict and the saved arguments.
func (t *Thread) freeLocal(o *Instance) {
	st := o.local
	o.Dict = nil
	for _, d := range st.dicts {
		t.decrefItem(d)
	}
	for _, a := range st.args {
		t.decrefItem(a)
	}
	o.local = nil
}
