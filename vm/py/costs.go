// This file defines Costs, the simulated CPU time of each instruction and of each
// unit of work a builtin does: the price list a model gives its threads.

package py

// Costs is a model's price list, in picoseconds. Op is charged before each
// instruction; the other fields are charged by the runtime where the work happens,
// so that a builtin's cost grows with what it does (the items it sorts, the
// characters it formats) as it does in CPython. The zero value charges nothing.
type Costs struct {
	// Op is the cost of each opcode's dispatch and work on small operands.
	Op [256]int64
	// BinOp is what BINARY_OP adds to Op's price, by its argument: a division or
	// remainder (/, //, % and their in-place forms) adds the processor's divide, a
	// bitwise operator (&, |, ^, <<, >>) what the interpreter's int code does for it,
	// which in some versions is far from an add's (BinOpClass).
	BinOp [32]int64
	// PyCall is pushing a Python frame (a call of a Python function or method).
	PyCall int64
	// CCall is calling a builtin function or method.
	CCall int64
	// CItem is one item of a builtin's own loop over an iterable (sum, list(),
	// sorted()'s copy of an iterator…): the iterator's next and what the loop does
	// with the item in C.
	CItem int64
	// TypeCall is calling a builtin type (str(x), int(x), list(x)…).
	TypeCall int64
	// IntAlloc is allocating (and later freeing) an int outside the small-int cache.
	IntAlloc int64
	// NewObject is creating an instance of a class defined in Python.
	NewObject int64
	// DictOp is one dict lookup or store by key (subscript, get, in).
	DictOp int64
	// DictStore is what a store adds to its lookup: the new value's reference
	// taken and the old one's dropped, or a new entry appended.
	DictStore int64
	// FormatCall is one %-formatting operation (parsing the template, assembling
	// the result).
	FormatCall int64
	// StrFormatCall is one str.format call.
	StrFormatCall int64
	// FormatItem is one conversion of %-formatting, str.format or an f-string.
	FormatItem int64
	// FormatChar is one character of formatted output.
	FormatChar int64
	// IntDigit is one decimal digit of an int converted to a string.
	IntDigit int64
	// IntConvert is the fixed part of converting an int to a string (str(i),
	// repr(i), "%d" % i, format(i)): setting up the conversion and allocating the
	// result, whatever the number of digits.
	IntConvert int64
	// PctInt is what converting an int by %-formatting's %d, %i or %u adds to
	// the conversion str(i) does (2.7 formats it through C's snprintf).
	PctInt int64
	// StrChar is one character copied into a new string (join, concatenation).
	StrChar int64
	// StrPiece is one string joined or concatenated.
	StrPiece int64
	// SortDeep is one comparison of a sort of n items times log2(n): a comparison
	// costs more as the list outgrows the caches.
	SortDeep int64
	// SortCompare is one comparison a sort makes (timsort's own count, listsort.go).
	SortCompare int64
	// ItemCopy is one item of a list or tuple copied whole or sliced (a new
	// reference: the item's count is written, so its memory is fetched).
	ItemCopy int64
	// SortMiss is one comparison of a sort of n items whose outcome a branch
	// predictor would have guessed wrong (listsort.go), times log2(n).
	SortMiss int64
	// SortItem is one item of a sort: CPython looks at each once to choose the
	// comparison it will use.
	SortItem int64
}

// Classes of BINARY_OP arguments whose price differs from the plain operators'.
const (
	BinPlain   = iota // +, -, *, @, ** and their in-place forms
	BinDivide         // //, %, /
	BinBitwise        // &, |, ^, <<, >>
)

// BinOpClass is the class of each BINARY_OP argument (CPython 3.12's NB_ numbers,
// compile.BinaryOps).
var BinOpClass = [32]uint8{
	2: BinDivide, 6: BinDivide, 11: BinDivide, 15: BinDivide, 19: BinDivide, 24: BinDivide,
	1: BinBitwise, 3: BinBitwise, 7: BinBitwise, 9: BinBitwise, 12: BinBitwise,
	14: BinBitwise, 16: BinBitwise, 20: BinBitwise, 22: BinBitwise, 25: BinBitwise,
}
