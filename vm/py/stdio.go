// This file defines how sys.stdout and sys.stderr hand text to the OS, as CPython
// 3.12's TextIOWrapper does in a terminal. print() calls the stream's write for each
// argument, separator and the end, with no bytecode in between, so the GIL can
// change hands inside a print only where a write reaches the OS: a write(2), during
// which the GIL is released. A line-buffered stream (a terminal: CPython's default
// there) makes that system call for each write holding a newline or a carriage
// return, taking what the buffer holds; with write_through (python -u,
// PYTHONUNBUFFERED) every write makes one. So in a terminal two threads' print()
// lines never mix unless a printed text holds a newline, and unbuffered they do:
// another thread takes the GIL during the write(2) of one piece and prints before
// the rest (docs/language.md, "print").

package py

import "strings"

// streamState is the buffering of one of an interpreter's standard streams.
type streamState struct {
	stderr        bool
	lineBuffering bool // a write holding "\n" or "\r" flushes the buffer
	writeThrough  bool // every write goes to the OS at once
	unflushed     int  // bytes written since the last write(2)
}

// pendingWrite is the rest of a print blocked in a write(2): it is written when
// the thread runs again, having taken the GIL back. It owns its pieces' values.
type pendingWrite struct {
	st     *streamState
	pieces []piece
	flush  bool
}

// piece is one write of a print: s, or str(v) when v is set (taken when its turn
// comes, as CPython's print does).
type piece struct {
	s string
	v Value
}

// writePieces writes pieces to the stream one by one, as separate calls of its
// write method, then flushes it if flush is set. When one of them reaches the OS
// and canBlock is set (the call came from Python code on the simulated machine),
// the thread blocks in the write(2) with result as the call's result, and the
// rest is written when it runs again: writePieces returns errBlocked. The
// pieces' values are borrowed.
func (t *Thread) writePieces(st *streamState, pieces []piece, flush bool, result Value, canBlock bool) error {
	for i, pc := range pieces {
		p := pc.s
		if pc.v != nil {
			var err error
			if p, err = t.ToStr(pc.v); err != nil {
				return err
			}
		}
		if p == "" {
			continue
		}
		t.in.write(t, p, st.stderr)
		st.unflushed += len(p)
		if st.writeThrough || st.lineBuffering && strings.ContainsAny(p, "\n\r") {
			if t.osWrite(st, pieces[i+1:], flush, result, canBlock) {
				return errBlocked
			}
		}
	}
	if flush && st.unflushed > 0 && t.osWrite(st, nil, false, result, canBlock) {
		return errBlocked
	}
	return nil
}

// osWrite hands what the stream holds to the OS. It reports whether the thread
// blocks in that write(2); rest (and a flush) are then left for continueWrite.
func (t *Thread) osWrite(st *streamState, rest []piece, flush bool, result Value, canBlock bool) bool {
	n := st.unflushed
	st.unflushed = 0
	if !canBlock || t.in.StdWrite == nil || t.syncDepth > 0 {
		return false
	}
	if len(rest) > 0 || flush {
		rest = append([]piece(nil), rest...)
		for _, p := range rest {
			if p.v != nil {
				t.Incref(p.v)
			}
		}
		t.writeRest = &pendingWrite{st: st, pieces: rest, flush: flush}
	}
	t.Pending = t.in.StdWrite(n, result)
	return true
}

// continueWrite writes the rest of a print that blocked in a write(2). It
// reports whether the thread blocks again.
func (t *Thread) continueWrite() bool {
	w := t.writeRest
	t.writeRest = nil
	err := t.writePieces(w.st, w.pieces, w.flush, None, true)
	for _, p := range w.pieces {
		if p.v != nil {
			t.Decref(p.v)
		}
	}
	if err != errBlocked {
		// An error of a str() is raised where the thread goes on.
		t.pendingErr = err
		return false
	}
	// The print's result was pushed when its first write(2) returned.
	t.resume = func(t *Thread, v Value, err error) error {
		t.xdecref(v)
		return err
	}
	return true
}

// streamMethod registers a method of sys.stdout and sys.stderr that writes: called
// by Python code it may block in a write(2).
func streamMethod(name string, fn func(t *Thread, args []Value, kw []string, canBlock bool) (Value, error)) {
	stdStreamClass.method(name, func(t *Thread, args []Value, kw []string) (Value, error) {
		return fn(t, args, kw, false)
	})
	stdStreamClass.Methods[name].(*Builtin).Push = func(t *Thread, args []Value, kw []string) (Value, error) {
		return fn(t, args, kw, true)
	}
}

func streamOf(t *Thread, self Value) *streamState {
	return &t.in.streams[b2i(self.(*stdStream).stderr)]
}

// streamWrite is sys.stdout.write(s).
func streamWrite(t *Thread, args []Value, kw []string, canBlock bool) (Value, error) {
	if err := t.nargs("write", args, kw, 2, 2); err != nil {
		return nil, err
	}
	s, ok := args[1].(*Str)
	if !ok {
		return nil, t.newExcf(TypeErrorClass, "write() argument must be str, not %s", args[1].Type().Name)
	}
	n := t.newInt(int64(s.Len()))
	if err := t.writePieces(streamOf(t, args[0]), []piece{{s: s.S}}, false, n, canBlock); err != nil {
		// Blocked: the write(2) returns n to the caller.
		return nil, err
	}
	return n, nil
}

// streamFlush is sys.stdout.flush().
func streamFlush(t *Thread, args []Value, kw []string, canBlock bool) (Value, error) {
	if err := t.nargs("flush", args, kw, 1, 1); err != nil {
		return nil, err
	}
	return None, t.writePieces(streamOf(t, args[0]), nil, true, None, canBlock)
}

// streamReconfigure is sys.stdout.reconfigure(line_buffering=…, write_through=…).
func streamReconfigure(t *Thread, args []Value, kw []string) (Value, error) {
	pos, kws, err := t.kwargs("reconfigure", args[1:], kw, "encoding", "errors", "newline", "line_buffering", "write_through")
	if err != nil {
		return nil, err
	}
	if len(pos) > 0 {
		return nil, t.newExcf(TypeErrorClass, "reconfigure() takes no positional arguments")
	}
	st := streamOf(t, args[0])
	for name, dst := range map[string]*bool{"line_buffering": &st.lineBuffering, "write_through": &st.writeThrough} {
		if v, ok := kws[name]; ok && v != None {
			b, err := t.Truth(v)
			if err != nil {
				return nil, err
			}
			*dst = b
		}
	}
	return None, nil
}
