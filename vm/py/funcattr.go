package py

// This file defines the attributes of Python functions: the ones CPython keeps in
// the function object (__name__, __qualname__, __defaults__, __annotations__ …) and
// those a program sets (f.calls = 0, functools.wraps's __wrapped__), kept in the
// function's __dict__.

// functionAttr returns fn.name, or nil if fn has no such attribute.
func (t *Thread) functionAttr(fn *Function, name string) (Value, error) {
	if fn.Dict != nil {
		if a := fn.Dict.getStr(name); a != nil {
			t.Incref(a)
			return a, nil
		}
	}
	switch name {
	case "__name__":
		return t.NewStr(fn.Name), nil
	case "__qualname__":
		return t.NewStr(fn.QualName), nil
	case "__module__", "__doc__":
		if v := fn.doc; name == "__doc__" && v != nil || name == "__module__" && fn.module != nil {
			if name == "__module__" {
				v = fn.module
			}
			t.Incref(v)
			return v, nil
		}
	}
	switch name {
	case "__module__":
		if m := fn.Globals.getStr("__name__"); m != nil {
			t.Incref(m)
			return m, nil
		}
		return None, nil
	case "__doc__":
		if fn.Code.HasDoc {
			d := fn.consts[0]
			t.Incref(d)
			return d, nil
		}
		return None, nil
	case "__defaults__":
		if fn.Defaults == nil {
			return None, nil
		}
		t.Incref(fn.Defaults)
		return fn.Defaults, nil
	case "__kwdefaults__":
		if fn.KwDefaults == nil {
			return None, nil
		}
		t.Incref(fn.KwDefaults)
		return fn.KwDefaults, nil
	case "__annotations__":
		if fn.Annotations == nil {
			fn.Annotations = t.NewDict()
		}
		t.Incref(fn.Annotations)
		return fn.Annotations, nil
	case "__dict__":
		if fn.Dict == nil {
			fn.Dict = t.NewDict()
		}
		t.Incref(fn.Dict)
		return fn.Dict, nil
	case "__globals__":
		t.Incref(fn.Globals)
		return fn.Globals, nil
	case "__code__":
		co := &codeObject{code: fn.Code}
		t.in.alloc(&co.Header)
		return co, nil
	case "__type_params__":
		return emptyTuple, nil
	}
	return nil, nil
}

// setFunctionAttr sets fn.name = x.
func (t *Thread) setFunctionAttr(fn *Function, name string, x Value) error {
	switch name {
	case "__name__", "__qualname__":
		s, ok := x.(*Str)
		if !ok {
			return t.newExcf(TypeErrorClass, "%s must be set to a string object", name)
		}
		if name == "__name__" {
			fn.Name = s.S
		} else {
			fn.QualName = s.S
		}
		return nil
	case "__defaults__":
		switch d := x.(type) {
		case *Tuple:
			t.Incref(d)
			t.xdecrefNil(fn.Defaults)
			fn.Defaults = d
		default:
			if x != None {
				return t.newExc(TypeErrorClass, "__defaults__ must be set to a tuple object")
			}
			t.xdecrefNil(fn.Defaults)
			fn.Defaults = nil
		}
		return nil
	case "__annotations__", "__dict__":
		d, ok := x.(*Dict)
		if !ok {
			return t.newExcf(TypeErrorClass, "%s must be set to a dict object", name)
		}
		t.Incref(d)
		if name == "__dict__" {
			t.xdecrefNil(fn.Dict)
			fn.Dict = d
		} else {
			t.xdecrefNil(fn.Annotations)
			fn.Annotations = d
		}
		return nil
	case "__doc__", "__module__":
		t.Incref(x)
		if name == "__doc__" {
			t.xdecref(fn.doc)
			fn.doc = x
		} else {
			t.xdecref(fn.module)
			fn.module = x
		}
		return nil
	case "__type_params__":
		if tu, ok := x.(*Tuple); !ok || len(tu.Items) > 0 {
			return t.newExc(TypeErrorClass, "gilscope does not support type parameters yet")
		}
		return nil
	case "__globals__", "__closure__", "__code__", "__kwdefaults__":
		return t.newExcf(AttributeErrorClass, "gilscope does not support setting a function's %s yet", name)
	}
	if fn.Dict == nil {
		fn.Dict = t.NewDict()
	}
	t.setStr(fn.Dict, name, x)
	return nil
}
