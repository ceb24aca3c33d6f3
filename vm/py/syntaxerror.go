// This file defines SyntaxError and its subclasses as exceptions a program can catch
// (compile, exec and eval raise them), with the attributes and the traceback lines
// CPython 3.12 gives them.

package py

import (
	"fmt"
	"strings"

	"github.com/gilscope/gilscope/vm/syntax"
)

var (
	SyntaxErrorClass      = newExcClass("SyntaxError", ExceptionClass)
	IndentationErrorClass = newExcClass("IndentationError", SyntaxErrorClass)
	TabErrorClass         = newExcClass("TabError", IndentationErrorClass)
)

// syntaxDetails are the attributes SyntaxError(msg, details) takes from its details
// tuple, in order.
var syntaxDetails = []string{"filename", "lineno", "offset", "text", "end_lineno", "end_offset"}

func init() {
	for _, c := range []*Class{SyntaxErrorClass, IndentationErrorClass, TabErrorClass} {
		c.New = excNew
		exceptionClasses = append(exceptionClasses, c)
	}
	SyntaxErrorClass.Methods["msg"] = excGetter("msg", func(t *Thread, e *Instance) Value {
		if e.Exc.Args == nil || len(e.Exc.Args.Items) == 0 {
			return None
		}
		return e.Exc.Args.Items[0]
	})
	for i, name := range syntaxDetails {
		SyntaxErrorClass.Methods[name] = excGetter(name, func(t *Thread, e *Instance) Value {
			return syntaxDetail(e, i)
		})
	}
	SyntaxErrorClass.Methods["print_file_and_line"] = excGetter("print_file_and_line", func(t *Thread, e *Instance) Value { return None })
	SyntaxErrorClass.method("__str__", func(t *Thread, args []Value, kw []string) (Value, error) {
		s, err := t.syntaxStr(args[0].(*Instance))
		if err != nil {
			return nil, err
		}
		return t.NewStr(s), nil
	})
}

// syntaxDetail is detail i of a SyntaxError made as SyntaxError(msg, (filename,
// lineno, offset, text[, end_lineno, end_offset])), or None.
func syntaxDetail(e *Instance, i int) Value {
	if e.Exc.Args == nil || len(e.Exc.Args.Items) != 2 {
		return None
	}
	d, ok := e.Exc.Args.Items[1].(*Tuple)
	if !ok || len(d.Items) < 4 || len(d.Items) > 6 || i >= len(d.Items) {
		return None
	}
	return d.Items[i]
}

// syntaxStr is str() of a SyntaxError: "msg (file, line n)", the file by its base name.
func (t *Thread) syntaxStr(e *Instance) (string, error) {
	var msg string
	if e.Exc.Args == nil || len(e.Exc.Args.Items) == 0 {
		msg = "None"
	} else {
		s, err := t.ToStr(e.Exc.Args.Items[0])
		if err != nil {
			return "", err
		}
		msg = s
	}
	file, _ := syntaxDetail(e, 0).(*Str)
	line, hasLine := syntaxDetail(e, 1).(*Int)
	switch {
	case file != nil && hasLine:
		return fmt.Sprintf("%s (%s, line %s)", msg, baseName(file.S), t.intText(line)), nil
	case file != nil:
		return fmt.Sprintf("%s (%s)", msg, baseName(file.S)), nil
	case hasLine:
		return fmt.Sprintf("%s (line %s)", msg, t.intText(line)), nil
	}
	return msg, nil
}

func baseName(p string) string { return p[strings.LastIndexByte(p, '/')+1:] }

// formatSyntaxError writes the lines a traceback shows for a SyntaxError after its
// entries (traceback.py's _format_syntax_error): the place, the text and its carets,
// and the last line.
func (t *Thread) formatSyntaxError(b *strings.Builder, e *Instance, name string) {
	suffix := ""
	file, _ := syntaxDetail(e, 0).(*Str)
	if line, ok := syntaxDetail(e, 1).(*Int); ok {
		f := "<string>"
		if file != nil && file.S != "" {
			f = file.S
		}
		fmt.Fprintf(b, "  File \"%s\", line %s\n", f, t.intText(line))
	} else if file != nil {
		suffix = " (" + file.S + ")"
	}
	if text, ok := syntaxDetail(e, 3).(*Str); ok {
		rtext := strings.TrimRight(text.S, "\n")
		ltext := strings.TrimLeft(rtext, " \n\f")
		spaces := len([]rune(rtext)) - len([]rune(ltext))
		fmt.Fprintf(b, "    %s\n", ltext)
		if off, ok := asInt64(syntaxDetail(e, 2)); ok {
			end, ok := asInt64(syntaxDetail(e, 5))
			if !ok || end == 0 {
				end = off
			}
			if off == end || end == -1 {
				end = off + 1
			}
			col, endCol := int(off)-1-spaces, int(end)-1-spaces
			if col >= 0 {
				var caret strings.Builder
				for i, c := range []rune(ltext) {
					if i >= col {
						break
					}
					if c == '\t' || c == '\f' || c == '\v' {
						caret.WriteRune(c)
					} else {
						caret.WriteByte(' ')
					}
				}
				fmt.Fprintf(b, "    %s%s\n", caret.String(), strings.Repeat("^", max(endCol-col, 0)))
			}
		}
	}
	msg := "<no detail available>"
	if m := e.Exc.Args; m != nil && len(m.Items) > 0 {
		if s, err := t.ToStr(m.Items[0]); err == nil && s != "" {
			msg = s
		}
	}
	fmt.Fprintf(b, "%s: %s%s\n", name, msg, suffix)
}

// syntaxErrorFrom is the SyntaxError (or IndentationError, TabError) compiling src
// raised: its text is the line in error, ending in a newline unless eval's source
// ended there.
func (t *Thread) syntaxErrorFrom(se *syntax.Error, src string, eval bool) *Instance {
	cls := SyntaxErrorClass
	switch se.Kind {
	case syntax.IndentationError:
		cls = IndentationErrorClass
	case syntax.TabError:
		cls = TabErrorClass
	}
	var text Value = None
	lines := strings.SplitAfter(strings.ReplaceAll(src, "\r\n", "\n"), "\n")
	if n := int(se.Pos.Line); n >= 1 && n <= len(lines) {
		line := lines[n-1]
		if !eval && !strings.HasSuffix(line, "\n") {
			line += "\n"
		}
		text = t.NewStr(line)
	}
	endLine, endCol := int64(se.End.Line), int64(se.End.Col)
	if se.End.Line == 0 {
		endLine, endCol = int64(se.Pos.Line), int64(se.Pos.Col)+1
	}
	details := t.newTuple([]Value{t.NewStr(se.Filename), t.newInt(int64(se.Pos.Line)), t.newInt(int64(se.Pos.Col)),
		text, t.newInt(endLine), t.newInt(endCol)})
	msg := t.NewStr(se.Msg)
	v, _ := excNew(t, []Value{cls, msg, details}, nil)
	t.Decref(msg)
	t.Decref(details)
	return v.(*Instance)
}

func (t *Thread) intText(i *Int) string {
	s, _ := t.Repr(i)
	return s
}
