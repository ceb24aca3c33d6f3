package py

import (
	"testing"

	"github.com/gilscope/gilscope/vm/compile"
)

// TestHeaderFirst checks the layout hdrOf relies on: for every kind of object, the
// interface's data word points at the object's Header.
func TestHeaderFirst(t *testing.T) {
	in := NewInterp(&compile.Program{Toplevel: &compile.Funcode{}}, DefaultConfig(), nil, nil)
	th := in.newThread("t")
	values := []Value{None, True, NotImplemented, th.newInt(1000), th.newFloat(1), th.newBytes("b"),
		&Cell{}, &Slice{}, &Range{}, IntClass, &Instance{}, &Function{}, &BoundMethod{}, &Builtin{},
		&Module{}, th.NewStr("s"), th.newList(nil), th.newTuple([]Value{None}), &iterator{},
		th.NewDict(), th.newSet(false), &superObj{}, &staticMethod{}, &classMethod{}, &property{},
		&codeObject{}, &stdStream{}, &dictView{}, &Generator{}, &genFrame{}, &lazyIter{}, &tbObject{}, &tbFrame{}}
	for _, v := range values {
		if hdrOf(v) != v.hdr() {
			t.Errorf("%T: the Header is not the first field", v)
		}
	}
}
