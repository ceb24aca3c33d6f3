// This file defines traceback objects (an exception's __traceback__, sys.exc_info's
// third item) and the frames they name: views of the exception's traceback
// entries, outermost first, with tb_lineno, tb_lasti, tb_next and tb_frame (whose
// f_code and f_lineno are the entry's).

package py

import (
	"strings"

	"github.com/gilscope/gilscope/vm/compile"
)

var tracebackClass = newBuiltinClass("traceback", ObjectClass)

// tbObject is entry i of exc's traceback (entries are kept innermost first, so the
// outermost, where the exception was caught, is the last).
type tbObject struct {
	Header
	exc *Instance // owned
	i   int
}

func (*tbObject) Type() *Class { return tracebackClass }

// tbFrame is a traceback entry's frame: its code and line.
type tbFrame struct {
	Header
	code *compile.Funcode
	line int32
}

func (*tbFrame) Type() *Class { return frameClass }

// newTraceback returns exc's traceback object from entry i (None when there is
// none).
func (t *Thread) newTraceback(exc *Instance, i int) Value {
	if exc == nil || exc.Exc == nil || i < 0 || i >= len(exc.Exc.TB) {
		return None
	}
	t.Incref(exc)
	tb := &tbObject{exc: exc, i: i}
	t.in.alloc(&tb.Header)
	return tb
}

// outerTraceback is exc.__traceback__: its outermost entry.
func (t *Thread) outerTraceback(exc *Instance) Value {
	if exc.Exc == nil {
		return None
	}
	return t.newTraceback(exc, len(exc.Exc.TB)-1)
}

func init() {
	attr := func(c *Class, name string, fn func(t *Thread, v Value) Value) {
		get := &Builtin{Header: Header{Ref: 1, flags: flagImmortal | flagStatic}, Name: name,
			Fn: func(t *Thread, args []Value, kw []string) (Value, error) { return fn(t, args[0]), nil }}
		c.Methods[name] = &property{Header: Header{Ref: 1, flags: flagImmortal | flagStatic}, get: get}
	}
	entry := func(v Value) TBEntry {
		tb := v.(*tbObject)
		return tb.exc.Exc.TB[tb.i]
	}
	attr(tracebackClass, "tb_lineno", func(t *Thread, v Value) Value {
		e := entry(v)
		return t.newInt(int64(e.Code.Pos[e.PC].Line))
	})
	attr(tracebackClass, "tb_lasti", func(t *Thread, v Value) Value { return t.newInt(int64(entry(v).PC) * 2) })
	attr(tracebackClass, "tb_next", func(t *Thread, v Value) Value {
		tb := v.(*tbObject)
		return t.newTraceback(tb.exc, tb.i-1)
	})
	attr(tracebackClass, "tb_frame", func(t *Thread, v Value) Value {
		e := entry(v)
		fr := &tbFrame{code: e.Code, line: e.Code.Pos[e.PC].Line}
		t.in.alloc(&fr.Header)
		return fr
	})
	attr(frameClass, "f_code", func(t *Thread, v Value) Value {
		var code *compile.Funcode
		switch fr := v.(type) {
		case *tbFrame:
			code = fr.code
		case *genFrame:
			if fr.g.frame != nil {
				code = fr.g.frame.code
			}
		}
		if code == nil {
			return None
		}
		co := &codeObject{code: code}
		t.in.alloc(&co.Header)
		return co
	})
	attr(frameClass, "f_lineno", func(t *Thread, v Value) Value {
		if fr, ok := v.(*tbFrame); ok {
			return t.newInt(int64(fr.line))
		}
		if l := t.frameAttr(v.(*genFrame), "f_lineno"); l != nil {
			return l
		}
		return None
	})
}

// FormatTraceback is traceback.format_tb(tb): one string per entry of the traceback
// object tb, outermost first, as a traceback prints them; ok is false when tb is
// not a traceback object.
func (t *Thread) FormatTraceback(tb Value) (entries []string, ok bool) {
	o, ok := tb.(*tbObject)
	if !ok {
		return nil, false
	}
	for i := o.i; i >= 0; i-- {
		var b strings.Builder
		t.formatEntry(&b, o.exc.Exc.TB[i])
		entries = append(entries, b.String())
	}
	return entries, true
}
