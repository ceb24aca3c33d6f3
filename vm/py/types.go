// This file defines classes and the object kinds built on them: classes, instances,
// functions, bound methods, builtin functions and modules.

package py

import (
	"sync/atomic"

	"github.com/gilscope/gilscope/vm/compile"
)

// BuiltinFunc is the Go signature of a builtin function or method. Args holds the
// positional arguments followed by the values of the keyword arguments named by kw
// (CPython's vectorcall convention); for methods, args[0] is self. Args are borrowed;
// the result is a new reference.
type BuiltinFunc func(t *Thread, args []Value, kw []string) (Value, error)

// Class is a Python class: a builtin type (shared by every interpreter and never
// modified after start-up) or a user-defined class.
type Class struct {
	Header
	Name     string
	QualName string
	Module   string
	Base     *Class
	Dict     *Dict // attributes of user classes; nil for builtin types
	// Methods are the builtin methods and attributes of a builtin type.
	Methods map[string]Value
	// New constructs an instance of a builtin type (cls may be a user subclass).
	New     BuiltinFunc
	builtin bool
	// Bases are the bases of a class with several (nil otherwise: Base is the one);
	// mro is the method resolution order, computed once (see MRO). Builtin classes
	// are shared by every run in a process, so it is set atomically.
	Bases []*Class
	mro   atomic.Pointer[[]*Class]
	// Meta is the class's metaclass when it is not type (an owned reference).
	Meta *Class
}

// Instance is an instance of a user-defined class (exceptions included).
type Instance struct {
	Header
	Class *Class
	Dict  *Dict
	Exc   *ExcState   // non-nil for exception instances
	local *localState // non-nil for threading.local objects: Dict is per thread
}

// Function is a Python function.
type Function struct {
	Header
	Code       *compile.Funcode
	Globals    *Dict
	Defaults   *Tuple
	KwDefaults *Dict
	Closure    []*Cell
	Name       string
	QualName   string
	consts     []Value
	defClass   *Class // the class whose body defined this function (for super())
	// Annotations is __annotations__ (nil until made); Dict holds the attributes a
	// program sets on the function (nil until the first).
	Annotations *Dict
	Dict        *Dict
	// doc and module are __doc__ and __module__ once a program sets them.
	doc, module Value
	// builtins is the builtins namespace of code exec or eval ran with globals
	// whose __builtins__ is a dict of its own (an owned reference), inherited by
	// the functions that code makes; nil for the interpreter's.
	builtins *Dict
}

// BoundMethod is a function bound to an instance.
type BoundMethod struct {
	Header
	Self Value
	Func Value
}

// Builtin is a builtin function or method.
type Builtin struct {
	Header
	Name string
	// Module is the module that defines the function ("" for the builtins): pickling
	// records it, so that a forked process finds `from time import sleep` again.
	Module string
	Fn     BuiltinFunc
	Self   Value // bound receiver, or nil
	// Push, if set, is how Python code calls the builtin (CALL): it may push a frame
	// that produces the result, returning (nil, nil), as next(gen) does so that the
	// generator's body runs in the thread's loop. A nil result without error and
	// without a pushed frame means Fn must be called instead.
	Push BuiltinFunc
}

// Module is a module object.
type Module struct {
	Header
	Name string
	Dict *Dict
}

func (*NoneType) Type() *Class           { return NoneClass }
func (*Bool) Type() *Class               { return BoolClass }
func (*Cell) Type() *Class               { return CellClass }
func (*Slice) Type() *Class              { return SliceClass }
func (*Range) Type() *Class              { return RangeClass }
func (*notImplementedType) Type() *Class { return NotImplementedClass }
func (*ellipsisType) Type() *Class       { return EllipsisClass }
func (i *Instance) Type() *Class         { return i.Class }
func (*Function) Type() *Class           { return FunctionClass }
func (*BoundMethod) Type() *Class        { return MethodClass }
func (*Builtin) Type() *Class            { return BuiltinClass }
func (*Module) Type() *Class             { return ModuleClass }

func (c *Class) Type() *Class {
	if c.Meta != nil {
		return c.Meta
	}
	return TypeClass
}

func (i *Int) Type() *Class {
	if i.sub != nil {
		return i.sub.cls
	}
	return IntClass
}

func (b *Bytes) Type() *Class {
	if b.sub != nil {
		return b.sub.cls
	}
	return BytesClass
}

func (f *Float) Type() *Class {
	if f.sub != nil {
		return f.sub.cls
	}
	return FloatClass
}

// newBuiltinClass makes an immortal builtin type.
func newBuiltinClass(name string, base *Class) *Class {
	return &Class{Header: Header{Ref: 1, flags: flagImmortal | flagStatic}, Name: name, QualName: name,
		Module: "builtins", Base: base, Methods: map[string]Value{}, builtin: true}
}

// Builtin types. Their method tables are filled in by init functions.
var (
	ObjectClass         = newBuiltinClass("object", nil)
	TypeClass           = newBuiltinClass("type", ObjectClass)
	NoneClass           = newBuiltinClass("NoneType", ObjectClass)
	IntClass            = newBuiltinClass("int", ObjectClass)
	BoolClass           = newBuiltinClass("bool", IntClass)
	FloatClass          = newBuiltinClass("float", ObjectClass)
	StrClass            = newBuiltinClass("str", ObjectClass)
	BytesClass          = newBuiltinClass("bytes", ObjectClass)
	ListClass           = newBuiltinClass("list", ObjectClass)
	TupleClass          = newBuiltinClass("tuple", ObjectClass)
	DictClass           = newBuiltinClass("dict", ObjectClass)
	SetClass            = newBuiltinClass("set", ObjectClass)
	FrozenSetClass      = newBuiltinClass("frozenset", ObjectClass)
	RangeClass          = newBuiltinClass("range", ObjectClass)
	SliceClass          = newBuiltinClass("slice", ObjectClass)
	CellClass           = newBuiltinClass("cell", ObjectClass)
	FunctionClass       = newBuiltinClass("function", ObjectClass)
	MethodClass         = newBuiltinClass("method", ObjectClass)
	BuiltinClass        = newBuiltinClass("builtin_function_or_method", ObjectClass)
	ModuleClass         = newBuiltinClass("module", ObjectClass)
	NotImplementedClass = newBuiltinClass("NotImplementedType", ObjectClass)
	EllipsisClass       = newBuiltinClass("ellipsis", ObjectClass)
	IteratorClass       = newBuiltinClass("iterator", ObjectClass)
	SuperClass          = newBuiltinClass("super", ObjectClass)
)

// IsSubclass reports whether c is sub or derives from it.
func (c *Class) IsSubclass(sup *Class) bool {
	for _, k := range c.MRO() {
		if k == sup {
			return true
		}
	}
	return false
}

// Lookup finds an attribute on the class or its bases (its MRO), returning a
// borrowed reference.
func (c *Class) Lookup(name string) Value { return lookupIn(c.MRO(), name) }

// lookupIn finds an attribute on the first of classes that has it.
func lookupIn(classes []*Class, name string) Value {
	v, _ := lookupKindIn(classes, name)
	return v
}

// lookupKindIn is lookupIn that also reports whether the attribute is a builtin
// type's method (from Methods) rather than a value of a class's dict.
func lookupKindIn(classes []*Class, name string) (Value, bool) {
	for _, k := range classes {
		if k.Dict != nil {
			if v := k.Dict.getStr(name); v != nil {
				return v, false
			}
		}
		if v, ok := k.Methods[name]; ok {
			return v, true
		}
	}
	return nil, false
}

// IsInstance reports whether v is an instance of c.
func IsInstance(v Value, c *Class) bool { return v.Type().IsSubclass(c) }

// method registers a builtin method on a builtin type.
func (c *Class) method(name string, fn BuiltinFunc) {
	c.Methods[name] = &Builtin{Header: Header{Ref: 1, flags: flagImmortal | flagStatic}, Name: name, Fn: fn}
}
