// This file defines the compiler's output: a Program of Funcodes, their positions,
// constants and exception tables.

package compile

import (
	"math/big"
	"sort"
)

// Program is a compiled module.
type Program struct {
	Filename string
	Lines    []string // source lines, for tracebacks
	Toplevel *Funcode
}

// Position locates an instruction's source expression: lines and 1-based columns,
// End exclusive. A zero Line means "no position" (synthetic instructions).
type Position struct {
	Line, Col, EndLine, EndCol int32
}

// Handler is one exception-table entry: an exception raised by an instruction in
// [Start, End) unwinds the value stack to Depth, pushes the offset of the raising
// instruction if Lasti, pushes the exception, and jumps to Target.
type Handler struct {
	Start, End, Target int32
	Depth              int32
	Lasti              bool
}

// Bytes is a bytes constant (distinct from a str constant).
type Bytes string

// EllipsisConst is the constant `...`.
type EllipsisConst struct{}

// KwNames is the constant KW_NAMES loads: the keyword names of the next CALL.
type KwNames []string

// Complex is a complex constant (an imaginary literal).
type Complex struct{ Real, Imag float64 }

// Funcode is the compiled code of one function, lambda, comprehension, class body or
// module. Constants are nil (None), bool, int64, *big.Int, float64, string, Bytes,
// KwNames or *Funcode.
type Funcode struct {
	Name      string
	QualName  string
	Filename  string
	FirstLine int32
	Code      []uint32
	Pos       []Position // one per instruction
	Consts    []any
	Names     []string // attribute, global and dict-scoped names
	Varnames  []string // fast locals, parameters first
	Cellvars  []string // locals captured by inner functions
	Freevars  []string // captured from enclosing functions
	// CellParam[i] is the parameter index that cell i is initialised from, or -1.
	CellParam []int
	Handlers  []Handler
	MaxStack  int

	NumParams  int // positional parameters
	NumPosOnly int // of which the first are positional-only
	NumKwOnly  int
	HasVarargs bool
	HasKwargs  bool

	IsModule    bool
	IsClassBody bool
	UsesSuper   bool
	// IsGenerator marks a generator function's code (CO_GENERATOR): it starts with
	// RETURN_GENERATOR.
	IsGenerator bool
	HasDoc      bool // Consts[0] is the function's docstring
}

// Op decodes instruction pc.
func (fc *Funcode) Op(pc int) (Opcode, uint32) {
	w := fc.Code[pc]
	return Opcode(w & 0xff), w >> 8
}

// HandlerFor returns the exception-table entry covering pc, if any.
func (fc *Funcode) HandlerFor(pc int) (Handler, bool) {
	hs := fc.Handlers
	i := sort.Search(len(hs), func(i int) bool { return hs[i].End > int32(pc) })
	if i < len(hs) && hs[i].Start <= int32(pc) {
		return hs[i], true
	}
	return Handler{}, false
}

// IntConst is a helper for tests and the disassembler: the value of an int constant.
func IntConst(c any) (*big.Int, bool) {
	switch c := c.(type) {
	case int64:
		return big.NewInt(c), true
	case *big.Int:
		return c, true
	}
	return nil, false
}

// MaxArg is the largest instruction argument.
const MaxArg = 1<<24 - 1
