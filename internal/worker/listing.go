// listing.go defines the code listing a run starts with: every code object
// of the program with its instructions, as CPython's dis shows them, under
// the ids events use.

package worker

import (
	"errors"

	"github.com/gilscope/gilscope/vm"
	"github.com/gilscope/gilscope/vm/compile"
	"github.com/gilscope/gilscope/vm/syntax"
)

// CodeObject is one code object of a program's listing.
type CodeObject struct {
	ID           int32         `json:"id"`
	Name         string        `json:"name"`
	QualName     string        `json:"qualname"`
	FirstLine    int32         `json:"firstline"`
	Instructions []Instruction `json:"instructions"`
}

// Instruction is one instruction of a code object.
type Instruction struct {
	Offset  int    `json:"offset"`
	Line    int32  `json:"line"`
	Opname  string `json:"opname"`
	Arg     uint32 `json:"arg"`
	ArgRepr string `json:"argrepr,omitempty"`
	Target  bool   `json:"target,omitempty"`
}

// Listing lists prog's code objects with the ids events use: depth first in
// source order from 1, as machine.Run numbers them (Result.Code).
func Listing(prog *compile.Program) []CodeObject {
	var out []CodeObject
	var walk func(fc *compile.Funcode)
	walk = func(fc *compile.Funcode) {
		co := CodeObject{ID: int32(len(out) + 1), Name: fc.Name, QualName: fc.QualName, FirstLine: fc.FirstLine}
		for _, in := range fc.Instructions() {
			co.Instructions = append(co.Instructions, Instruction{Offset: in.Offset, Line: in.Line,
				Opname: in.Op.String(), Arg: in.Arg, ArgRepr: in.ArgRepr, Target: in.IsTarget})
		}
		out = append(out, co)
		for _, c := range fc.Consts {
			if inner, ok := c.(*compile.Funcode); ok {
				walk(inner)
			}
		}
	}
	walk(prog.Toplevel)
	return out
}

// Compile compiles a program, turning a compile error into a SyntaxError
// located in the source.
func Compile(filename string, src []byte) (*compile.Program, *SyntaxError) {
	prog, err := vm.Compile(filename, src)
	if err == nil {
		return prog, nil
	}
	var se *syntax.Error
	if errors.As(err, &se) {
		return nil, &SyntaxError{Message: se.Kind.String() + ": " + se.Msg, Line: se.Pos.Line, Col: se.Pos.Col,
			EndLine: se.End.Line, EndCol: se.End.Col}
	}
	return nil, &SyntaxError{Message: err.Error()}
}
