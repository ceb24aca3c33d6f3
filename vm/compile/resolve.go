// This file defines the resolver: it finds every scope of a module (module, class,
// function, lambda, comprehension) and decides how each name in it is reached — a fast
// local, a cell, a free variable from an enclosing function, a global, or (at module and
// class level) a name looked up in a dictionary.

package compile

import (
	"fmt"

	"github.com/gilscope/gilscope/vm/syntax"
)

type scopeKind int

const (
	moduleScope scopeKind = iota
	classScope
	functionScope
)

// scope holds what the resolver learned about one scope.
type scope struct {
	kind      scopeKind
	name      string
	parent    *scope
	bound     map[string]bool
	globals   map[string]bool
	nonlocals map[string]bool
	used      map[string]bool
	order     []string // bound names in order of first binding
	cells     map[string]bool
	free      map[string]bool
	freeOrder []string
	cellOrder []string
	children  []*scope
	usesSuper bool
	// generator marks a function whose body yields (or a generator expression): calling
	// it makes a generator.
	generator bool
	// comprehension names the comprehension a scope is ("list comprehension" …), or "".
	comprehension string
	comp          bool // a comprehension's scope (`:=` in it binds in the enclosing one)
}

func newScope(kind scopeKind, name string, parent *scope) *scope {
	s := &scope{kind: kind, name: name, parent: parent,
		bound: map[string]bool{}, globals: map[string]bool{}, nonlocals: map[string]bool{},
		used: map[string]bool{}, cells: map[string]bool{}, free: map[string]bool{}}
	if parent != nil {
		parent.children = append(parent.children, s)
	}
	return s
}

func (s *scope) bind(name string) {
	if !s.bound[name] {
		s.bound[name] = true
		s.order = append(s.order, name)
	}
}

// resolver walks the tree once, building scopes keyed by the node that opens them.
type resolver struct {
	scopes  map[syntax.Node]*scope
	cur     *scope
	err     error
	nesting int  // depth of expr's recursion
	future  bool // from __future__ import annotations: annotations are not evaluated
}

func (r *resolver) errorf(pos syntax.Pos, format string, args ...any) {
	if r.err == nil {
		r.err = &syntax.Error{Pos: pos, Msg: fmt.Sprintf(format, args...)}
	}
}

func resolveModule(m *syntax.Module, future bool) (map[syntax.Node]*scope, *scope, error) {
	r := &resolver{scopes: map[syntax.Node]*scope{}, future: future}
	top := newScope(moduleScope, "<module>", nil)
	r.cur = top
	r.stmts(m.Body)
	if r.err != nil {
		return nil, nil, r.err
	}
	r.resolveFree(top)
	return r.scopes, top, r.err
}

// resolveFree decides, bottom-up, which names are free in each function scope and
// marks the binding scope's variable as a cell.
func (r *resolver) resolveFree(s *scope) {
	for _, c := range s.children {
		r.resolveFree(c)
	}
	if s.kind != functionScope {
		// Class scopes pass free names of their methods through.
		if s.kind == classScope {
			for _, c := range s.children {
				for _, n := range c.freeOrder {
					if !s.free[n] {
						r.makeFree(s, n)
					}
				}
			}
		}
		return
	}
	var names []string
	childFree := map[string]bool{} // free in some child: a cell here if bound here
	for _, c := range s.children {
		names = append(names, c.freeOrder...)
		for _, n := range c.freeOrder {
			childFree[n] = true
		}
	}
	for n := range s.nonlocals {
		names = append(names, n)
	}
	names = append(names, sortedKeys(s.used)...)
	for _, n := range names {
		if s.globals[n] {
			continue
		}
		if s.bound[n] && !s.nonlocals[n] {
			if childFree[n] && !s.cells[n] {
				s.cells[n] = true
				s.cellOrder = append(s.cellOrder, n)
			}
			continue
		}
		if !s.free[n] && r.enclosingBinds(s, n) {
			r.makeFree(s, n)
		} else if s.nonlocals[n] && !s.free[n] {
			r.errorf(syntax.Pos{Line: 1, Col: 1}, "no binding for nonlocal '%s' found", n)
		}
	}
}

func (r *resolver) makeFree(s *scope, n string) {
	s.free[n] = true
	s.freeOrder = append(s.freeOrder, n)
}

// enclosingBinds reports whether an enclosing function scope binds n (class scopes are
// skipped, as in Python).
func (r *resolver) enclosingBinds(s *scope, n string) bool {
	for p := s.parent; p != nil; p = p.parent {
		if p.kind == moduleScope {
			return false
		}
		if p.kind == classScope {
			continue
		}
		if p.globals[n] {
			return false
		}
		if p.bound[n] || p.nonlocals[n] {
			if !p.nonlocals[n] && !p.cells[n] {
				p.cells[n] = true
				p.cellOrder = append(p.cellOrder, n)
			}
			// Intermediate function scopes must carry the variable through.
			for q := s.parent; q != p; q = q.parent {
				if !q.free[n] {
					r.makeFree(q, n)
				}
			}
			if p.nonlocals[n] && !p.free[n] {
				r.makeFree(p, n)
			}
			return true
		}
	}
	return false
}

func (r *resolver) stmts(body []syntax.Stmt) {
	for _, s := range body {
		r.stmt(s)
	}
}

func (r *resolver) stmt(s syntax.Stmt) {
	switch s := s.(type) {
	case *syntax.ExprStmt:
		r.expr(s.Value)
	case *syntax.Assign:
		r.expr(s.Value)
		for _, t := range s.Targets {
			r.target(t)
		}
	case *syntax.AugAssign:
		r.expr(s.Value)
		r.expr(s.Target)
		r.target(s.Target)
	case *syntax.AnnAssign:
		r.annAssign(s)
	case *syntax.If:
		for { // an elif chain in a loop, however long
			r.expr(s.Test)
			r.stmts(s.Body)
			elif, ok := soleIf(s.OrElse)
			if !ok {
				r.stmts(s.OrElse)
				break
			}
			s = elif
		}
	case *syntax.While:
		r.expr(s.Test)
		r.stmts(s.Body)
		r.stmts(s.OrElse)
	case *syntax.Match:
		r.expr(s.Subject)
		for _, m := range s.Cases {
			r.pattern(m.Pattern)
			r.expr(m.Guard)
			r.stmts(m.Body)
		}
	case *syntax.For:
		r.expr(s.Iter)
		r.target(s.Target)
		r.stmts(s.Body)
		r.stmts(s.OrElse)
	case *syntax.FunctionDef:
		for _, d := range s.Decorators {
			r.expr(d)
		}
		r.arguments(s.Args)
		if !r.future {
			for _, e := range annotationExprs(s.Args, s.Returns) {
				r.expr(e)
			}
		}
		r.cur.bind(s.Name)
		r.function(s, s.Name, s.Args, func() { r.stmts(s.Body) })
	case *syntax.ClassDef:
		for _, d := range s.Decorators {
			r.expr(d)
		}
		for _, b := range s.Bases {
			r.expr(b)
		}
		for _, k := range s.Keywords {
			r.expr(k.Value)
		}
		r.cur.bind(s.Name)
		cs := newScope(classScope, s.Name, r.cur)
		r.scopes[s] = cs
		outer := r.cur
		r.cur = cs
		r.stmts(s.Body)
		r.cur = outer
	case *syntax.Return:
		if s.Value != nil {
			r.expr(s.Value)
		}
		if r.cur.kind != functionScope {
			r.errorf(s.KwPos, "'return' outside function")
		}
	case *syntax.Global:
		for _, n := range s.Names {
			if r.cur.bound[n] || r.cur.used[n] {
				r.errorf(s.KwPos, "name '%s' is used prior to global declaration", n)
			}
			r.cur.globals[n] = true
		}
	case *syntax.Nonlocal:
		switch r.cur.kind {
		case moduleScope:
			r.errorf(s.KwPos, "nonlocal declaration not allowed at module level")
		case classScope:
			r.errorf(s.KwPos, "gilscope does not support `nonlocal` in a class body yet")
		}
		for _, n := range s.Names {
			r.cur.nonlocals[n] = true
		}
	case *syntax.Import:
		for _, a := range s.Names {
			name := a.AsName
			if name == "" {
				name = firstDotted(a.Name)
			}
			r.cur.bind(name)
		}
	case *syntax.ImportFrom:
		if len(s.Names) == 1 && s.Names[0].Name == "*" {
			if r.cur.kind != moduleScope {
				r.errorf(s.Names[0].NamePos, "import * only allowed at module level")
			}
			return
		}
		for _, a := range s.Names {
			name := a.AsName
			if name == "" {
				name = a.Name
			}
			r.cur.bind(name)
		}
	case *syntax.With:
		for _, it := range s.Items {
			r.expr(it.ContextExpr)
			if it.Target != nil {
				r.target(it.Target)
			}
		}
		r.stmts(s.Body)
	case *syntax.Try:
		r.stmts(s.Body)
		for _, h := range s.Handlers {
			if h.Type != nil {
				r.expr(h.Type)
			}
			if h.Name != "" {
				r.cur.bind(h.Name)
			}
			r.stmts(h.Body)
		}
		r.stmts(s.OrElse)
		r.stmts(s.FinalBody)
	case *syntax.Raise:
		if s.Exc != nil {
			r.expr(s.Exc)
		}
		if s.Cause != nil {
			r.expr(s.Cause)
		}
	case *syntax.Assert:
		r.expr(s.Test)
		if s.Msg != nil {
			r.expr(s.Msg)
		}
	case *syntax.Delete:
		for _, t := range s.Targets {
			r.target(t)
		}
	case *syntax.Break, *syntax.Continue, *syntax.Pass:
	default:
		start, _ := s.Span()
		r.errorf(start, "gilscope does not support this statement")
	}
}

// soleIf returns the If that is alone in body, as an elif clause is in the
// OrElse of the If before it.
func soleIf(body []syntax.Stmt) (*syntax.If, bool) {
	if len(body) != 1 {
		return nil, false
	}
	s, ok := body[0].(*syntax.If)
	return s, ok
}

func firstDotted(name string) string {
	for i := 0; i < len(name); i++ {
		if name[i] == '.' {
			return name[:i]
		}
	}
	return name
}

func (r *resolver) arguments(a *syntax.Arguments) {
	for _, d := range a.Defaults {
		r.expr(d)
	}
	for _, d := range a.KwDefaults {
		if d != nil {
			r.expr(d)
		}
	}
}

// annAssign resolves `target: annotation [= value]`: a simple name is bound even
// without a value; the annotation is evaluated only in a module or class body.
func (r *resolver) annAssign(s *syntax.AnnAssign) {
	if s.Value != nil {
		r.expr(s.Value)
	}
	if name, ok := s.Target.(*syntax.Name); ok {
		if s.Value != nil || s.Simple {
			r.target(name)
		}
	} else {
		r.expr(s.Target)
		if s.Value != nil {
			r.target(s.Target)
		}
	}
	if !r.future && r.cur.kind != functionScope {
		r.expr(s.Annotation)
	}
}

// function opens a function scope for node, binds its parameters and runs body in it.
func (r *resolver) function(node syntax.Node, name string, a *syntax.Arguments, body func()) {
	fs := newScope(functionScope, name, r.cur)
	r.scopes[node] = fs
	outer := r.cur
	r.cur = fs
	if a != nil {
		for _, p := range a.Args {
			fs.bind(p.Name)
		}
		for _, p := range a.KwOnly {
			fs.bind(p.Name)
		}
		if a.Vararg != nil {
			fs.bind(a.Vararg.Name)
		}
		if a.Kwarg != nil {
			fs.bind(a.Kwarg.Name)
		}
	}
	body()
	r.cur = outer
}

// pattern resolves the names a pattern reads and binds.
func (r *resolver) pattern(p syntax.Pattern) {
	bind := func(name string) {
		if name != "" {
			r.target(&syntax.Name{Id: name})
		}
	}
	switch p := p.(type) {
	case *syntax.MatchValue:
		r.expr(p.Value)
	case *syntax.MatchSequence:
		for _, q := range p.Patterns {
			r.pattern(q)
		}
	case *syntax.MatchMapping:
		r.exprs(p.Keys)
		for _, q := range p.Patterns {
			r.pattern(q)
		}
		bind(p.Rest)
	case *syntax.MatchClass:
		r.expr(p.Cls)
		for _, q := range p.Patterns {
			r.pattern(q)
		}
		for _, q := range p.KwdPatterns {
			r.pattern(q)
		}
	case *syntax.MatchStar:
		bind(p.Name)
	case *syntax.MatchAs:
		if p.Pattern != nil {
			r.pattern(p.Pattern)
		}
		bind(p.Name)
	case *syntax.MatchOr:
		for _, q := range p.Patterns {
			r.pattern(q)
		}
	}
}

func (r *resolver) target(t syntax.Expr) {
	switch t := t.(type) {
	case *syntax.Name:
		if r.cur.globals[t.Id] || r.cur.nonlocals[t.Id] {
			return
		}
		r.cur.bind(t.Id)
	case *syntax.Tuple:
		for _, e := range t.Elts {
			r.target(e)
		}
	case *syntax.List:
		for _, e := range t.Elts {
			r.target(e)
		}
	case *syntax.Starred:
		r.target(t.Value)
	case *syntax.Attribute:
		r.expr(t.Value)
	case *syntax.Subscript:
		r.expr(t.Value)
		r.expr(t.Slice)
	default:
		start, _ := t.Span()
		r.errorf(start, "cannot assign to %s", describeExpr(t))
	}
}

func (r *resolver) exprs(es []syntax.Expr) {
	for _, e := range es {
		r.expr(e)
	}
}

func (r *resolver) expr(e syntax.Expr) {
	if r.nesting++; r.nesting > maxNesting {
		start, _ := e.Span()
		r.errorf(start, "too many nested expressions")
		return
	}
	defer func() { r.nesting-- }()
	switch e := e.(type) {
	case nil:
	case *syntax.Name:
		r.cur.used[e.Id] = true
		if e.Id == "super" && r.cur.kind == functionScope {
			r.cur.usesSuper = true
		}
	case *syntax.NameConst, *syntax.Int, *syntax.Float, *syntax.Str, *syntax.Bytes:
	case *syntax.JoinedStr:
		r.exprs(e.Values)
	case *syntax.FormattedValue:
		r.expr(e.Value)
		if e.Spec != nil {
			r.expr(e.Spec)
		}
	case *syntax.List:
		r.exprs(e.Elts)
	case *syntax.Tuple:
		r.exprs(e.Elts)
	case *syntax.Set:
		r.exprs(e.Elts)
	case *syntax.Dict:
		r.exprs(e.Keys)
		r.exprs(e.Values)
	case *syntax.NamedExpr:
		r.expr(e.Value)
		r.namedTarget(e.Target)
	case *syntax.ListComp:
		r.comprehension(e, e.Generators, e.Elt)
	case *syntax.SetComp:
		r.comprehension(e, e.Generators, e.Elt)
	case *syntax.GeneratorExp:
		r.comprehension(e, e.Generators, e.Elt)
	case *syntax.DictComp:
		r.comprehension(e, e.Generators, e.Key, e.Value)
	case *syntax.BinOp, *syntax.Attribute, *syntax.Subscript, *syntax.Call:
		r.chain(e)
	case *syntax.UnaryOp:
		r.expr(e.Operand)
	case *syntax.BoolOp:
		r.exprs(e.Values)
	case *syntax.Compare:
		r.expr(e.Left)
		r.exprs(e.Comparators)
	case *syntax.IfExp:
		r.expr(e.Test)
		r.expr(e.Body)
		r.expr(e.OrElse)
	case *syntax.Slice:
		r.expr(e.Lower)
		r.expr(e.Upper)
		r.expr(e.Step)
	case *syntax.Starred:
		r.expr(e.Value)
	case *syntax.Lambda:
		r.arguments(e.Args)
		r.function(e, "<lambda>", e.Args, func() { r.expr(e.Body) })
	case *syntax.Yield:
		r.yield(e)
		r.expr(e.Value)
	case *syntax.YieldFrom:
		r.yield(e)
		r.expr(e.Value)
	default:
		start, _ := e.Span()
		r.errorf(start, "gilscope does not support this expression")
	}
}

// yield marks the current function as a generator, or reports a yield where none
// may be, with CPython's messages.
func (r *resolver) yield(e syntax.Expr) {
	var msg string
	switch {
	case r.cur.comprehension != "":
		msg = "'yield' inside " + r.cur.comprehension
	case r.cur.kind != functionScope:
		msg = "'yield' outside function"
	default:
		r.cur.generator = true
		return
	}
	if r.err == nil {
		start, end := e.Span()
		r.err = &syntax.Error{Pos: start, End: end, Msg: msg}
	}
}

// chain resolves e, a binary operation, attribute, subscript or call, whose left
// operand (object, function) may be one too: it walks down that spine in a loop and
// back up, visiting the other operands in source order, so that a chain of any
// length (1+1+..., a.b.c..., f()()...) takes one frame.
func (r *resolver) chain(e syntax.Expr) {
	var links []syntax.Expr
	for next := spine(e); next != nil; next = spine(e) {
		links = append(links, e)
		e = next
	}
	r.expr(e)
	for i := len(links) - 1; i >= 0; i-- {
		switch x := links[i].(type) {
		case *syntax.BinOp:
			r.expr(x.Right)
		case *syntax.Subscript:
			r.expr(x.Slice)
		case *syntax.Call:
			r.exprs(x.Args)
			for _, k := range x.Keywords {
				r.expr(k.Value)
			}
		}
	}
}

// spine returns the operand evaluated first in a binary operation, attribute,
// subscript or call, or nil for any other expression.
func spine(e syntax.Expr) syntax.Expr {
	switch e := e.(type) {
	case *syntax.BinOp:
		return e.Left
	case *syntax.Attribute:
		return e.Value
	case *syntax.Subscript:
		return e.Value
	case *syntax.Call:
		return e.Func
	}
	return nil
}

// namedTarget binds the target of `name := value`: in the scope the expression is
// in, or, inside comprehensions, in the nearest enclosing scope that is not one
// (PEP 572), the comprehensions reaching it as a nonlocal or global name.
func (r *resolver) namedTarget(n *syntax.Name) {
	s := r.cur
	var comps []*scope
	for s.comp {
		comps = append(comps, s)
		s = s.parent
	}
	if len(comps) == 0 {
		r.target(n)
		return
	}
	if s.kind == classScope {
		r.errorf(n.NamePos, "assignment expression within a comprehension cannot be used in a class body")
		return
	}
	for _, c := range comps {
		if c.bound[n.Id] {
			r.errorf(n.NamePos, "assignment expression cannot rebind comprehension iteration variable '%s'", n.Id)
			return
		}
		if s.kind == moduleScope || s.globals[n.Id] {
			c.globals[n.Id] = true
		} else {
			c.nonlocals[n.Id] = true
		}
	}
	if !s.globals[n.Id] && !s.nonlocals[n.Id] {
		s.bind(n.Id)
	}
}

// comprehension resolves a comprehension: its first iterable is evaluated in the
// enclosing scope, everything else in a new function scope (as in CPython ≤ 3.11).
func (r *resolver) comprehension(node syntax.Expr, gens []*syntax.Comprehension, elts ...syntax.Expr) {
	r.expr(gens[0].Iter)
	r.function(node, comprehensionName(node), nil, func() {
		r.cur.comprehension = describeExpr(node)
		if _, ok := node.(*syntax.GeneratorExp); ok {
			r.cur.generator = true
		}
		r.cur.comp = true
		r.cur.bind(".0")
		for i, g := range gens {
			if i > 0 {
				r.expr(g.Iter)
			}
			r.target(g.Target)
			r.exprs(g.Ifs)
		}
		r.exprs(elts)
	})
}

func comprehensionName(e syntax.Expr) string {
	switch e.(type) {
	case *syntax.ListComp:
		return "<listcomp>"
	case *syntax.SetComp:
		return "<setcomp>"
	case *syntax.DictComp:
		return "<dictcomp>"
	}
	return "<genexpr>"
}

// describeExpr names an expression kind the way CPython's error messages do.
func describeExpr(e syntax.Expr) string {
	switch e := e.(type) {
	case *syntax.Call:
		return "function call"
	case *syntax.BinOp, *syntax.UnaryOp:
		return "expression"
	case *syntax.BoolOp:
		return "expression"
	case *syntax.Compare:
		return "comparison"
	case *syntax.Int, *syntax.Float, *syntax.Str, *syntax.Bytes:
		return "literal"
	case *syntax.NameConst:
		if e.Value == "..." {
			return "ellipsis"
		}
		return e.Value
	case *syntax.Lambda:
		return "lambda"
	case *syntax.IfExp:
		return "conditional expression"
	case *syntax.JoinedStr:
		return "f-string expression"
	case *syntax.Dict:
		return "dict literal"
	case *syntax.Set:
		return "set display"
	case *syntax.ListComp:
		return "list comprehension"
	case *syntax.GeneratorExp:
		return "generator expression"
	case *syntax.SetComp:
		return "set comprehension"
	case *syntax.DictComp:
		return "dict comprehension"
	case *syntax.Yield, *syntax.YieldFrom:
		return "yield expression"
	}
	return "expression"
}
