// This file defines the disassembler: a `dis`-like listing of a Funcode for tests and
// the UI.

package compile

import (
	"fmt"
	"math/big"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Instruction is one decoded instruction, with its argument resolved to a name.
type Instruction struct {
	Offset   int // byte offset, as CPython numbers them (2 per instruction)
	Line     int32
	Op       Opcode
	Arg      uint32
	ArgRepr  string
	IsTarget bool
}

// maxArgRepr bounds an ArgRepr, in runes: a long constant's repr is cut short,
// so that a listing's size follows the number of instructions, not that times
// the size of the constants they load.
const maxArgRepr = 80

// Instructions decodes fc's code.
func (fc *Funcode) Instructions() []Instruction {
	targets := map[int]bool{}
	for pc := range fc.Code {
		op, arg := fc.Op(pc)
		if op.IsJump() {
			targets[int(arg)] = true
		}
	}
	for _, h := range fc.Handlers {
		targets[int(h.Target)] = true
	}
	out := make([]Instruction, len(fc.Code))
	reprs := make([]string, len(fc.Consts)) // each constant's, made once
	for pc := range fc.Code {
		op, arg := fc.Op(pc)
		out[pc] = Instruction{Offset: 2 * pc, Line: fc.Pos[pc].Line, Op: op, Arg: arg,
			ArgRepr: fc.argRepr(op, arg, reprs), IsTarget: targets[pc]}
	}
	return out
}

// argRepr describes an instruction's argument; reprs caches the constants' reprs.
func (fc *Funcode) argRepr(op Opcode, arg uint32, reprs []string) string {
	name := func(i uint32, list []string) string {
		if int(i) < len(list) {
			return list[i]
		}
		return "?"
	}
	switch op {
	case LOAD_CONST, RETURN_CONST, KW_NAMES:
		if reprs[arg] == "" {
			reprs[arg] = shorten(constRepr(fc.Consts[arg]), maxArgRepr)
		}
		return reprs[arg]
	case LOAD_FAST, STORE_FAST, DELETE_FAST:
		return name(arg, fc.Varnames)
	case LOAD_GLOBAL:
		if arg&1 != 0 {
			return "NULL + " + name(arg>>1, fc.Names)
		}
		return name(arg>>1, fc.Names)
	case LOAD_ATTR:
		if arg&1 != 0 {
			return "NULL|self + " + name(arg>>1, fc.Names)
		}
		return name(arg>>1, fc.Names)
	case STORE_GLOBAL, DELETE_GLOBAL, LOAD_NAME, STORE_NAME, DELETE_NAME, STORE_ATTR,
		DELETE_ATTR, IMPORT_NAME, IMPORT_FROM:
		return name(arg, fc.Names)
	case LOAD_DEREF, STORE_DEREF, DELETE_DEREF, LOAD_CLOSURE, MAKE_CELL:
		if n := uint32(len(fc.Cellvars)); arg >= n {
			return name(arg-n, fc.Freevars)
		}
		return name(arg, fc.Cellvars)
	case BINARY_OP:
		if int(arg) < len(BinaryOps) {
			return BinaryOps[arg]
		}
	case COMPARE_OP:
		if int(arg>>4) < len(CompareOps) {
			return CompareOps[arg>>4]
		}
	case POP_JUMP_IF_FALSE, POP_JUMP_IF_TRUE, POP_JUMP_IF_NONE, POP_JUMP_IF_NOT_NONE,
		JUMP_FORWARD, JUMP_BACKWARD, FOR_ITER, SEND, JUMP_BACKWARD_NO_INTERRUPT:
		return "to " + strconv.Itoa(int(arg)*2)
	case CALL_INTRINSIC_1:
		switch arg {
		case IntrinsicStopIterationError:
			return "INTRINSIC_STOPITERATION_ERROR"
		case IntrinsicUnaryPositive:
			return "INTRINSIC_UNARY_POSITIVE"
		case IntrinsicListToTuple:
			return "INTRINSIC_LIST_TO_TUPLE"
		}
	case IS_OP:
		if arg == 1 {
			return "is not"
		}
		return "is"
	case CONTAINS_OP:
		if arg == 1 {
			return "not in"
		}
		return "in"
	}
	return ""
}

// shorten cuts s to at most n runes, ending it with "..." if it was longer.
func shorten(s string, n int) string {
	runes := 0
	for i := range s {
		if runes == n-3 {
			if utf8.RuneCountInString(s[i:]) > 3 {
				return s[:i] + "..."
			}
			return s
		}
		runes++
	}
	return s
}

func constRepr(c any) string {
	switch c := c.(type) {
	case nil:
		return "None"
	case bool:
		if c {
			return "True"
		}
		return "False"
	case int64:
		return strconv.FormatInt(c, 10)
	case *big.Int:
		return c.String()
	case float64:
		return strconv.FormatFloat(c, 'g', -1, 64)
	case string:
		return strconv.Quote(c)
	case Bytes:
		return "b" + strconv.Quote(string(c))
	case EllipsisConst:
		return "Ellipsis"
	case KwNames:
		q := make([]string, len(c))
		for i, s := range c {
			q[i] = "'" + s + "'"
		}
		if len(q) == 1 {
			return "(" + q[0] + ",)"
		}
		return "(" + strings.Join(q, ", ") + ")"
	case *Funcode:
		return fmt.Sprintf("<code object %s, line %d>", c.Name, c.FirstLine)
	}
	return fmt.Sprint(c)
}

// Disassemble returns a listing of fc in the style of `python3.12 -m dis`, followed
// by its exception table and the listings of the functions it defines.
func Disassemble(fc *Funcode) string {
	var b strings.Builder
	disassemble(&b, fc)
	return b.String()
}

func disassemble(b *strings.Builder, fc *Funcode) {
	var last int32 = -1
	for _, in := range fc.Instructions() {
		line := "    "
		if in.Line != last && in.Line > 0 {
			if last >= 0 {
				b.WriteString("\n")
			}
			line = fmt.Sprintf("%4d", in.Line)
			last = in.Line
		}
		mark := "  "
		if in.IsTarget {
			mark = ">>"
		}
		argField := ""
		if in.Op.HasArg() {
			argField = fmt.Sprintf("%6d", in.Arg)
		}
		s := fmt.Sprintf("%s     %s %4d %-24s %s", line, mark, in.Offset, in.Op, argField)
		if in.ArgRepr != "" {
			s += " (" + in.ArgRepr + ")"
		}
		b.WriteString(strings.TrimRight(s, " ") + "\n")
	}
	if len(fc.Handlers) > 0 {
		b.WriteString("ExceptionTable:\n")
		for _, h := range fc.Handlers {
			fmt.Fprintf(b, "  %d to %d -> %d [%d]", 2*h.Start, 2*(h.End-1), 2*h.Target, h.Depth)
			if h.Lasti {
				b.WriteString(" lasti")
			}
			b.WriteString("\n")
		}
	}
	for _, c := range fc.Consts {
		if sub, ok := c.(*Funcode); ok {
			fmt.Fprintf(b, "\nDisassembly of <code object %s, line %d>:\n", sub.Name, sub.FirstLine)
			disassemble(b, sub)
		}
	}
}
