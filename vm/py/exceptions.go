// This file defines exceptions: the builtin exception classes, exception state
// (args, traceback, cause, context) and CPython 3.12's traceback format.

package py

import (
	"fmt"
	"strings"

	"github.com/gilscope/gilscope/vm/compile"
	"github.com/gilscope/gilscope/vm/syntax"
)

// ExcState is the exception part of an exception instance.
type ExcState struct {
	Args     *Tuple
	TB       []TBEntry // innermost first
	Cause    *Instance
	Context  *Instance
	Suppress bool // __suppress_context__ (set by raise … from …)
	// Suggestion is the name a traceback offers after "Did you mean".
	Suggestion string
	// OS is (errno, strerror, filename, filename2) of an OSError made with 2 to
	// 5 arguments (oserrors.go), nil otherwise.
	OS *Tuple
}

// TBEntry is one traceback entry: a code object and the instruction executing in it.
type TBEntry struct {
	Code *compile.Funcode
	PC   int
}

func (e *ExcState) addTraceback(f *Frame) {
	if f == nil || f.code == baseCode || isDrainCode(f.code) || CFrameFiles[f.code.Filename] {
		return
	}
	e.TB = append(e.TB, TBEntry{Code: f.code, PC: f.lasti})
}

// CFrameFiles are the files of library code written in Python that stands for
// CPython's C code (builtins.open and its file objects): tracebacks leave their
// frames out, as CPython's show no C function. Set at initialisation only.
var CFrameFiles = map[string]bool{}

// Error makes exception instances usable as Go errors.
func (i *Instance) Error() string {
	if i.Exc != nil && i.Exc.Args != nil && len(i.Exc.Args.Items) == 1 {
		if s, ok := i.Exc.Args.Items[0].(*Str); ok {
			return i.Class.Name + ": " + s.S
		}
	}
	return i.Class.Name
}

func newExcClass(name string, base *Class) *Class {
	return newBuiltinClass(name, base)
}

// Builtin exception classes.
var (
	BaseExceptionClass       = newExcClass("BaseException", ObjectClass)
	ExceptionClass           = newExcClass("Exception", BaseExceptionClass)
	KeyboardInterruptClass   = newExcClass("KeyboardInterrupt", BaseExceptionClass)
	SystemExitClass          = newExcClass("SystemExit", BaseExceptionClass)
	ArithmeticErrorClass     = newExcClass("ArithmeticError", ExceptionClass)
	ZeroDivisionErrorClass   = newExcClass("ZeroDivisionError", ArithmeticErrorClass)
	OverflowErrorClass       = newExcClass("OverflowError", ArithmeticErrorClass)
	LookupErrorClass         = newExcClass("LookupError", ExceptionClass)
	KeyErrorClass            = newExcClass("KeyError", LookupErrorClass)
	IndexErrorClass          = newExcClass("IndexError", LookupErrorClass)
	ValueErrorClass          = newExcClass("ValueError", ExceptionClass)
	TypeErrorClass           = newExcClass("TypeError", ExceptionClass)
	NameErrorClass           = newExcClass("NameError", ExceptionClass)
	UnboundLocalErrorClass   = newExcClass("UnboundLocalError", NameErrorClass)
	AttributeErrorClass      = newExcClass("AttributeError", ExceptionClass)
	RuntimeErrorClass        = newExcClass("RuntimeError", ExceptionClass)
	RecursionErrorClass      = newExcClass("RecursionError", RuntimeErrorClass)
	NotImplementedErrorClass = newExcClass("NotImplementedError", RuntimeErrorClass)
	AssertionErrorClass      = newExcClass("AssertionError", ExceptionClass)
	StopIterationClass       = newExcClass("StopIteration", ExceptionClass)
	MemoryErrorClass         = newExcClass("MemoryError", ExceptionClass)
	ImportErrorClass         = newExcClass("ImportError", ExceptionClass)
	ModuleNotFoundErrorClass = newExcClass("ModuleNotFoundError", ImportErrorClass)
	SystemErrorClass         = newExcClass("SystemError", ExceptionClass)
	OSErrorClass             = newExcClass("OSError", ExceptionClass)
	TimeoutErrorClass        = newExcClass("TimeoutError", OSErrorClass)
	UnicodeErrorClass        = newExcClass("UnicodeError", ValueErrorClass)
)

var exceptionClasses = []*Class{
	BaseExceptionClass, ExceptionClass, KeyboardInterruptClass, SystemExitClass,
	ArithmeticErrorClass, ZeroDivisionErrorClass, OverflowErrorClass, LookupErrorClass,
	KeyErrorClass, IndexErrorClass, ValueErrorClass, TypeErrorClass, NameErrorClass,
	UnboundLocalErrorClass, AttributeErrorClass, RuntimeErrorClass, RecursionErrorClass,
	NotImplementedErrorClass, AssertionErrorClass, StopIterationClass, MemoryErrorClass,
	ImportErrorClass, ModuleNotFoundErrorClass, SystemErrorClass, OSErrorClass,
	TimeoutErrorClass, UnicodeErrorClass, GeneratorExitClass,
}

// excNew constructs a builtin exception: args[0] is the class.
func excNew(t *Thread, args []Value, kw []string) (Value, error) {
	cls := args[0].(*Class)
	if len(kw) > 0 {
		return nil, t.newExcf(TypeErrorClass, "%s() takes no keyword arguments", cls.Name)
	}
	inst := &Instance{Class: cls, Exc: &ExcState{}}
	t.in.alloc(&inst.Header)
	items := make([]Value, len(args)-1)
	for i, a := range args[1:] {
		t.Incref(a)
		items[i] = a
	}
	inst.Exc.Args = t.newTuple(items)
	return inst, nil
}

func init() {
	for _, c := range exceptionClasses {
		c.New = excNew
	}
	BaseExceptionClass.method("__init__", func(t *Thread, args []Value, kw []string) (Value, error) {
		self, ok := args[0].(*Instance)
		if !ok || self.Exc == nil {
			return nil, t.newExc(TypeErrorClass, "descriptor '__init__' requires a 'BaseException' object")
		}
		items := make([]Value, len(args)-1)
		for i, a := range args[1:] {
			t.Incref(a)
			items[i] = a
		}
		old := self.Exc.Args
		self.Exc.Args = t.newTuple(items)
		if old != nil {
			t.Decref(old)
		}
		return None, nil
	})
	BaseExceptionClass.method("__str__", func(t *Thread, args []Value, kw []string) (Value, error) {
		s, err := t.excStr(args[0].(*Instance))
		if err != nil {
			return nil, err
		}
		return t.NewStr(s), nil
	})
	BaseExceptionClass.method("__repr__", func(t *Thread, args []Value, kw []string) (Value, error) {
		s, err := t.excRepr(args[0].(*Instance))
		if err != nil {
			return nil, err
		}
		return t.NewStr(s), nil
	})
	BaseExceptionClass.method("with_traceback", func(t *Thread, args []Value, kw []string) (Value, error) {
		t.Incref(args[0])
		return args[0], nil
	})
}

// excStr is str(e) for the builtin __str__.
func (t *Thread) excStr(e *Instance) (string, error) {
	if e.Exc == nil || e.Exc.Args == nil {
		return "", nil
	}
	items := e.Exc.Args.Items
	switch len(items) {
	case 0:
		return "", nil
	case 1:
		if e.Class.IsSubclass(KeyErrorClass) {
			return t.Repr(items[0])
		}
		return t.ToStr(items[0])
	}
	return t.Repr(e.Exc.Args)
}

func (t *Thread) excRepr(e *Instance) (string, error) {
	name := e.Class.Name
	if e.Exc == nil || e.Exc.Args == nil || len(e.Exc.Args.Items) == 0 {
		return name + "()", nil
	}
	if len(e.Exc.Args.Items) == 1 {
		r, err := t.Repr(e.Exc.Args.Items[0])
		return name + "(" + r + ")", err
	}
	r, err := t.Repr(e.Exc.Args)
	return name + r, err
}

// newExc returns a new exception of class cls with message msg.
func (t *Thread) newExc(cls *Class, msg string) *Instance {
	s := t.NewStr(msg)
	v, _ := excNew(t, []Value{cls, s}, nil)
	t.Decref(s)
	return v.(*Instance)
}

func (t *Thread) newExcf(cls *Class, format string, args ...any) *Instance {
	return t.newExc(cls, fmt.Sprintf(format, args...))
}

// newExcValue returns a new exception of class cls whose single argument is v.
func (t *Thread) newExcValue(cls *Class, v Value) *Instance {
	r, _ := excNew(t, []Value{cls, v}, nil)
	return r.(*Instance)
}

func (t *Thread) nameError(name string) error {
	e := t.newExcf(NameErrorClass, "name '%s' is not defined", name)
	e.Exc.Suggestion = t.nameSuggestion(name)
	return e
}

func (t *Thread) unboundLocal(f *Frame, i int) error {
	return t.newExcf(UnboundLocalErrorClass, "cannot access local variable '%s' where it is not associated with a value", f.code.Varnames[i])
}

func (t *Thread) memoryError() error {
	return &LimitError{Class: MemoryErrorClass, Msg: "gilscope limits a container to 10,000,000 items"}
}

func (t *Thread) clearExc(e *ExcState) {
	if e.Args != nil {
		t.Decref(e.Args)
		e.Args = nil
	}
	if e.Cause != nil {
		t.Decref(e.Cause)
		e.Cause = nil
	}
	if e.Context != nil {
		t.Decref(e.Context)
		e.Context = nil
	}
	if e.OS != nil {
		t.Decref(e.OS)
		e.OS = nil
	}
}

// FormatException renders exc the way CPython 3.12 prints an uncaught exception,
// chained exceptions included.
func (t *Thread) FormatException(exc *Instance) string {
	var b strings.Builder
	t.formatChain(&b, exc, map[*Instance]bool{})
	return b.String()
}

func (t *Thread) formatChain(b *strings.Builder, exc *Instance, seen map[*Instance]bool) {
	seen[exc] = true
	if e := exc.Exc; e != nil {
		if e.Cause != nil && !seen[e.Cause] {
			t.formatChain(b, e.Cause, seen)
			b.WriteString("\nThe above exception was the direct cause of the following exception:\n\n")
		} else if e.Context != nil && !e.Suppress && !seen[e.Context] {
			t.formatChain(b, e.Context, seen)
			b.WriteString("\nDuring handling of the above exception, another exception occurred:\n\n")
		}
	}
	if exc.Exc != nil && len(exc.Exc.TB) > 0 {
		b.WriteString("Traceback (most recent call last):\n")
		tb := exc.Exc.TB
		for i := len(tb) - 1; i >= 0; i-- {
			t.formatEntry(b, tb[i])
		}
	}
	if exc.Exc != nil && exc.Class.IsSubclass(SyntaxErrorClass) {
		t.formatSyntaxError(b, exc, excName(exc))
		return
	}
	b.WriteString(t.excLine(exc))
	b.WriteString("\n")
}

// excName is the name a traceback gives exc's class: module-qualified unless builtin
// or the main program's.
func excName(exc *Instance) string {
	name := exc.Class.QualName
	if m := exc.Class.Module; m != "builtins" && m != "__main__" && m != "" {
		name = m + "." + name
	}
	return name
}

// excLine is the last line of a traceback: "ValueError: message".
func (t *Thread) excLine(exc *Instance) string {
	name := excName(exc)
	var msg string
	strm := exc.Class.Lookup("__str__")
	if r, err := t.callValue(strm, []Value{exc}, nil, false); err == nil {
		if s, ok := r.(*Str); ok {
			msg = s.S
		}
		t.Decref(r)
	} else {
		msg = "<exception str() failed>"
	}
	if exc.Exc != nil && exc.Exc.Suggestion != "" {
		msg += ". Did you mean: '" + exc.Exc.Suggestion + "'?"
	}
	if msg == "" {
		return name
	}
	return name + ": " + msg
}

func (t *Thread) formatEntry(b *strings.Builder, e TBEntry) {
	pos := e.Code.Pos[e.PC]
	fmt.Fprintf(b, "  File \"%s\", line %d, in %s\n", e.Code.Filename, pos.Line, e.Code.Name)
	lines := t.in.sourceLines(e.Code.Filename)
	if pos.Line < 1 || int(pos.Line) > len(lines) {
		return
	}
	line := lines[pos.Line-1]
	stripped := strings.TrimLeft(line, " \t\f")
	if stripped == "" {
		return
	}
	fmt.Fprintf(b, "    %s\n", strings.TrimRight(stripped, " \t\r\n"))
	if carets := caretLine(line, pos); carets != "" {
		b.WriteString(carets)
	}
}

// caretLine returns CPython 3.12's indicator line (`~~^~~` under a binary operation,
// `^^^` under a call that is part of a larger line), or "" when the expression spans
// the whole line.
func caretLine(line string, pos compile.Position) string {
	if pos.Col <= 0 || pos.EndCol <= 0 {
		return ""
	}
	runes := []rune(strings.TrimRight(line, "\r\n"))
	start := int(pos.Col) - 1
	end := int(pos.EndCol) - 1
	if pos.EndLine != pos.Line {
		end = len([]rune(strings.TrimRight(string(runes), " \t")))
	}
	if start < 0 || end > len(runes) || start >= end {
		return ""
	}
	strippedChars := len(runes) - len([]rune(strings.TrimLeft(string(runes), " \t\f")))
	strippedLen := len([]rune(strings.TrimSpace(string(runes))))
	var la, ra int
	anchors := false
	if pos.EndLine == pos.Line {
		la, ra, anchors = caretAnchors(string(runes[start:end]))
	}
	if !(end-start < strippedLen || (anchors && ra-la > 0)) {
		return ""
	}
	var b strings.Builder
	b.WriteString("    ")
	b.WriteString(strings.Repeat(" ", start-strippedChars))
	if anchors {
		b.WriteString(strings.Repeat("~", la))
		b.WriteString(strings.Repeat("^", ra-la))
		b.WriteString(strings.Repeat("~", end-start-ra))
	} else {
		b.WriteString(strings.Repeat("^", end-start))
	}
	b.WriteString("\n")
	return b.String()
}

// caretAnchors finds the operator of a binary operation or the brackets of a
// subscript in segment, as CPython's traceback module does by parsing it.
func caretAnchors(segment string) (left, right int, ok bool) {
	m, err := syntax.Parse("<segment>", []byte(segment))
	if err != nil || len(m.Body) != 1 {
		return 0, 0, false
	}
	es, isExpr := m.Body[0].(*syntax.ExprStmt)
	if !isExpr {
		return 0, 0, false
	}
	seg := []rune(segment)
	isSpace := func(r rune) bool { return r == ' ' || r == '\t' || r == '\n' || r == '\f' }
	switch e := es.Value.(type) {
	case *syntax.BinOp:
		_, lend := e.Left.Span()
		rstart, _ := e.Right.Span()
		opStart, opEnd := int(lend.Col)-1, int(rstart.Col)-1
		if lend.Line != 1 || rstart.Line != 1 || opStart > opEnd || opEnd > len(seg) {
			return 0, 0, false
		}
		opStr := seg[opStart:opEnd]
		off := 0
		for off < len(opStr) && isSpace(opStr[off]) {
			off++
		}
		la := opStart + off
		ra := la + 1
		if off+1 < len(opStr) && !isSpace(opStr[off+1]) {
			ra++
		}
		for la < len(seg) && (isSpace(seg[la]) || seg[la] == ')' || seg[la] == '#') {
			la++
			ra++
		}
		return la, ra, true
	case *syntax.Subscript:
		_, vend := e.Value.Span()
		_, send := e.Slice.Span()
		if vend.Line != 1 || send.Line != 1 {
			return 0, 0, false
		}
		la := int(vend.Col) - 1
		ra := int(send.Col) - 1 + 1
		for la < len(seg) && (isSpace(seg[la]) || seg[la] != '[') {
			la++
		}
		for ra < len(seg) && (isSpace(seg[ra]) || seg[ra] != ']') {
			ra++
		}
		if ra < len(seg) {
			ra++
		}
		return la, ra, true
	}
	return 0, 0, false
}

func (in *Interp) sourceLines(filename string) []string {
	if in.Program != nil && in.Program.Filename == filename {
		return in.Program.Lines
	}
	if in.Library != nil {
		if p := in.Library.File(filename); p != nil {
			return p.Lines
		}
	}
	return nil
}

// SystemExitCode reports the exit status of an uncaught SystemExit, printing its
// message as CPython does for a non-int argument.
func (t *Thread) SystemExitCode() (int, bool) {
	code, msg, ok := t.SystemExitStatus()
	if ok && msg != "" {
		t.in.write(t, msg+"\n", true)
	}
	return code, ok
}

// SystemExitStatus reports the exit status of an uncaught SystemExit and the
// message CPython prints for it ("" for none), printing nothing.
func (t *Thread) SystemExitStatus() (code int, msg string, ok bool) {
	e := t.Exc
	if e == nil || !e.Class.IsSubclass(SystemExitClass) {
		return 0, "", false
	}
	if e.Exc.Args == nil || len(e.Exc.Args.Items) == 0 || e.Exc.Args.Items[0] == None && len(e.Exc.Args.Items) == 1 {
		return 0, "", true
	}
	v := e.Exc.Args.Items[0]
	if len(e.Exc.Args.Items) > 1 {
		v = e.Exc.Args
	}
	if n, ok := asInt64(v); ok {
		return int(n), "", true
	}
	s, _ := t.ToStr(v)
	return 1, s, true
}
