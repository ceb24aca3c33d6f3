// This file defines attribute access: getattr, setattr and delattr on every object kind,
// the method form of LOAD_ATTR, and super().

package py

// superObj is the result of super(): attribute lookup starts after Class in Self's MRO.
type superObj struct {
	Header
	Class *Class
	Self  Value
}

func (*superObj) Type() *Class { return SuperClass }

// GetAttr returns v.name (a new reference).
func (t *Thread) GetAttr(v Value, name string) (Value, error) {
	r, err := t.getAttr(v, name)
	if err == nil && r == nil {
		return nil, t.attributeError(v, name)
	}
	return r, err
}

func (t *Thread) attributeError(v Value, name string) error {
	var e *Instance
	switch o := v.(type) {
	case *Module:
		e = t.newExcf(AttributeErrorClass, "module '%s' has no attribute '%s'", o.Name, name)
	case *Class:
		e = t.newExcf(AttributeErrorClass, "type object '%s' has no attribute '%s'", o.Name, name)
	default:
		e = t.newExcf(AttributeErrorClass, "'%s' object has no attribute '%s'", v.Type().Name, name)
	}
	e.Exc.Suggestion = t.attrSuggestion(v, name)
	return e
}

// getAttr returns v.name, or nil if there is no such attribute.
func (t *Thread) getAttr(v Value, name string) (Value, error) { return t.lookupAttr(v, name, true) }

// lookupAttr is getAttr; without hooks it is object.__getattribute__: a class's
// own __getattribute__ and __getattr__ are not asked.
func (t *Thread) lookupAttr(v Value, name string, hooks bool) (Value, error) {
	if hooks && t.in.getattributeHooks {
		if o, ok := v.(*Instance); ok && o.local == nil {
			if ga := o.Class.userLookup("__getattribute__"); ga != nil {
				return t.callGetattribute(ga, o, name)
			}
		}
	}
	if name == "__class__" {
		c := v.Type()
		t.Incref(c)
		return c, nil
	}
	switch o := v.(type) {
	case *Instance:
		if o.local != nil {
			if err := t.selectLocal(o); err != nil {
				return nil, err
			}
		}
		if o.Dict != nil {
			if a := o.Dict.getStr(name); a != nil {
				t.Incref(a)
				return a, nil
			}
		}
		if name == "__dict__" && o.Dict != nil {
			t.Incref(o.Dict)
			return o.Dict, nil
		}
		if o.Exc != nil {
			switch name {
			case "args":
				t.Incref(o.Exc.Args)
				return o.Exc.Args, nil
			case "__cause__", "__context__":
				c := o.Exc.Cause
				if name == "__context__" {
					c = o.Exc.Context
				}
				if c == nil {
					return None, nil
				}
				t.Incref(c)
				return c, nil
			case "__traceback__":
				return t.outerTraceback(o), nil
			case "value":
				if o.Class.IsSubclass(StopIterationClass) {
					v := stopIterationValue(o)
					t.Incref(v)
					return v, nil
				}
			}
		}
		if a, method := o.Class.lookupMethod(name); a != nil {
			if b, ok := a.(*Builtin); ok && b.Self == nil && !method {
				// A builtin function put in a class's dict (selectors' _select =
				// select.select) is no descriptor: it does not bind.
				t.Incref(a)
				return a, nil
			}
			return t.bind(a, v), nil
		}
		if g := o.Class.Lookup("__getattr__"); hooks && g != nil {
			return t.callGetattr(g, v, name)
		}
		return nil, nil
	case *Class:
		switch name {
		case "__name__":
			return t.NewStr(o.Name), nil
		case "__qualname__":
			return t.NewStr(o.QualName), nil
		case "__module__":
			return t.NewStr(o.Module), nil
		case "__base__":
			base := Value(None)
			if o.Base != nil {
				base = o.Base
			}
			t.Incref(base)
			return base, nil
		case "__bases__":
			return t.basesTuple(o), nil
		case "__mro__":
			return t.mroTuple(o), nil
		case "__doc__", "__annotations__":
			if o.Dict == nil || o.builtin {
				return None, nil
			}
			if name == "__annotations__" {
				return t.ownAnnotations(o.Dict), nil
			}
			if d := o.Dict.getStr(name); d != nil {
				t.Incref(d)
				return d, nil
			}
			return None, nil
		case "__dict__":
			if o.Dict != nil {
				t.Incref(o.Dict)
				return o.Dict, nil
			}
		}
		if o.Meta != nil {
			// A metaclass's data descriptors come before the class's attributes.
			if p, ok := o.Meta.Lookup(name).(*property); ok {
				return t.bind(p, o), nil
			}
		}
		if a, method := o.lookupMethod(name); a != nil {
			// Descriptors reached through the class: a staticmethod gives its
			// function, a classmethod binds the class.
			switch d := a.(type) {
			case *staticMethod:
				t.Incref(d.fn)
				return d.fn, nil
			case *classMethod:
				m := &BoundMethod{Self: o, Func: d.fn}
				t.in.alloc(&m.Header)
				t.Incref(o)
				t.Incref(d.fn)
				return m, nil
			case *Builtin:
				if d.Self == nil && method {
					return t.unboundMethod(o, d), nil
				}
			}
			t.Incref(a)
			return a, nil
		}
		if o.Meta != nil {
			// The metaclass's attributes, bound to the class.
			if a := o.Meta.Lookup(name); a != nil {
				return t.bind(a, o), nil
			}
			if g := o.Meta.Lookup("__getattr__"); hooks && g != nil {
				return t.callGetattr(g, o, name)
			}
		}
		return nil, nil
	case *Module:
		if a := o.Dict.getStr(name); a != nil {
			t.Incref(a)
			return a, nil
		}
		switch name {
		case "__dict__":
			t.Incref(o.Dict)
			return o.Dict, nil
		case "__annotations__":
			return t.ownAnnotations(o.Dict), nil
		}
		if g := o.Dict.getStr("__getattr__"); g != nil && name != "__getattr__" {
			// PEP 562: a module's __getattr__ is asked for the names it lacks.
			s := t.NewStr(name)
			defer t.Decref(s)
			return t.callValue(g, []Value{s}, nil, false)
		}
		return nil, nil
	case *Function:
		return t.functionAttr(o, name)
	case *GenericAlias, *UnionType:
		return t.genericAttr(o, name)
	case *Builtin:
		switch name {
		case "__name__", "__qualname__":
			return t.NewStr(o.Name), nil
		case "__self__":
			if o.Self != nil {
				t.Incref(o.Self)
				return o.Self, nil
			}
			return None, nil
		}
		return nil, nil
	case *BoundMethod:
		switch name {
		case "__self__":
			t.Incref(o.Self)
			return o.Self, nil
		case "__func__":
			t.Incref(o.Func)
			return o.Func, nil
		}
		return t.getAttr(o.Func, name)
	case *superObj:
		if a := superLookup(o.Self, o.Class, name); a != nil {
			return t.bind(a, o.Self), nil
		}
		if name == "__init__" {
			return t.bind(objectInit, o.Self), nil
		}
		if name == "__init_subclass__" {
			return t.bind(objectInitSubclass, o.Self), nil
		}
		return nil, nil
	}
	sub := subOf(v)
	if sub != nil {
		// An instance of a subclass of a builtin type has a __dict__.
		if a := sub.dict.getStr(name); a != nil {
			t.Incref(a)
			return a, nil
		}
		if name == "__dict__" {
			t.Incref(sub.dict)
			return sub.dict, nil
		}
	}
	// Builtin types: their methods, bound to v, and a few data attributes.
	switch o := v.(type) {
	case *staticMethod:
		if name == "__func__" || name == "__wrapped__" {
			t.Incref(o.fn)
			return o.fn, nil
		}
	case *classMethod:
		if name == "__func__" || name == "__wrapped__" {
			t.Incref(o.fn)
			return o.fn, nil
		}
	case *property:
		// fget, fset, fdel and __doc__ (None when unset).
		switch name {
		case "fget", "fset", "fdel", "__doc__":
			f := map[string]Value{"fget": o.get, "fset": o.set, "fdel": o.del, "__doc__": o.doc}[name]
			if f == nil {
				f = None
			}
			t.Incref(f)
			return f, nil
		}
	case *Generator:
		if a := t.genAttr(o, name); a != nil {
			return a, nil
		}
	case *genFrame:
		if a := t.frameAttr(o, name); a != nil {
			return a, nil
		}
	case *Int, *Bool:
		switch name {
		case "real", "numerator":
			t.Incref(v)
			return v, nil
		case "imag":
			return t.newInt(0), nil
		case "denominator":
			return t.newInt(1), nil
		}
	case *Float:
		switch name {
		case "real":
			t.Incref(v)
			return v, nil
		case "imag":
			return t.newFloat(0), nil
		}
	case *Complex:
		switch name {
		case "real":
			return t.newFloat(o.Re), nil
		case "imag":
			return t.newFloat(o.Im), nil
		}
	case *Slice:
		switch name {
		case "start":
			t.Incref(o.Start)
			return o.Start, nil
		case "stop":
			t.Incref(o.Stop)
			return o.Stop, nil
		case "step":
			t.Incref(o.Step)
			return o.Step, nil
		}
	case *Range:
		switch name {
		case "start":
			return t.newInt(o.Start), nil
		case "stop":
			return t.newInt(o.Stop), nil
		case "step":
			return t.newInt(o.Step), nil
		}
	}
	if a := v.Type().Lookup(name); a != nil {
		return t.bind(a, v), nil
	}
	if sub != nil {
		if g := sub.cls.Lookup("__getattr__"); hooks && g != nil {
			return t.callGetattr(g, v, name)
		}
	}
	return nil, nil
}

// callGetattribute is v.name through a class's own __getattribute__ ga: when it
// raises AttributeError, the class's __getattr__ is asked, as CPython's slot does.
// A nil result without error means no such attribute.
func (t *Thread) callGetattribute(ga Value, v *Instance, name string) (Value, error) {
	s := t.NewStr(name)
	r, err := t.callValue(ga, []Value{v, s}, nil, false)
	t.Decref(s)
	if err == nil {
		return r, nil
	}
	if e, ok := err.(*Instance); ok && e.Class.IsSubclass(AttributeErrorClass) {
		if g := v.Class.Lookup("__getattr__"); g != nil {
			t.Decref(e)
			return t.callGetattr(g, v, name)
		}
	}
	return nil, err
}

// callGetattr asks a class's __getattr__ for name: nil when it raises
// AttributeError.
func (t *Thread) callGetattr(g, v Value, name string) (Value, error) {
	s := t.NewStr(name)
	defer t.Decref(s)
	r, err := t.callValue(g, []Value{v, s}, nil, false)
	if err != nil {
		if e, ok := err.(*Instance); ok && e.Class.IsSubclass(AttributeErrorClass) {
			t.Decref(e)
			return nil, nil
		}
	}
	return r, err
}

// objectInit is object.__init__, reached through super().__init__().
var objectInit = &Builtin{Header: Header{Ref: 1, flags: flagImmortal | flagStatic}, Name: "__init__",
	Fn: func(t *Thread, args []Value, kw []string) (Value, error) { return None, nil }}

// objectInitSubclass is object.__init_subclass__, reached through super(). Its
// function is set by init: raising an error reaches, through a generator's
// finalization, the attribute lookup that refers to this variable.
var objectInitSubclass = &Builtin{Header: Header{Ref: 1, flags: flagImmortal | flagStatic}, Name: "__init_subclass__"}

func init() {
	objectInitSubclass.Fn = func(t *Thread, args []Value, kw []string) (Value, error) {
		if len(kw) > 0 || len(args) > 1 {
			return nil, t.newExcf(TypeErrorClass, "%s.__init_subclass__() takes no keyword arguments", FuncName(args[0]))
		}
		return None, nil
	}
}

// bind returns a, found on a class, as seen through instance self: functions become
// bound methods, builtin methods are bound to self. The result is a new reference.
func (t *Thread) bind(a Value, self Value) Value {
	switch f := a.(type) {
	case *Function:
		m := &BoundMethod{Self: self, Func: f}
		t.in.alloc(&m.Header)
		t.Incref(self)
		t.Incref(f)
		return m
	case *Builtin:
		if f.Self == nil {
			m := &Builtin{Name: f.Name, Fn: f.Fn, Self: self, Push: f.Push}
			t.in.alloc(&m.Header)
			t.Incref(self)
			return m
		}
	case *staticMethod:
		t.Incref(f.fn)
		return f.fn
	case *classMethod:
		cls := self
		if _, ok := self.(*Class); !ok {
			cls = self.Type()
		}
		m := &BoundMethod{Self: cls, Func: f.fn}
		t.in.alloc(&m.Header)
		t.Incref(cls)
		t.Incref(f.fn)
		return m
	case *property:
		if f.get == nil {
			t.pendingAttrErr = t.newExcf(AttributeErrorClass, "property of '%s' object has no getter", self.Type().Name)
			return nil
		}
		r, err := t.callValue(f.get, []Value{self}, nil, false)
		if err != nil {
			t.pendingAttrErr = err
			return nil
		}
		return r
	}
	t.Incref(a)
	return a
}

// loadMethod implements LOAD_ATTR's method form: it returns (meth, self) for a plain
// function or builtin method found on the class, so that no bound method is made, and
// (nil, attr) otherwise. Both results are new references.
func (t *Thread) loadMethod(v Value, name string) (Value, Value, error) {
	var cls *Class
	switch o := v.(type) {
	case *Instance:
		if o.local != nil {
			if err := t.selectLocal(o); err != nil {
				return nil, nil, err
			}
		}
		if o.Dict != nil && o.Dict.getStr(name) != nil ||
			t.in.getattributeHooks && o.Class.userLookup("__getattribute__") != nil {
			break
		}
		cls = o.Class
	case *Class, *Module, *superObj, *BoundMethod, *Function, *Builtin:
	default:
		if s := subOf(v); s == nil || s.dict.getStr(name) == nil {
			cls = v.Type()
		}
	}
	if cls != nil {
		a, method := cls.lookupMethod(name)
		switch f := a.(type) {
		case *Function:
			t.Incref(f)
			t.Incref(v)
			return f, v, nil
		case *Builtin:
			if f.Self == nil && method {
				t.Incref(v)
				return f, v, nil
			}
		}
	}
	a, err := t.GetAttr(v, name)
	if err == nil && t.pendingAttrErr != nil {
		err, t.pendingAttrErr = t.pendingAttrErr, nil
	}
	return nil, a, err
}

// SetAttr sets v.name = x.
func (t *Thread) SetAttr(v Value, name string, x Value) error {
	if m := userAttrHook(v, "__setattr__"); m != nil {
		s := t.NewStr(name)
		defer t.Decref(s)
		r, err := t.callUser(m, v, s, x)
		t.xdecref(r)
		return err
	}
	return t.setAttr(v, name, x)
}

// userAttrHook returns the __setattr__ or __delattr__ a class of the program
// defines for its instances v, or nil.
func userAttrHook(v Value, name string) Value {
	switch o := v.(type) {
	case *Instance:
		if o.local == nil {
			return o.Class.userLookup(name)
		}
	case *Dict, *List, *Str, *Int, *Float, *Tuple, *Class:
		return userDunder(v, name)
	}
	return nil
}

// setAttr is v.name = x as object.__setattr__ does it.
func (t *Thread) setAttr(v Value, name string, x Value) error {
	switch o := v.(type) {
	case *property:
		if name != "__doc__" { // CPython's is writable (sched.py sets its fields' docs)
			break
		}
		old := o.doc
		o.doc = nil
		if x != None {
			t.Incref(x)
			o.doc = x
		}
		t.xdecref(old)
		return nil
	case *Instance:
		if o.local != nil {
			if err := t.selectLocal(o); err != nil {
				return err
			}
		}
		if p, ok := o.Class.Lookup(name).(*property); ok {
			if p.set == nil {
				return t.newExcf(AttributeErrorClass, "property '%s' of '%s' object has no setter", name, o.Class.Name)
			}
			r, err := t.callValue(p.set, []Value{v, x}, nil, false)
			t.xdecref(r)
			return err
		}
		if o.Exc != nil && name == "args" {
			return t.newExc(TypeErrorClass, "gilscope does not support assigning args")
		}
		if o.Exc != nil && (name == "__cause__" || name == "__context__") {
			return nil
		}
		t.setStr(o.Dict, name, x)
		return nil
	case *Class:
		if o.builtin {
			return t.newExcf(TypeErrorClass, "cannot set '%s' attribute of immutable type '%s'", name, o.Name)
		}
		t.setStr(o.Dict, name, x)
		if m, ok := x.(*Str); ok && name == "__module__" {
			o.Module = m.S // read from the field: reprs and pickle use it
		}
		if name == "__getattribute__" {
			t.in.getattributeHooks = true
		}
		if name == "__del__" {
			t.in.delHooks = true
		}
		if fn, ok := x.(*Function); ok && fn.defClass == nil {
			fn.defClass = o
		}
		return nil
	case *Module:
		t.setStr(o.Dict, name, x)
		return nil
	case *Function:
		return t.setFunctionAttr(o, name, x)
	}
	if s := subOf(v); s != nil {
		if p, ok := s.cls.Lookup(name).(*property); ok {
			if p.set == nil {
				return t.newExcf(AttributeErrorClass, "property '%s' of '%s' object has no setter", name, s.cls.Name)
			}
			r, err := t.callValue(p.set, []Value{v, x}, nil, false)
			t.xdecref(r)
			return err
		}
		t.setStr(s.dict, name, x)
		return nil
	}
	if v.Type().Lookup(name) != nil {
		return t.newExcf(AttributeErrorClass, "'%s' object attribute '%s' is read-only", v.Type().Name, name)
	}
	return t.newExcf(AttributeErrorClass, "'%s' object has no attribute '%s'", v.Type().Name, name)
}

// DelAttr deletes v.name.
func (t *Thread) DelAttr(v Value, name string) error {
	if m := userAttrHook(v, "__delattr__"); m != nil {
		s := t.NewStr(name)
		defer t.Decref(s)
		r, err := t.callUser(m, v, s)
		t.xdecref(r)
		return err
	}
	return t.delAttr(v, name)
}

// delAttr is del v.name as object.__delattr__ does it.
func (t *Thread) delAttr(v Value, name string) error {
	switch v.(type) {
	case *Instance, *Class, *Module:
		if inst, ok := v.(*Instance); ok {
			if p, ok := inst.Class.Lookup(name).(*property); ok {
				return t.propertyDelete(p, v, name)
			}
		}
	default:
		if s := subOf(v); s != nil {
			if p, ok := s.cls.Lookup(name).(*property); ok {
				return t.propertyDelete(p, v, name)
			}
		}
	}
	var d *Dict
	switch o := v.(type) {
	case *Instance:
		if o.local != nil {
			if err := t.selectLocal(o); err != nil {
				return err
			}
		}
		d = o.Dict
	case *Class:
		if !o.builtin {
			d = o.Dict
		}
	case *Module:
		d = o.Dict
	default:
		if s := subOf(v); s != nil {
			d = s.dict
		}
	}
	if d != nil {
		k := t.NewStr(name)
		found, err := t.dictDel(d, k)
		t.Decref(k)
		if err != nil || found {
			return err
		}
	}
	return t.attributeError(v, name)
}

// propertyDelete is del v.name where v's class has a property called name.
func (t *Thread) propertyDelete(p *property, v Value, name string) error {
	if p.del == nil {
		return t.newExcf(AttributeErrorClass, "property '%s' of '%s' object has no deleter", name, v.Type().Name)
	}
	r, err := t.callValue(p.del, []Value{v}, nil, false)
	t.xdecref(r)
	return err
}

// staticMethod, classMethod and property are the descriptors of the decorators of the
// same names (usable as functions: `f = staticmethod(f)`).
type staticMethod struct {
	Header
	fn Value
}

type classMethod struct {
	Header
	fn Value
}

type property struct {
	Header
	get, set, del Value // nil when unset
	doc           Value // __doc__: the given doc, or fget's; nil for None
}

var (
	staticMethodClass = newBuiltinClass("staticmethod", ObjectClass)
	classMethodClass  = newBuiltinClass("classmethod", ObjectClass)
	propertyClass     = newBuiltinClass("property", ObjectClass)
)

func (*staticMethod) Type() *Class { return staticMethodClass }
func (*classMethod) Type() *Class  { return classMethodClass }
func (*property) Type() *Class     { return propertyClass }

// lookupMethod is Lookup that also reports whether what it found is a method of a
// builtin type (which takes its receiver as its first argument), not a value put in
// a class's dict, in the one walk of the MRO.
func (c *Class) lookupMethod(name string) (v Value, method bool) {
	return lookupKindIn(c.MRO(), name)
}

// unboundMethod is a builtin type's method reached through the class
// (str.upper): called with no receiver it raises TypeError as CPython's method
// descriptors do, where the method itself would index an empty argument list.
func (t *Thread) unboundMethod(c *Class, m *Builtin) Value {
	fn := m.Fn
	for _, k := range c.MRO() {
		if k.Methods[m.Name] == Value(m) {
			c = k // the builtin type that defines it, as its descriptor's
			break
		}
	}
	u := &Builtin{Name: m.Name, Fn: func(t *Thread, args []Value, kw []string) (Value, error) {
		if len(args) == 0 {
			return nil, t.newExcf(TypeErrorClass, "unbound method %s.%s() needs an argument", c.Name, m.Name)
		}
		if !IsInstance(args[0], c) {
			return nil, t.newExcf(TypeErrorClass, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object", m.Name, c.Name, args[0].Type().Name)
		}
		return fn(t, args, kw)
	}}
	t.in.alloc(&u.Header)
	return u
}

func init() {
	ObjectClass.method("__getattribute__", func(t *Thread, args []Value, kw []string) (Value, error) {
		if err := t.nargs("__getattribute__", args[1:], kw, 1, 1); err != nil {
			return nil, err
		}
		name, ok := args[1].(*Str)
		if !ok {
			return nil, t.newExcf(TypeErrorClass, "attribute name must be string, not '%s'", args[1].Type().Name)
		}
		r, err := t.lookupAttr(args[0], name.S, false)
		if err == nil && t.pendingAttrErr != nil {
			err, t.pendingAttrErr = t.pendingAttrErr, nil
		}
		if err == nil && r == nil {
			return nil, t.attributeError(args[0], name.S)
		}
		return r, err
	})
	ObjectClass.method("__setattr__", func(t *Thread, args []Value, kw []string) (Value, error) {
		if err := t.nargs("__setattr__", args[1:], kw, 2, 2); err != nil {
			return nil, err
		}
		name, ok := args[1].(*Str)
		if !ok {
			return nil, t.newExcf(TypeErrorClass, "attribute name must be string, not '%s'", args[1].Type().Name)
		}
		return None, t.setAttr(args[0], name.S, args[2])
	})
	ObjectClass.method("__delattr__", func(t *Thread, args []Value, kw []string) (Value, error) {
		if err := t.nargs("__delattr__", args[1:], kw, 1, 1); err != nil {
			return nil, err
		}
		name, ok := args[1].(*Str)
		if !ok {
			return nil, t.newExcf(TypeErrorClass, "attribute name must be string, not '%s'", args[1].Type().Name)
		}
		return None, t.delAttr(args[0], name.S)
	})
}
