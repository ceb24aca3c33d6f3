// This file defines the builtin exceptions of files and standard input, which the
// host's open and input raise (Interp.Open, Interp.Input).

package py

var (
	FileNotFoundErrorClass      = newExcClass("FileNotFoundError", OSErrorClass)
	FileExistsErrorClass        = newExcClass("FileExistsError", OSErrorClass)
	IsADirectoryErrorClass      = newExcClass("IsADirectoryError", OSErrorClass)
	NotADirectoryErrorClass     = newExcClass("NotADirectoryError", OSErrorClass)
	PermissionErrorClass        = newExcClass("PermissionError", OSErrorClass)
	BlockingIOErrorClass        = newExcClass("BlockingIOError", OSErrorClass)
	ChildProcessErrorClass      = newExcClass("ChildProcessError", OSErrorClass)
	InterruptedErrorClass       = newExcClass("InterruptedError", OSErrorClass)
	ProcessLookupErrorClass     = newExcClass("ProcessLookupError", OSErrorClass)
	ConnectionErrorClass        = newExcClass("ConnectionError", OSErrorClass)
	BrokenPipeErrorClass        = newExcClass("BrokenPipeError", ConnectionErrorClass)
	ConnectionAbortedErrorClass = newExcClass("ConnectionAbortedError", ConnectionErrorClass)
	ConnectionRefusedErrorClass = newExcClass("ConnectionRefusedError", ConnectionErrorClass)
	ConnectionResetErrorClass   = newExcClass("ConnectionResetError", ConnectionErrorClass)
	EOFErrorClass               = newExcClass("EOFError", ExceptionClass)
)

// osErrorClasses are OSError's builtin subclasses.
var osErrorClasses = []*Class{FileNotFoundErrorClass, FileExistsErrorClass, IsADirectoryErrorClass,
	NotADirectoryErrorClass, PermissionErrorClass, BlockingIOErrorClass, ChildProcessErrorClass,
	InterruptedErrorClass, ProcessLookupErrorClass, ConnectionErrorClass, BrokenPipeErrorClass,
	ConnectionAbortedErrorClass, ConnectionRefusedErrorClass, ConnectionResetErrorClass}

// init runs after exceptions.go's (files initialise in name order), so it sets what
// that init sets for the classes it lists.
func init() {
	for _, c := range append(osErrorClasses[:len(osErrorClasses):len(osErrorClasses)], EOFErrorClass) {
		c.New = excNew
		exceptionClasses = append(exceptionClasses, c)
	}
}

// errnoClasses are the subclasses OSError(errno, strerror) makes for an errno,
// as CPython's constructor does (Linux's numbers).
var errnoClasses = map[int64]*Class{
	1: PermissionErrorClass, 2: FileNotFoundErrorClass, 3: ProcessLookupErrorClass,
	4: InterruptedErrorClass, 10: ChildProcessErrorClass, 11: BlockingIOErrorClass,
	13: PermissionErrorClass, 17: FileExistsErrorClass, 20: NotADirectoryErrorClass,
	21: IsADirectoryErrorClass, 32: BrokenPipeErrorClass, 103: ConnectionAbortedErrorClass,
	104: ConnectionResetErrorClass, 108: BrokenPipeErrorClass, 110: TimeoutErrorClass,
	111: ConnectionRefusedErrorClass, 114: BlockingIOErrorClass, 115: BlockingIOErrorClass,
}

// NewOSError is OSError(errno, strerror[, filename]) as CPython's functions raise it:
// the subclass the errno names, with its attributes set.
func (t *Thread) NewOSError(errno int64, strerror, filename string) *Instance {
	args := []Value{OSErrorClass, t.newInt(errno), t.NewStr(strerror)}
	if filename != "" {
		args = append(args, t.NewStr(filename))
	}
	v, err := osErrorNew(t, args, nil)
	for _, a := range args[1:] {
		t.Decref(a)
	}
	if err != nil {
		return err.(*Instance)
	}
	return v.(*Instance)
}

// osErrorNew constructs OSError or one of its builtin subclasses: called as
// OSError(errno, strerror, …) it makes the subclass the errno names.
func osErrorNew(t *Thread, args []Value, kw []string) (Value, error) {
	if args[0] == OSErrorClass && len(args) >= 3 && len(args) <= 6 {
		if n, ok := asInt64(args[1]); ok && errnoClasses[n] != nil {
			args = append([]Value{errnoClasses[n]}, args[1:]...)
		}
	}
	v, err := excNew(t, args, kw)
	if err != nil {
		return nil, err
	}
	t.osInit(v.(*Instance), args[1:])
	return v, nil
}

// osInit sets an OSError's errno, strerror, filename and filename2 from its
// constructor's arguments: with 2 to 5 of them, args keeps only the first two.
func (t *Thread) osInit(e *Instance, args []Value) {
	if len(args) < 2 || len(args) > 5 {
		return
	}
	attrs := []Value{args[0], args[1], None, None}
	if len(args) >= 3 {
		attrs[2] = args[2]
	}
	if len(args) == 5 {
		attrs[3] = args[4]
	}
	for _, a := range attrs {
		t.Incref(a)
	}
	if e.Exc.OS != nil {
		t.Decref(e.Exc.OS)
	}
	e.Exc.OS = t.newTuple(attrs)
	if len(args) > 2 {
		t.Incref(args[0])
		t.Incref(args[1])
		old := e.Exc.Args
		e.Exc.Args = t.newTuple([]Value{args[0], args[1]})
		if old != nil {
			t.Decref(old)
		}
	}
}

// osStr is str() of an OSError: "[Errno 2] No such file or directory: 'x'".
func (t *Thread) osStr(e *Instance) (string, error) {
	os := e.Exc.OS
	if os == nil {
		return t.excStr(e)
	}
	errno, err := t.ToStr(os.Items[0])
	if err != nil {
		return "", err
	}
	msg, err := t.ToStr(os.Items[1])
	if err != nil {
		return "", err
	}
	s := "[Errno " + errno + "] " + msg
	if os.Items[2] != None {
		f, err := t.Repr(os.Items[2])
		if err != nil {
			return "", err
		}
		s += ": " + f
		if os.Items[3] != None {
			f2, err := t.Repr(os.Items[3])
			if err != nil {
				return "", err
			}
			s += " -> " + f2
		}
	}
	return s, nil
}

// excGetter is a read-only attribute of a builtin exception class.
func excGetter(name string, fn func(t *Thread, e *Instance) Value) *property {
	get := &Builtin{Header: Header{Ref: 1, flags: flagImmortal | flagStatic}, Name: name,
		Fn: func(t *Thread, args []Value, kw []string) (Value, error) {
			e, ok := args[0].(*Instance)
			if !ok || e.Exc == nil {
				return nil, t.newExcf(TypeErrorClass, "descriptor '%s' requires an exception", name)
			}
			v := fn(t, e)
			t.Incref(v)
			return v, nil
		}}
	return &property{Header: Header{Ref: 1, flags: flagImmortal | flagStatic}, get: get}
}

func init() {
	for _, c := range append([]*Class{OSErrorClass, TimeoutErrorClass}, osErrorClasses...) {
		c.New = osErrorNew
	}
	OSErrorClass.method("__init__", func(t *Thread, args []Value, kw []string) (Value, error) {
		if e, ok := args[0].(*Instance); ok && e.Exc != nil && e.Exc.OS == nil {
			t.osInit(e, args[1:])
		}
		return None, nil
	})
	OSErrorClass.method("__str__", func(t *Thread, args []Value, kw []string) (Value, error) {
		s, err := t.osStr(args[0].(*Instance))
		if err != nil {
			return nil, err
		}
		return t.NewStr(s), nil
	})
	for i, name := range []string{"errno", "strerror", "filename", "filename2"} {
		OSErrorClass.Methods[name] = excGetter(name, func(t *Thread, e *Instance) Value {
			if e.Exc.OS == nil {
				return None
			}
			return e.Exc.OS.Items[i]
		})
	}
	// SystemExit.code is the exit status: None, the argument, or the arguments.
	SystemExitClass.Methods["code"] = excGetter("code", func(t *Thread, e *Instance) Value {
		if e.Exc.Args == nil || len(e.Exc.Args.Items) == 0 {
			return None
		}
		if len(e.Exc.Args.Items) == 1 {
			return e.Exc.Args.Items[0]
		}
		return e.Exc.Args
	})
}
