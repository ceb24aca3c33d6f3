package syntax

// This file defines Error, the only error type the scanner and parser
// report, and its CPython-style rendering.

import (
	"bytes"
	"fmt"
	"strings"
)

// ErrorKind is the Python exception class an Error corresponds to.
type ErrorKind uint8

const (
	SyntaxError      ErrorKind = iota // SyntaxError
	IndentationError                  // IndentationError
	TabError                          // TabError (a subclass of IndentationError)
)

// String returns the Python class name of the kind, e.g. "IndentationError".
func (k ErrorKind) String() string {
	switch k {
	case IndentationError:
		return "IndentationError"
	case TabError:
		return "TabError"
	}
	return "SyntaxError"
}

// Error is a syntax error in a source file.
// Pos is where the problem was found (1-based line and column, column in runes).
// End, if non-zero, is the position just after the offending text: Pretty
// underlines Pos..End instead of showing a single caret.
type Error struct {
	Filename string
	Pos      Pos
	End      Pos
	Msg      string
	Kind     ErrorKind
}

// Error returns "file:line:col: msg".
func (e *Error) Error() string {
	return fmt.Sprintf("%s:%d:%d: %s", e.Filename, e.Pos.Line, e.Pos.Col, e.Msg)
}

// Pretty renders the error the way CPython 3.12 prints an uncaught SyntaxError:
//
//	  File "prog.py", line 3
//	    x = = 1
//	        ^
//	SyntaxError: invalid syntax
//
// src must be the text that was parsed. The source line is shown with its
// indentation stripped; the caret line is omitted when the column points
// into the stripped indentation, as CPython does. The result ends in a newline.
func (e *Error) Pretty(src []byte) string {
	var b strings.Builder
	fmt.Fprintf(&b, "  File %q, line %d\n", e.Filename, e.Pos.Line)
	if line, ok := sourceLine(src, int(e.Pos.Line)); ok {
		text := []rune(strings.TrimRight(line, "\r\n"))
		stripped := 0
		for stripped < len(text) && (text[stripped] == ' ' || text[stripped] == '\t' || text[stripped] == '\f') {
			stripped++
		}
		text = text[stripped:]
		fmt.Fprintf(&b, "    %s\n", string(text))
		offset := int(e.Pos.Col) - 1 - stripped
		if offset >= 0 {
			offset = min(offset, len(text))
			carets := 1
			switch {
			case e.End.Line > e.Pos.Line:
				carets = max(len(text)-offset, 1)
			case e.End.Line == e.Pos.Line && e.End.Col > e.Pos.Col:
				carets = max(min(int(e.End.Col-e.Pos.Col), len(text)+1-offset), 1)
			}
			fmt.Fprintf(&b, "    %s%s\n", strings.Repeat(" ", offset), strings.Repeat("^", carets))
		}
	}
	fmt.Fprintf(&b, "%s: %s\n", e.Kind, e.Msg)
	return b.String()
}

// sourceLine returns the 1-based line n of src, without its line terminator.
func sourceLine(src []byte, n int) (string, bool) {
	for i := 1; ; i++ {
		j := bytes.IndexAny(src, "\r\n")
		if i == n {
			if j < 0 {
				return string(src), len(src) > 0
			}
			return string(src[:j]), true
		}
		if j < 0 {
			return "", false
		}
		if src[j] == '\r' && j+1 < len(src) && src[j+1] == '\n' {
			j++
		}
		src = src[j+1:]
	}
}
