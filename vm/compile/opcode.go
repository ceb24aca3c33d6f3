// This file defines the instruction set: opcodes, their names and stack effects.
//
// Opcodes mirror CPython 3.12's where CPython has one (same name, same meaning, same
// argument), because the simulated GIL checks for switch requests only at certain
// instructions and that placement must match the real interpreter. Each instruction is
// one uint32: the opcode in the low 8 bits, the argument in the high 24 bits.

package compile

// Opcode is one instruction kind.
type Opcode uint8

// The instruction set. The comment on each gives its stack picture: what it pops → what
// it pushes.
const (
	NOP          Opcode = iota // - → -
	POP_TOP                    // x → -
	PUSH_NULL                  // - → NULL
	END_FOR                    // - → -   (marks a for loop's end; FOR_ITER jumps past it)
	COPY                       // x… → x… x   (COPY n copies the n-th item from the top)
	SWAP                       // swaps TOS with the n-th item
	RESUME                     // - → -   (function entry; an eval-breaker check point)
	RETURN_VALUE               // x → (return x)
	RETURN_CONST               // - → (return consts[n])

	LOAD_CONST           // - → consts[n]
	LOAD_FAST            // - → locals[n]
	STORE_FAST           // x → -   locals[n] = x
	DELETE_FAST          // - → -
	LOAD_GLOBAL          // - → [NULL] globals[n>>1]  (low bit: push NULL first)
	STORE_GLOBAL         // x → -
	DELETE_GLOBAL        // - → -
	LOAD_NAME            // - → x   (locals dict, then globals, then builtins)
	STORE_NAME           // x → -
	DELETE_NAME          // - → -
	LOAD_DEREF           // - → cell[n].contents
	STORE_DEREF          // x → -
	DELETE_DEREF         // - → -
	LOAD_CLOSURE         // - → cell[n]
	MAKE_CELL            // - → -   (wraps local n in a new cell)
	COPY_FREE_VARS       // - → -   (copies n closure cells into the frame)
	LOAD_ATTR            // obj → x, or obj → meth self (low bit set: method form)
	STORE_ATTR           // x obj → -   obj.names[n] = x
	DELETE_ATTR          // obj → -
	LOAD_SUPER_ATTR      // unused placeholder for 3.12's super() fast path
	BINARY_SUBSCR        // x i → x[i]
	STORE_SUBSCR         // v x i → -   x[i] = v
	DELETE_SUBSCR        // x i → -
	BINARY_SLICE         // x lo hi → x[lo:hi]
	STORE_SLICE          // v x lo hi → -
	BUILD_SLICE          // lo hi [step] → slice
	BINARY_OP            // x y → x op y   (n selects the operator, see BinaryOps)
	UNARY_NEGATIVE       // x → -x
	UNARY_NOT            // x → not x
	UNARY_INVERT         // x → ~x
	CALL_INTRINSIC_1     // x → f(x)   (n: 5 unary +, 6 list → tuple)
	COMPARE_OP           // x y → x cmp y   (n>>4 selects the comparison)
	IS_OP                // x y → x is y   (n=1: is not)
	CONTAINS_OP          // x y → x in y   (n=1: not in)
	POP_JUMP_IF_FALSE    // x → -   jump to n if x is false
	POP_JUMP_IF_TRUE     // x → -
	POP_JUMP_IF_NONE     // x → -
	POP_JUMP_IF_NOT_NONE // x → -
	JUMP_FORWARD         // - → -   jump to n
	JUMP_BACKWARD        // - → -   jump to n (a loop back-edge: an eval-breaker check point)
	GET_ITER             // x → iter(x)
	FOR_ITER             // it → it next, or jumps to n (past END_FOR) when exhausted
	BUILD_TUPLE          // x1…xn → (x1, …, xn)
	BUILD_LIST           // x1…xn → [x1, …, xn]
	BUILD_SET            // x1…xn → {x1, …, xn}
	BUILD_MAP            // k1 v1 … kn vn → {k1: v1, …}
	BUILD_STRING         // s1…sn → s1+…+sn
	LIST_APPEND          // list … x → list …   (list is the n-th item after popping x)
	SET_ADD              // set … x → set …
	MAP_ADD              // dict … k v → dict …
	LIST_EXTEND          // list … seq → list …
	SET_UPDATE           // set … seq → set …
	DICT_UPDATE          // dict … m → dict …
	DICT_MERGE           // dict … m → dict …   (like DICT_UPDATE, rejecting duplicate keys)
	UNPACK_SEQUENCE      // seq → xn … x1
	UNPACK_EX            // seq → (n>>8 after) [rest] (n&0xff before), reversed
	FORMAT_VALUE         // x [spec] → str   (n&3: conversion, n&4: a spec is on the stack)
	KW_NAMES             // - → -   (sets the keyword names, consts[n], for the next CALL)
	CALL                 // callable self_or_null args… → result
	CALL_FUNCTION_EX     // NULL f args_tuple [kwargs_dict] → result   (n&1: kwargs)
	MAKE_FUNCTION        // [defaults] [kwdefaults] [closure] code → function   (n: flags)
	LOAD_BUILD_CLASS     // - → __build_class__
	IMPORT_NAME          // level fromlist → module
	IMPORT_FROM          // module → module module.names[n]
	BEFORE_WITH          // mgr → exit enter_result
	WITH_EXCEPT_START    // exit lasti prev exc → exit lasti prev exc exit(type, exc, tb)
	PUSH_EXC_INFO        // exc → prev_exc exc
	POP_EXCEPT           // prev_exc → -   (restores the handled exception)
	CHECK_EXC_MATCH      // exc type → exc bool
	RERAISE              // … exc → (raise exc)
	RAISE_VARARGS        // [exc [cause]] → (raise)
	LOAD_ASSERTION_ERROR // - → AssertionError

	// Generators.
	RETURN_GENERATOR           // - → (returns a generator owning the frame) sent   (the value sent by the first send)
	YIELD_VALUE                // x → (suspends, yielding x) sent   (n: 1 for yield, 2 in yield from)
	GET_YIELD_FROM_ITER        // x → iter(x), a generator left as it is
	SEND                       // recv v → recv r   (sends v to recv; jumps to n with its return value)
	END_SEND                   // recv r → r
	CLEANUP_THROW              // recv last exc → None value   (a StopIteration thrown out of a delegate)
	JUMP_BACKWARD_NO_INTERRUPT // - → -   jump to n (not a check point)
	SETUP_ANNOTATIONS          // - → -   (makes __annotations__ in the locals dict if absent)
	IMPORT_STAR                // module → -   (binds its public names in the locals dict)

	// Pattern matching (the match statement).
	GET_LEN        // x → x len(x)
	MATCH_MAPPING  // x → x bool   (x is a mapping)
	MATCH_SEQUENCE // x → x bool   (x is a sequence, not str, bytes or bytearray)
	MATCH_KEYS     // x keys → x keys values   (a tuple of x[key] for each key, or None)
	MATCH_CLASS    // x cls names → attrs   (a tuple of n positional and the named attributes, or None)
)

// Names maps each opcode to its CPython name.
var Names = [...]string{
	NOP: "NOP", POP_TOP: "POP_TOP", PUSH_NULL: "PUSH_NULL", END_FOR: "END_FOR",
	COPY: "COPY", SWAP: "SWAP", RESUME: "RESUME", RETURN_VALUE: "RETURN_VALUE",
	RETURN_CONST: "RETURN_CONST", LOAD_CONST: "LOAD_CONST", LOAD_FAST: "LOAD_FAST",
	STORE_FAST: "STORE_FAST", DELETE_FAST: "DELETE_FAST", LOAD_GLOBAL: "LOAD_GLOBAL",
	STORE_GLOBAL: "STORE_GLOBAL", DELETE_GLOBAL: "DELETE_GLOBAL", LOAD_NAME: "LOAD_NAME",
	STORE_NAME: "STORE_NAME", DELETE_NAME: "DELETE_NAME", LOAD_DEREF: "LOAD_DEREF",
	STORE_DEREF: "STORE_DEREF", DELETE_DEREF: "DELETE_DEREF", LOAD_CLOSURE: "LOAD_CLOSURE",
	MAKE_CELL: "MAKE_CELL", COPY_FREE_VARS: "COPY_FREE_VARS", LOAD_ATTR: "LOAD_ATTR",
	STORE_ATTR: "STORE_ATTR", DELETE_ATTR: "DELETE_ATTR", LOAD_SUPER_ATTR: "LOAD_SUPER_ATTR",
	BINARY_SUBSCR: "BINARY_SUBSCR", STORE_SUBSCR: "STORE_SUBSCR", DELETE_SUBSCR: "DELETE_SUBSCR",
	BINARY_SLICE: "BINARY_SLICE", STORE_SLICE: "STORE_SLICE", BUILD_SLICE: "BUILD_SLICE",
	BINARY_OP: "BINARY_OP", UNARY_NEGATIVE: "UNARY_NEGATIVE", UNARY_NOT: "UNARY_NOT",
	UNARY_INVERT: "UNARY_INVERT", CALL_INTRINSIC_1: "CALL_INTRINSIC_1", COMPARE_OP: "COMPARE_OP",
	IS_OP: "IS_OP", CONTAINS_OP: "CONTAINS_OP", POP_JUMP_IF_FALSE: "POP_JUMP_IF_FALSE",
	POP_JUMP_IF_TRUE: "POP_JUMP_IF_TRUE", POP_JUMP_IF_NONE: "POP_JUMP_IF_NONE",
	POP_JUMP_IF_NOT_NONE: "POP_JUMP_IF_NOT_NONE", JUMP_FORWARD: "JUMP_FORWARD",
	JUMP_BACKWARD: "JUMP_BACKWARD", GET_ITER: "GET_ITER", FOR_ITER: "FOR_ITER",
	BUILD_TUPLE: "BUILD_TUPLE", BUILD_LIST: "BUILD_LIST", BUILD_SET: "BUILD_SET",
	BUILD_MAP: "BUILD_MAP", BUILD_STRING: "BUILD_STRING", LIST_APPEND: "LIST_APPEND",
	SET_ADD: "SET_ADD", MAP_ADD: "MAP_ADD", LIST_EXTEND: "LIST_EXTEND", SET_UPDATE: "SET_UPDATE",
	DICT_UPDATE: "DICT_UPDATE", DICT_MERGE: "DICT_MERGE", UNPACK_SEQUENCE: "UNPACK_SEQUENCE",
	UNPACK_EX: "UNPACK_EX", FORMAT_VALUE: "FORMAT_VALUE", KW_NAMES: "KW_NAMES", CALL: "CALL",
	CALL_FUNCTION_EX: "CALL_FUNCTION_EX", MAKE_FUNCTION: "MAKE_FUNCTION",
	LOAD_BUILD_CLASS: "LOAD_BUILD_CLASS", IMPORT_NAME: "IMPORT_NAME", IMPORT_FROM: "IMPORT_FROM",
	BEFORE_WITH: "BEFORE_WITH", WITH_EXCEPT_START: "WITH_EXCEPT_START",
	PUSH_EXC_INFO: "PUSH_EXC_INFO", POP_EXCEPT: "POP_EXCEPT", CHECK_EXC_MATCH: "CHECK_EXC_MATCH",
	RERAISE: "RERAISE", RAISE_VARARGS: "RAISE_VARARGS", LOAD_ASSERTION_ERROR: "LOAD_ASSERTION_ERROR",
	RETURN_GENERATOR: "RETURN_GENERATOR", YIELD_VALUE: "YIELD_VALUE",
	GET_YIELD_FROM_ITER: "GET_YIELD_FROM_ITER", SEND: "SEND", END_SEND: "END_SEND",
	CLEANUP_THROW: "CLEANUP_THROW", JUMP_BACKWARD_NO_INTERRUPT: "JUMP_BACKWARD_NO_INTERRUPT",
	SETUP_ANNOTATIONS: "SETUP_ANNOTATIONS", IMPORT_STAR: "IMPORT_STAR",
	GET_LEN: "GET_LEN", MATCH_MAPPING: "MATCH_MAPPING", MATCH_SEQUENCE: "MATCH_SEQUENCE",
	MATCH_KEYS: "MATCH_KEYS", MATCH_CLASS: "MATCH_CLASS",
}

func (op Opcode) String() string {
	if int(op) < len(Names) && Names[op] != "" {
		return Names[op]
	}
	return "ILLEGAL"
}

// IsJump reports whether op's argument is an instruction index to jump to.
func (op Opcode) IsJump() bool {
	switch op {
	case POP_JUMP_IF_FALSE, POP_JUMP_IF_TRUE, POP_JUMP_IF_NONE, POP_JUMP_IF_NOT_NONE,
		JUMP_FORWARD, JUMP_BACKWARD, FOR_ITER, SEND, JUMP_BACKWARD_NO_INTERRUPT:
		return true
	}
	return false
}

// HasArg reports whether op uses its argument (CPython's HAVE_ARGUMENT), so that a
// listing shows it.
func (op Opcode) HasArg() bool {
	switch op {
	case RETURN_GENERATOR, GET_YIELD_FROM_ITER, END_SEND, CLEANUP_THROW, GET_LEN,
		MATCH_MAPPING, MATCH_SEQUENCE, MATCH_KEYS:
		return false
	}
	return op >= LOAD_CONST || op == COPY || op == SWAP || op == RESUME || op == RETURN_CONST
}

// BinaryOps names BINARY_OP's arguments, in CPython 3.12's numbering (NB_ADD … NB_XOR,
// then the in-place forms at +13).
var BinaryOps = [...]string{
	"+", "&", "//", "<<", "@", "*", "%", "|", "**", ">>", "-", "/", "^",
	"+=", "&=", "//=", "<<=", "@=", "*=", "%=", "|=", "**=", ">>=", "-=", "/=", "^=",
}

// NumInplace is the offset of the in-place forms in BinaryOps.
const NumInplace = 13

// CompareOps names COMPARE_OP's arguments (the argument is index<<4, as in CPython 3.12).
var CompareOps = [...]string{"<", "<=", "==", "!=", ">", ">="}

// Intrinsic functions for CALL_INTRINSIC_1.
const (
	IntrinsicStopIterationError = 3 // a StopIteration leaving a generator → RuntimeError (PEP 479)
	IntrinsicUnaryPositive      = 5
	IntrinsicListToTuple        = 6
)

// MAKE_FUNCTION flags.
const (
	FuncDefaults    = 0x01
	FuncKwDefaults  = 0x02
	FuncAnnotations = 0x04
	FuncClosure     = 0x08
)

// FORMAT_VALUE flags.
const (
	FormatConvMask = 0x3 // 0 none, 1 str, 2 repr, 3 ascii
	FormatHaveSpec = 0x4
)

// stackEffect returns the net stack effect of an instruction (jump taken or not:
// the maximum of the two), used to compute each function's maximum stack depth.
func stackEffect(op Opcode, arg uint32, jump bool) int {
	n := int(arg)
	switch op {
	case NOP, END_FOR, RESUME, JUMP_FORWARD, JUMP_BACKWARD, DELETE_FAST, DELETE_GLOBAL, DELETE_NAME,
		DELETE_DEREF, MAKE_CELL, COPY_FREE_VARS, SWAP, KW_NAMES, UNARY_NEGATIVE, UNARY_NOT,
		UNARY_INVERT, CALL_INTRINSIC_1, GET_ITER, CHECK_EXC_MATCH, YIELD_VALUE, GET_YIELD_FROM_ITER,
		SEND, JUMP_BACKWARD_NO_INTERRUPT, SETUP_ANNOTATIONS:
		return 0
	case RETURN_GENERATOR:
		return 1 // the value the first send pushes, which POP_TOP drops
	case END_SEND, CLEANUP_THROW:
		return -1
	case POP_TOP, RETURN_VALUE, STORE_FAST, STORE_GLOBAL, STORE_NAME, STORE_DEREF,
		DELETE_ATTR, BINARY_SUBSCR, BINARY_OP, COMPARE_OP, IS_OP, CONTAINS_OP,
		POP_JUMP_IF_FALSE, POP_JUMP_IF_TRUE, POP_JUMP_IF_NONE, POP_JUMP_IF_NOT_NONE,
		LIST_APPEND, SET_ADD, LIST_EXTEND, SET_UPDATE, DICT_UPDATE, DICT_MERGE, POP_EXCEPT,
		RERAISE, IMPORT_NAME, IMPORT_STAR:
		return -1
	case PUSH_NULL, COPY, LOAD_CONST, LOAD_FAST, LOAD_NAME, LOAD_DEREF, LOAD_CLOSURE,
		LOAD_BUILD_CLASS, LOAD_ASSERTION_ERROR, IMPORT_FROM, BEFORE_WITH, WITH_EXCEPT_START,
		PUSH_EXC_INFO, GET_LEN, MATCH_MAPPING, MATCH_SEQUENCE, MATCH_KEYS:
		return 1
	case MATCH_CLASS:
		return -2
	case RETURN_CONST:
		return 0
	case LOAD_GLOBAL:
		return 1 + n&1
	case LOAD_ATTR:
		return n & 1
	case STORE_ATTR, DELETE_SUBSCR, MAP_ADD:
		return -2
	case STORE_SUBSCR:
		return -3
	case BINARY_SLICE:
		return -2
	case STORE_SLICE:
		return -4
	case BUILD_SLICE:
		return 1 - n
	case FOR_ITER:
		if jump {
			return -1
		}
		return 1
	case BUILD_TUPLE, BUILD_LIST, BUILD_SET, BUILD_STRING:
		return 1 - n
	case BUILD_MAP:
		return 1 - 2*n
	case UNPACK_SEQUENCE:
		return n - 1
	case UNPACK_EX:
		return (n & 0xff) + (n >> 8)
	case FORMAT_VALUE:
		if n&FormatHaveSpec != 0 {
			return -1
		}
		return 0
	case CALL:
		return -1 - n
	case CALL_FUNCTION_EX:
		return -2 - n&1
	case MAKE_FUNCTION:
		c := 0
		for _, f := range []uint32{FuncDefaults, FuncKwDefaults, FuncAnnotations, FuncClosure} {
			if arg&f != 0 {
				c++
			}
		}
		return -c
	case RAISE_VARARGS:
		return -n
	case LOAD_SUPER_ATTR:
		return -2
	}
	return 0
}
