package syntax

// This file defines Parse and the statement grammar of gilscope's
// recursive-descent parser. Expressions are parsed in expr.go, and
// assignment targets are checked in target.go.
//
// The parser reports errors by panicking with a bailout, which Parse
// recovers. Errors that CPython finds only after parsing (in its symbol
// table or compiler), such as 'return' outside a function, are deferred so
// that a genuine syntax error later in the file takes precedence, as it
// does in CPython.

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"
)

// maxDepth bounds the nesting of expressions (parentheses are bounded
// separately by the scanner), so that hostile input cannot exhaust the stack.
const maxDepth = 300

// Parse parses the Python source text src of the named file.
// It never panics: every problem is reported as an *Error. Line endings
// may be "\n", "\r\n" or "\r"; src must be UTF-8.
func Parse(filename string, src []byte) (mod *Module, err error) {
	src = normalizeNewlines(src)
	off := 0
	if bytes.HasPrefix(src, []byte("\uFEFF")) {
		off = len("\uFEFF") // a UTF-8 byte order mark
	}
	return parseWith(newParser(filename, src, off, Pos{1, 1}), src, (*parser).parseFile)
}

// parseWith runs parse on p, which reads src, turning its bailout into an error.
func parseWith(p *parser, src []byte, parse func(*parser) *Module) (mod *Module, err error) {
	defer func() {
		if r := recover(); r != nil {
			b, ok := r.(bailout)
			if !ok {
				panic(r) // a bug
			}
			mod, err = nil, p.finalError(b)
		}
	}()
	if e := checkEncoding(p.filename, src); e != nil {
		return nil, e
	}
	p.next()
	mod = parse(p)
	if p.deferred != nil {
		return nil, p.deferred
	}
	return mod, nil
}

// normalizeNewlines converts "\r\n" and "\r" line endings to "\n",
// copying src only if needed.
func normalizeNewlines(src []byte) []byte {
	if bytes.IndexByte(src, '\r') < 0 {
		return src
	}
	src = bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))
	return bytes.ReplaceAll(src, []byte("\r"), []byte("\n"))
}

// checkEncoding rejects invalid UTF-8 and NUL bytes.
func checkEncoding(filename string, src []byte) *Error {
	line, col := int32(1), int32(1)
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			if l, enc := codingDeclaration(src); enc != "" {
				return &Error{Filename: filename, Pos: Pos{l, 1},
					Msg: fmt.Sprintf("gilscope does not support source encodings other than UTF-8 (%s) yet", enc)}
			}
			return &Error{Filename: filename, Pos: Pos{line, col},
				Msg: fmt.Sprintf("(unicode error) 'utf-8' codec can't decode byte 0x%02x in position %d: invalid start byte", src[i], i)}
		case r == 0:
			return &Error{Filename: filename, Pos: Pos{line, col}, Msg: "source code cannot contain null bytes"}
		case r == '\n':
			line, col = line+1, 0
		}
		i += size
		col++
	}
	return nil
}

// codingRE matches a PEP 263 encoding declaration.
var codingRE = regexp.MustCompile(`^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)`)

// codingDeclaration returns the line and name of the encoding a file declares on
// its first or second line, if that is not UTF-8.
func codingDeclaration(src []byte) (int32, string) {
	for i, line := range bytes.SplitN(src, []byte("\n"), 3)[:min(2, bytes.Count(src, []byte("\n"))+1)] {
		if m := codingRE.FindSubmatch(line); m != nil {
			enc := strings.ToLower(strings.ReplaceAll(string(m[1]), "_", "-"))
			if enc == "utf-8" || strings.HasPrefix(enc, "utf-8-") || enc == "utf8" {
				return 0, ""
			}
			return int32(i + 1), string(m[1])
		}
	}
	return 0, ""
}

// A parser holds the state of one parse: the scanner, the current token
// and a queue of lookahead tokens.
type parser struct {
	filename string
	sc       *scanner
	tok      token      // current token
	val      tokenValue // its value
	ahead    []aheadToken

	prevTok     token // the last consumed token
	prevPos     Pos   // its start
	prevEnd     Pos   // end of the last consumed token
	lastNewline Pos   // position of the last consumed NEWLINE
	depth       int   // expression nesting
	named       bool  // the next expression may be `name := value` (see parseNamed)

	// where the statement being parsed is
	inFunc   bool // directly in a function body (not a class body)
	atModule bool // at module level
	loops    int  // enclosing loops in the current scope

	field    bool   // parsing an f-string replacement field
	deferred *Error // the first error CPython would report after parsing
}

type aheadToken struct {
	tok token
	val tokenValue
}

func newParser(filename string, src []byte, off int, pos Pos) *parser {
	return &parser{
		filename: filename,
		sc:       newScanner(filename, src, off, pos),
		atModule: true,
	}
}

// next advances to the next token.
func (p *parser) next() {
	if p.tok == NEWLINE {
		p.lastNewline = p.val.pos
	}
	p.prevTok, p.prevPos, p.prevEnd = p.tok, p.val.pos, p.val.end
	if len(p.ahead) > 0 {
		p.tok, p.val = p.ahead[0].tok, p.ahead[0].val
		p.ahead = p.ahead[1:]
		return
	}
	p.tok = p.sc.nextToken(&p.val)
}

// peek returns the kind of the token n tokens after the current one (n ≥ 1).
func (p *parser) peek(n int) token {
	for len(p.ahead) < n {
		var a aheadToken
		a.tok = p.sc.nextToken(&a.val)
		p.ahead = append(p.ahead, a)
	}
	return p.ahead[n-1].tok
}

// finalError returns the error to report for a bailout. As in CPython, an
// error found by the parser is superseded by most tokenizer errors
// anywhere later in the file, and by an unclosed bracket opened on a line
// before the last token the parser read.
func (p *parser) finalError(b bailout) (err *Error) {
	if b.scanner || p.field {
		return b.err
	}
	lastLine := p.sc.lastLine
	defer func() {
		if r := recover(); r != nil {
			later, ok := r.(bailout)
			if !ok {
				panic(r)
			}
			err = later.err
			switch {
			case later.weak, len(p.sc.fstrings) > 0:
				err = b.err
			case strings.HasSuffix(err.Msg, "was never closed") && err.Pos.Line >= lastLine:
				err = b.err
			}
		}
	}()
	var val tokenValue
	for p.sc.nextToken(&val) != EOF {
	}
	return b.err
}

func (p *parser) fail(kind ErrorKind, pos, end Pos, msg string) {
	panic(bailout{err: &Error{Filename: p.filename, Pos: pos, End: end, Msg: msg, Kind: kind}})
}

// errorf reports a syntax error at pos.
func (p *parser) errorf(pos Pos, format string, args ...any) {
	p.fail(SyntaxError, pos, Pos{}, fmt.Sprintf(format, args...))
}

// errorSpan reports a syntax error about the text of node n.
func (p *parser) errorSpan(n Node, format string, args ...any) {
	start, end := n.Span()
	p.fail(SyntaxError, start, end, fmt.Sprintf(format, args...))
}

// deferf records an error that CPython would report only after parsing.
func (p *parser) deferf(pos Pos, format string, args ...any) {
	if p.deferred == nil {
		p.deferred = &Error{Filename: p.filename, Pos: pos, Msg: fmt.Sprintf(format, args...)}
	}
}

// unsupported reports a Python construct that gilscope does not implement.
func (p *parser) unsupported(pos Pos, what string) {
	p.errorf(pos, "gilscope does not support %s yet", what)
}

// syntaxError reports the current token as unexpected.
func (p *parser) syntaxError() {
	switch p.tok {
	case INDENT:
		p.fail(IndentationError, p.val.pos, Pos{}, "unexpected indent")
	case DEDENT:
		p.fail(IndentationError, p.val.pos, Pos{}, "unexpected unindent")
	case EOF:
		if p.field {
			p.errorf(p.prevPos, "f-string: expecting '=', or '!', or ':', or '}'")
		}
	}
	pos := p.errorPos()
	if p.afterOperand() && startsOperand(p.tok) {
		// Like CPython, read the juxtaposed expression before giving up:
		// how far the parser read matters if an unclosed bracket is
		// found later (see finalError).
		p.try(func() { p.parseStarExprs() }, false)
	}
	p.genericError(pos)
}

// genericError reports "invalid syntax" at pos.
func (p *parser) genericError(pos Pos) {
	panic(bailout{err: &Error{Filename: p.filename, Pos: pos, Msg: "invalid syntax"}, generic: true})
}

// errorPos returns the position at which CPython reports the current token
// as unexpected: its start, except that after an operand CPython reads on
// past a 'not' that might begin 'not in'.
func (p *parser) errorPos() Pos {
	if p.tok == NOT && p.afterOperand() && p.peek(1) != IN {
		return p.ahead[0].val.pos
	}
	return p.val.pos
}

// afterOperand reports whether the previous token can end an operand.
func (p *parser) afterOperand() bool {
	switch p.prevTok {
	case NAME, INT, FLOAT, STRING, RPAREN, RBRACK, RBRACE, NONE, TRUE, FALSE:
		return true
	}
	return false
}

// expect consumes a token of kind tok or reports a syntax error.
func (p *parser) expect(tok token) Pos {
	if p.tok != tok {
		p.syntaxError()
	}
	pos := p.val.pos
	p.next()
	return pos
}

// expectColon consumes the ':' of a compound statement header. CPython
// says "expected ':'" when the line ends instead, or always if forced.
func (p *parser) expectColon(forced bool) {
	if p.tok != COLON && (forced || p.tok == NEWLINE) {
		p.errorf(p.val.pos, "expected ':'")
	}
	p.expect(COLON)
}

// expectName consumes a NAME and returns it with its position.
func (p *parser) expectName() (string, Pos) {
	name, pos := p.val.raw, p.val.pos
	p.expect(NAME)
	return name, pos
}

// enter and leave bracket a level of expression nesting.
func (p *parser) enter() {
	p.depth++
	if p.depth > maxDepth {
		p.errorf(p.val.pos, "too many nested expressions")
	}
}

func (p *parser) leave() { p.depth-- }

// parseFile parses a whole file.
func (p *parser) parseFile() *Module {
	var body []Stmt
	for p.tok != EOF {
		body = p.parseStmt(body)
	}
	return &Module{Filename: p.filename, Body: body}
}

// parseStmt parses one statement line, or one compound statement, and
// appends it to body.
func (p *parser) parseStmt(body []Stmt) []Stmt {
	switch p.tok {
	case IF:
		return append(body, p.parseIf())
	case WHILE:
		return append(body, p.parseWhile())
	case FOR:
		return append(body, p.parseFor())
	case TRY:
		return append(body, p.parseTry())
	case WITH:
		return append(body, p.parseWith())
	case DEF:
		return append(body, p.parseDef())
	case CLASS:
		return append(body, p.parseClass())
	case AT:
		return append(body, p.parseDecorated())
	case ASYNC:
		p.unsupported(p.val.pos, "`async`")
	case NAME:
		switch {
		case p.val.raw == "match" && p.isMatchStmt():
			return append(body, p.parseMatch())
		case p.val.raw == "type" && p.peek(1) == NAME && (p.peek(2) == EQ || p.peek(2) == LBRACK):
			p.unsupported(p.val.pos, "`type` statements")
		}
	}
	return p.parseSimpleStmts(body)
}

// isMatchStmt reports whether the line starting with the soft keyword
// "match" is a match statement: one whose logical line ends with ':'.
// (No expression statement or assignment can end that way.)
func (p *parser) isMatchStmt() bool {
	switch p.peek(1) {
	case EQ, COLON, NEWLINE, EOF, SEMI, DOT, COMMA:
		return false
	}
	for i := 2; ; i++ {
		switch p.peek(i) {
		case NEWLINE, EOF:
			return p.peek(i-1) == COLON
		}
	}
}

// parseBlock parses the body of a compound statement after its ':'.
// what describes the statement for CPython's IndentationError message.
func (p *parser) parseBlock(what string, header Pos) []Stmt {
	if p.tok != NEWLINE {
		return p.parseSimpleStmts(nil)
	}
	nl := p.val.pos
	p.next()
	if p.tok != INDENT {
		pos := p.val.pos
		if p.tok == EOF || p.tok == DEDENT && p.sc.peek() == eof {
			pos = nl // CPython points at the end of the header line
		}
		p.fail(IndentationError, pos, Pos{}, fmt.Sprintf("expected an indented block after %s on line %d", what, header.Line))
	}
	p.next()
	var body []Stmt
	for p.tok != DEDENT && p.tok != EOF {
		body = p.parseStmt(body)
	}
	if p.tok == DEDENT {
		p.next()
	}
	return body
}

// parseLoopBody parses the body of a for or while loop.
func (p *parser) parseLoopBody(what string, header Pos) []Stmt {
	p.loops++
	body := p.parseBlock(what, header)
	p.loops--
	return body
}

// parseScopeBody parses the body of a def (isFunc) or class.
func (p *parser) parseScopeBody(isFunc bool, what string, header Pos) []Stmt {
	inFunc, atModule, loops := p.inFunc, p.atModule, p.loops
	p.inFunc, p.atModule, p.loops = isFunc, false, 0
	body := p.parseBlock(what, header)
	p.inFunc, p.atModule, p.loops = inFunc, atModule, loops
	return body
}

// parseElse parses an optional `else:` clause.
func (p *parser) parseElse() []Stmt {
	if p.tok != ELSE {
		return nil
	}
	pos := p.val.pos
	p.next()
	p.expectColon(true)
	return p.parseBlock("'else' statement", pos)
}

// parseIf parses an if statement and its elif clauses, each a nested If,
// in a loop: a chain of elifs is as long as the source allows.
func (p *parser) parseIf() *If {
	first := p.parseIfClause()
	last := first
	for p.tok == ELIF {
		elif := p.parseIfClause()
		last.OrElse = []Stmt{elif}
		last = elif
	}
	last.OrElse = p.parseElse()
	end := bodyEnd(last.OrElse, last.Body)
	for s := first; ; s = s.OrElse[0].(*If) {
		s.End = end
		if s == last {
			return first
		}
	}
}

// parseIfClause parses `if test: body` or `elif test: body`.
func (p *parser) parseIfClause() *If {
	pos, kw := p.val.pos, p.tok
	p.next()
	test := p.parseCondition()
	p.expectColon(false)
	return &If{IfPos: pos, Test: test, Body: p.parseBlock(fmt.Sprintf("'%s' statement", kw), pos)}
}

func (p *parser) parseWhile() *While {
	pos := p.val.pos
	p.next()
	test := p.parseCondition()
	p.expectColon(false)
	body := p.parseLoopBody("'while' statement", pos)
	orelse := p.parseElse()
	return &While{WhilePos: pos, End: bodyEnd(orelse, body), Test: test, Body: body, OrElse: orelse}
}

func (p *parser) parseFor() *For {
	pos := p.val.pos
	p.next()
	target := p.parseTargets()
	p.checkTarget(target)
	p.expect(IN)
	iter := p.parseStarExprs()
	p.checkNotStarred(iter)
	p.expectColon(false)
	body := p.parseLoopBody("'for' statement", pos)
	orelse := p.parseElse()
	return &For{ForPos: pos, End: bodyEnd(orelse, body), Target: target, Iter: iter, Body: body, OrElse: orelse}
}

func (p *parser) parseTry() *Try {
	stmt := &Try{TryPos: p.val.pos}
	p.next()
	p.expectColon(true)
	stmt.Body = p.parseBlock("'try' statement", stmt.TryPos)
	for p.tok == EXCEPT {
		if n := len(stmt.Handlers); n > 0 && stmt.Handlers[n-1].Type == nil {
			p.errorf(stmt.Handlers[n-1].ExceptPos, "default 'except:' must be last")
		}
		stmt.Handlers = append(stmt.Handlers, p.parseExcept())
	}
	if stmt.Handlers == nil && p.tok != FINALLY {
		pos := p.val.pos
		if p.tok == EOF || p.tok == DEDENT && p.sc.peek() == eof {
			pos = p.lastNewline
		}
		p.errorf(pos, "expected 'except' or 'finally' block")
	}
	if len(stmt.Handlers) > 0 {
		stmt.OrElse = p.parseElse()
	}
	if p.tok == FINALLY {
		pos := p.val.pos
		p.next()
		p.expectColon(true)
		stmt.FinalBody = p.parseBlock("'finally' statement", pos)
	}
	last := stmt.Body
	if n := len(stmt.Handlers); n > 0 {
		last = stmt.Handlers[n-1].Body
	}
	stmt.End = bodyEnd(stmt.FinalBody, stmt.OrElse, last)
	return stmt
}

func (p *parser) parseExcept() *ExceptHandler {
	h := &ExceptHandler{ExceptPos: p.val.pos}
	p.next()
	if p.tok == STAR {
		p.unsupported(p.val.pos, "`except*`")
	}
	if p.tok != COLON && p.tok != NEWLINE {
		h.Type = p.parseTest()
		if p.tok == COMMA {
			p.errorSpan(h.Type, "multiple exception types must be parenthesized")
		}
		if p.tok == AS {
			p.next()
			h.Name, h.NamePos = p.expectName()
		}
	}
	p.expectColon(false)
	h.Body = p.parseBlock("'except' statement", h.ExceptPos)
	return h
}

func (p *parser) parseWith() *With {
	stmt := &With{WithPos: p.val.pos}
	p.next()
	if p.tok == LPAREN && p.isParenthesizedWithItems() {
		p.next()
		for p.tok != RPAREN {
			stmt.Items = append(stmt.Items, p.parseWithItem())
			if p.tok != COMMA {
				break
			}
			p.next()
		}
		p.expect(RPAREN)
	} else {
		stmt.Items = append(stmt.Items, p.parseWithItem())
		for p.tok == COMMA {
			p.next()
			stmt.Items = append(stmt.Items, p.parseWithItem())
		}
	}
	p.expectColon(false)
	stmt.Body = p.parseBlock("'with' statement", stmt.WithPos)
	stmt.End = bodyEnd(stmt.Body)
	return stmt
}

// isParenthesizedWithItems reports whether the '(' after `with` encloses
// the with items, as in `with (a as b, c):`, rather than starting an
// expression, as in `with (a, b) as c:`. The items are parenthesized if
// the matching ')' is followed by ':'.
func (p *parser) isParenthesizedWithItems() bool {
	depth := 0
	for i := 1; ; i++ {
		switch p.peek(i) {
		case LPAREN, LBRACK, LBRACE:
			depth++
		case RPAREN, RBRACK, RBRACE:
			if depth == 0 {
				return p.peek(i+1) == COLON
			}
			depth--
		case NEWLINE, EOF:
			return false
		}
	}
}

func (p *parser) parseWithItem() *WithItem {
	item := &WithItem{ContextExpr: p.parseTest()}
	if p.tok == AS {
		p.next()
		item.Target = p.parseTarget()
		p.checkTarget(item.Target)
	}
	return item
}

// parseDecorated parses `@expr` lines and the def or class they decorate.
func (p *parser) parseDecorated() Stmt {
	var decorators []Expr
	for p.tok == AT {
		p.next()
		decorators = append(decorators, p.parseNamed(p.parseTest))
		if p.tok != NEWLINE {
			p.errorf(p.val.pos, "invalid syntax")
		}
		p.next()
	}
	switch p.tok {
	case DEF:
		d := p.parseDef()
		d.Decorators = decorators
		return d
	case CLASS:
		c := p.parseClass()
		c.Decorators = decorators
		return c
	case ASYNC:
		p.unsupported(p.val.pos, "`async`")
	}
	p.errorf(p.val.pos, "invalid syntax")
	return nil
}

func (p *parser) parseDef() *FunctionDef {
	stmt := &FunctionDef{DefPos: p.val.pos}
	p.next()
	stmt.Name, stmt.NamePos = p.expectName()
	if p.tok == LBRACK {
		p.unsupported(p.val.pos, "type parameters")
	}
	if p.tok != LPAREN {
		p.errorf(p.val.pos, "expected '('")
	}
	p.next()
	stmt.Args = p.parseParams(RPAREN)
	p.expect(RPAREN)
	if p.tok == ARROW {
		p.next()
		stmt.Returns = p.parseTest()
	}
	p.expectColon(true)
	stmt.Body = p.parseScopeBody(true, "function definition", stmt.DefPos)
	stmt.End = bodyEnd(stmt.Body)
	return stmt
}

func (p *parser) parseClass() *ClassDef {
	stmt := &ClassDef{ClassPos: p.val.pos}
	p.next()
	stmt.Name, stmt.NamePos = p.expectName()
	if p.tok == LBRACK {
		p.unsupported(p.val.pos, "type parameters")
	}
	if p.tok == LPAREN {
		p.next()
		for p.tok != RPAREN {
			switch {
			case p.tok == STAR:
				p.unsupported(p.val.pos, "unpacking in class bases")
			case p.tok == STARSTAR:
				p.unsupported(p.val.pos, "`**` in class definitions")
			}
			var base Expr
			if p.tok == NAME && p.peek(1) == EQ {
				kw := &Keyword{ArgPos: p.val.pos}
				kw.Arg, _ = p.expectName()
				p.next()
				kw.Value = p.parseTest()
				stmt.Keywords = append(stmt.Keywords, kw)
				base = kw.Value
			} else {
				base = p.parseTest()
				if len(stmt.Keywords) > 0 {
					p.errorf(p.val.pos, "positional argument follows keyword argument")
				}
				stmt.Bases = append(stmt.Bases, base)
			}
			if p.tok != COMMA {
				p.expectClose(RPAREN, base)
				break
			}
			p.next()
		}
		p.next()
	}
	p.expectColon(false)
	stmt.Body = p.parseScopeBody(false, "class definition", stmt.ClassPos)
	stmt.End = bodyEnd(stmt.Body)
	return stmt
}

// parseSimpleStmts parses a line of ';'-separated simple statements.
func (p *parser) parseSimpleStmts(body []Stmt) []Stmt {
	for {
		body = append(body, p.parseSimpleStmt())
		if p.tok != SEMI {
			break
		}
		p.next()
		if p.tok == NEWLINE {
			break
		}
	}
	if startsOperand(p.tok) {
		p.juxtaposed(body[len(body)-1])
	}
	p.expect(NEWLINE)
	return body
}

// juxtaposed reports a statement followed by the start of an expression.
// Like CPython, it first parses that expression: if the statement is a
// lone name, errors found in it are reported (as in `retu{n x}`);
// otherwise they are ignored, but how far the parser read still matters
// when an unclosed bracket is found later (see finalError). A tuple
// followed by `y = z` gets the diagnosis of a misplaced '=', as in
// `a, b c = d`.
func (p *parser) juxtaposed(stmt Stmt) {
	pos := p.errorPos()
	var name, tuple bool
	if s, ok := stmt.(*ExprStmt); ok {
		_, name = s.Value.(*Name)
		tuple = isBareTuple(s.Value)
	}
	var x Expr
	if p.try(func() { x = p.parseStarExprs() }, name) && p.tok == EQ && tuple {
		p.misplacedEq(x, pos)
	}
	p.errorf(pos, "invalid syntax")
}

func (p *parser) parseSimpleStmt() Stmt {
	pos := p.val.pos
	switch p.tok {
	case PASS:
		p.next()
		return &Pass{KwPos: pos}
	case BREAK:
		if p.loops == 0 {
			p.deferf(pos, "'break' outside loop")
		}
		p.next()
		return &Break{KwPos: pos}
	case CONTINUE:
		if p.loops == 0 {
			p.deferf(pos, "'continue' not properly in loop")
		}
		p.next()
		return &Continue{KwPos: pos}
	case RETURN:
		return p.parseReturn()
	case RAISE:
		return p.parseRaise()
	case GLOBAL, NONLOCAL:
		return p.parseGlobal()
	case DEL:
		p.next()
		targets := p.parseDelTargets()
		return &Delete{KwPos: pos, End: end(targets[len(targets)-1]), Targets: targets}
	case ASSERT:
		p.next()
		stmt := &Assert{KwPos: pos, Test: p.parseTest()}
		stmt.End = end(stmt.Test)
		if p.tok == COMMA {
			p.next()
			stmt.Msg = p.parseTest()
			stmt.End = end(stmt.Msg)
		}
		return stmt
	case IMPORT:
		return p.parseImport()
	case FROM:
		return p.parseFromImport()
	}
	return p.parseExprStmt()
}

func (p *parser) parseReturn() *Return {
	stmt := &Return{KwPos: p.val.pos, End: p.val.end}
	if !p.inFunc {
		p.deferf(stmt.KwPos, "'return' outside function")
	}
	p.next()
	if p.tok != NEWLINE && p.tok != SEMI {
		stmt.Value = p.parseStarExprs()
		stmt.End = end(stmt.Value)
		p.checkNotStarred(stmt.Value)
	}
	return stmt
}

func (p *parser) parseRaise() *Raise {
	stmt := &Raise{KwPos: p.val.pos, End: p.val.end}
	p.next()
	if p.tok != NEWLINE && p.tok != SEMI {
		stmt.Exc = p.parseTest()
		stmt.End = end(stmt.Exc)
		if p.tok == FROM {
			p.next()
			stmt.Cause = p.parseTest()
			stmt.End = end(stmt.Cause)
		}
	}
	return stmt
}

// parseGlobal parses a global or nonlocal statement.
func (p *parser) parseGlobal() Stmt {
	kw, pos := p.tok, p.val.pos
	p.next()
	var names []string
	for {
		name, _ := p.expectName()
		names = append(names, name)
		if p.tok != COMMA {
			break
		}
		p.next()
	}
	if kw == GLOBAL {
		return &Global{KwPos: pos, End: p.prevEnd, Names: names}
	}
	if p.atModule {
		p.deferf(pos, "nonlocal declaration not allowed at module level")
	}
	return &Nonlocal{KwPos: pos, End: p.prevEnd, Names: names}
}

func (p *parser) parseImport() *Import {
	stmt := &Import{KwPos: p.val.pos}
	p.next()
	for {
		alias := &Alias{NamePos: p.val.pos, Name: p.parseDottedName()}
		if p.tok == AS {
			p.next()
			alias.AsName, _ = p.expectName()
		}
		stmt.Names = append(stmt.Names, alias)
		if p.tok != COMMA {
			break
		}
		p.next()
	}
	stmt.End = p.prevEnd
	return stmt
}

// parseDottedName parses `a.b.c`.
func (p *parser) parseDottedName() string {
	name, _ := p.expectName()
	if p.tok != DOT {
		return name
	}
	var b strings.Builder // += would copy the name for each part
	b.WriteString(name)
	for p.tok == DOT {
		p.next()
		part, _ := p.expectName()
		b.WriteString(".")
		b.WriteString(part)
	}
	return b.String()
}

func (p *parser) parseFromImport() *ImportFrom {
	stmt := &ImportFrom{KwPos: p.val.pos}
	p.next()
	for p.tok == DOT || p.tok == ELLIPSIS {
		stmt.Level += len(p.tok.String())
		p.next()
	}
	if stmt.Level == 0 || p.tok != IMPORT {
		stmt.Module = p.parseDottedName()
	}
	p.expect(IMPORT)
	switch p.tok {
	case STAR:
		stmt.Names = []*Alias{{NamePos: p.val.pos, Name: "*"}}
		p.next()
	case LPAREN:
		p.next()
		p.parseImportNames(stmt, true)
		p.expect(RPAREN)
	default:
		p.parseImportNames(stmt, false)
	}
	stmt.End = p.prevEnd
	return stmt
}

// parseImportNames parses `a as b, c` after `from m import`.
func (p *parser) parseImportNames(stmt *ImportFrom, parens bool) {
	for {
		alias := &Alias{NamePos: p.val.pos}
		alias.Name, _ = p.expectName()
		if p.tok == AS {
			p.next()
			alias.AsName, _ = p.expectName()
		}
		stmt.Names = append(stmt.Names, alias)
		if p.tok != COMMA {
			return
		}
		p.next()
		if parens && p.tok == RPAREN {
			return
		}
		if !parens && p.tok != NAME {
			p.errorf(p.val.pos, "trailing comma not allowed without surrounding parentheses")
		}
	}
}

// parseExprStmt parses an expression statement, an assignment or an
// augmented assignment.
func (p *parser) parseExprStmt() Stmt {
	paren := p.tok == LPAREN
	x := p.parseStarExprs()
	switch p.tok {
	case EQ:
		return p.parseAssign(x)
	case COLON:
		return p.parseAnnAssign(x, paren)
	}
	if op, ok := augOps[p.tok]; ok {
		p.checkAugTarget(x)
		pos := p.val.pos
		p.next()
		value := p.parseStarExprs()
		p.checkNotStarred(value)
		return &AugAssign{Start: start(x), End: end(value), Target: x, Op: op, OpPos: pos, Value: value}
	}
	if name, ok := x.(*Name); ok && (name.Id == "print" || name.Id == "exec") && startsOperand(p.tok) {
		p.legacyStatement(name)
	}
	p.checkNotStarred(x)
	return &ExprStmt{Start: start(x), End: end(x), Value: x}
}

// augOps maps augmented assignment tokens to their binary operator.
var augOps = map[token]string{
	PLUS_EQ: "+", MINUS_EQ: "-", STAR_EQ: "*", STARSTAR_EQ: "**",
	SLASH_EQ: "/", SLASHSLASH_EQ: "//", PERCENT_EQ: "%", AT_EQ: "@",
	LTLT_EQ: "<<", GTGT_EQ: ">>", AMP_EQ: "&", PIPE_EQ: "|", CIRCUMFLEX_EQ: "^",
}

// parseAssign parses the rest of `t1 = t2 = value` after t1.
func (p *parser) parseAssign(first Expr) *Assign {
	exprs := []Expr{first}
	for p.tok == EQ {
		p.next()
		exprs = append(exprs, p.parseStarExprs())
	}
	targets, value := exprs[:len(exprs)-1], exprs[len(exprs)-1]
	for _, t := range targets {
		if bad := invalidTarget(t); bad != nil {
			p.invalidAssignment(exprs, bad)
		}
	}
	for _, t := range targets {
		p.checkStarredTargets(t, true)
	}
	p.checkNotStarred(value)
	return &Assign{Start: start(targets[0]), End: end(value), Targets: targets, Value: value}
}

// parseAnnAssign parses the rest of `target: annotation [= value]` after target;
// paren tells whether the target began with a parenthesis.
func (p *parser) parseAnnAssign(x Expr, paren bool) *AnnAssign {
	switch x.(type) {
	case *Name, *Attribute, *Subscript:
	case *Tuple:
		p.errorSpan(x, "only single target (not tuple) can be annotated")
	case *List:
		p.errorSpan(x, "only single target (not list) can be annotated")
	default:
		p.errorSpan(x, "illegal target for annotation")
	}
	p.next()
	stmt := &AnnAssign{Start: start(x), Target: x, Annotation: p.parseTest()}
	_, name := x.(*Name)
	stmt.Simple = name && !paren
	stmt.End = end(stmt.Annotation)
	if p.tok == EQ {
		p.next()
		stmt.Value = p.parseStarExprs()
		p.checkNotStarred(stmt.Value)
		stmt.End = end(stmt.Value)
	}
	return stmt
}

// parseDelTargets parses the targets of a del statement.
func (p *parser) parseDelTargets() []Expr {
	var targets []Expr
	for {
		t := p.parseTarget()
		p.checkDelTarget(t)
		targets = append(targets, t)
		if p.tok != COMMA {
			break
		}
		p.next()
		if !startsExpr(p.tok) {
			break
		}
	}
	return targets
}

// parseParams parses a def (closer RPAREN) or lambda (closer COLON)
// parameter list, stopping before closer.
func (p *parser) parseParams(closer token) *Arguments {
	args := &Arguments{}
	seen := make(map[string]bool)
	declare := func(name string, pos Pos) *Arg {
		if seen[name] {
			p.deferf(pos, "duplicate argument '%s' in function definition", name)
		}
		seen[name] = true
		arg := &Arg{ArgPos: pos, Name: name}
		if p.tok == COLON && closer != COLON {
			p.next()
			if p.tok == STAR {
				p.unsupported(p.val.pos, "starred annotations")
			}
			arg.Annotation = p.parseValue()
		}
		return arg
	}
	star := false  // seen * or *args
	slash := false // seen /
	for p.tok != closer {
		if args.Kwarg != nil {
			p.errorf(p.val.pos, "arguments cannot follow var-keyword argument")
		}
		switch p.tok {
		case STAR:
			p.parseStarParam(args, star, closer, declare)
			star = true
		case STARSTAR:
			p.next()
			args.Kwarg = declare(p.expectName())
			if p.tok == EQ {
				p.errorf(p.val.pos, "var-keyword argument cannot have default value")
			}
		case SLASH:
			switch {
			case slash:
				p.errorf(p.val.pos, "/ may appear only once")
			case star:
				p.errorf(p.val.pos, "/ must be ahead of *")
			case len(args.Args) == 0:
				p.errorf(p.val.pos, "invalid syntax")
			}
			slash = true
			args.PosOnly = len(args.Args)
			p.next()
		default:
			arg := declare(p.expectName())
			var dflt Expr
			if p.tok == EQ {
				p.next()
				dflt = p.parseTest()
			}
			switch {
			case star:
				args.KwOnly = append(args.KwOnly, arg)
				args.KwDefaults = append(args.KwDefaults, dflt)
			case dflt != nil:
				args.Args = append(args.Args, arg)
				args.Defaults = append(args.Defaults, dflt)
			case len(args.Defaults) > 0:
				p.errorf(arg.ArgPos, "parameter without a default follows parameter with a default")
			default:
				args.Args = append(args.Args, arg)
			}
		}
		if p.tok != COMMA {
			break
		}
		p.next()
	}
	return args
}

// parseStarParam parses `*args` or a bare `*` in a parameter list.
func (p *parser) parseStarParam(args *Arguments, seenStar bool, closer token, declare func(string, Pos) *Arg) {
	starPos := p.val.pos
	if seenStar {
		p.errorf(starPos, "* argument may appear only once")
	}
	p.next()
	if p.tok == NAME {
		args.Vararg = declare(p.expectName())
		if p.tok == EQ {
			p.errorf(p.val.pos, "var-positional argument cannot have default value")
		}
		return
	}
	if p.tok == COMMA && p.peek(1) != closer && p.peek(1) != STARSTAR {
		return
	}
	if closer == COLON && p.tok != COMMA {
		starPos = p.val.pos // CPython points after a lambda's bare '*'
	}
	if p.tok == COMMA || p.tok == closer {
		p.errorf(starPos, "named arguments must follow bare *")
	}
	p.syntaxError()
}

// ParseEval parses src as eval() does (the grammar's eval_input: expressions
// separated by commas, then only blank lines) and returns a module whose body is
// the one expression statement. Leading spaces and tabs are skipped first, as
// eval() strips them.
func ParseEval(filename string, src []byte) (*Module, error) {
	src = normalizeNewlines(src)
	off := 0
	for off < len(src) && (src[off] == ' ' || src[off] == '\t') {
		off++
	}
	return parseWith(newParser(filename, src, off, Pos{1, int32(off) + 1}), src, (*parser).parseEvalInput)
}

// parseEvalInput parses eval_input: expressions, then blank lines to the end.
func (p *parser) parseEvalInput() *Module {
	x := p.parseCommaList(p.parseTest)
	for p.tok == NEWLINE {
		p.next()
	}
	if p.tok != EOF {
		p.syntaxError()
	}
	return &Module{Filename: p.filename, Body: []Stmt{&ExprStmt{Start: start(x), End: end(x), Value: x}}}
}
