// This file compiles annotations as CPython 3.12 does: a function's are evaluated
// when the def runs, after its defaults, and handed to MAKE_FUNCTION as a tuple of
// (name, value) pairs; a module's or class's annotated names are stored in its
// `__annotations__` dict, made by SETUP_ANNOTATIONS; a function body's are not
// evaluated. Under `from __future__ import annotations` each annotation is its
// source text, normalised (syntax.Unparse), and nothing is evaluated.

package compile

import "github.com/gilscope/gilscope/vm/syntax"

// futureImports checks the `from __future__ import …` statements of m as
// CPython's compiler does: they must come first (after a docstring) and name a
// known feature. It reports whether `annotations` is among them.
func futureImports(m *syntax.Module) (annotations bool, err error) {
	leading := true
	for i, s := range m.Body {
		if e, ok := s.(*syntax.ExprStmt); ok && i == 0 {
			if _, ok := e.Value.(*syntax.Str); ok {
				continue
			}
		}
		f, ok := s.(*syntax.ImportFrom)
		if !ok || f.Module != "__future__" || f.Level != 0 {
			leading = false
			continue
		}
		if !leading {
			return false, &syntax.Error{Pos: f.KwPos, Msg: "from __future__ imports must occur at the beginning of the file"}
		}
		for _, a := range f.Names {
			switch a.Name {
			case "annotations":
				annotations = true
			case "nested_scopes", "generators", "division", "absolute_import", "with_statement",
				"print_function", "unicode_literals", "generator_stop":
			case "braces":
				return false, &syntax.Error{Pos: f.KwPos, Msg: "not a chance"}
			default:
				return false, &syntax.Error{Pos: f.KwPos, Msg: "future feature " + a.Name + " is not defined"}
			}
		}
	}
	return annotations, nil
}

// hasAnnotations reports whether body, outside nested defs and classes, holds an
// annotated assignment (CPython's find_ann): a module or class body that does
// starts with SETUP_ANNOTATIONS.
func hasAnnotations(body []syntax.Stmt) bool {
	for _, s := range body {
		switch s := s.(type) {
		case *syntax.AnnAssign:
			return true
		case *syntax.If:
			for { // an elif chain in a loop
				if hasAnnotations(s.Body) {
					return true
				}
				elif, ok := soleIf(s.OrElse)
				if !ok {
					if hasAnnotations(s.OrElse) {
						return true
					}
					break
				}
				s = elif
			}
		case *syntax.While:
			if hasAnnotations(s.Body) || hasAnnotations(s.OrElse) {
				return true
			}
		case *syntax.Match:
			for _, m := range s.Cases {
				if hasAnnotations(m.Body) {
					return true
				}
			}
		case *syntax.For:
			if hasAnnotations(s.Body) || hasAnnotations(s.OrElse) {
				return true
			}
		case *syntax.With:
			if hasAnnotations(s.Body) {
				return true
			}
		case *syntax.Try:
			if hasAnnotations(s.Body) || hasAnnotations(s.OrElse) || hasAnnotations(s.FinalBody) {
				return true
			}
			for _, h := range s.Handlers {
				if hasAnnotations(h.Body) {
					return true
				}
			}
		}
	}
	return false
}

// setupAnnotations starts a module or class body that has annotated names.
func (c *compiler) setupAnnotations(body []syntax.Stmt) {
	if hasAnnotations(body) {
		c.emit(SETUP_ANNOTATIONS, 0)
	}
}

// annotation pushes the value of an annotation: its text under the future import.
func (c *compiler) annotation(e syntax.Expr) {
	if c.future {
		c.loadConst(syntax.Unparse(e))
		return
	}
	c.expr(e)
}

// annAssign compiles `target: annotation [= value]`.
func (c *compiler) annAssign(s *syntax.AnnAssign) {
	if s.Value != nil {
		c.expr(s.Value)
		c.store(s.Target)
	}
	inDict := c.f.sc.kind != functionScope
	if name, ok := s.Target.(*syntax.Name); ok && s.Simple {
		if inDict {
			c.annotation(s.Annotation)
			c.emit(LOAD_NAME, c.nameIndex("__annotations__"))
			c.loadConst(name.Id)
			c.emit(STORE_SUBSCR, 0)
		}
		return
	}
	if s.Value == nil {
		// The target's parts are evaluated for their errors, as CPython does.
		switch t := s.Target.(type) {
		case *syntax.Attribute:
			c.expr(t.Value)
			c.emit(POP_TOP, 0)
		case *syntax.Subscript:
			c.expr(t.Value)
			c.emit(POP_TOP, 0)
			c.subscriptIndex(t.Slice)
			c.emit(POP_TOP, 0)
		}
	}
	if inDict && !c.future {
		c.expr(s.Annotation)
		c.emit(POP_TOP, 0)
	}
}

// funcAnnotations pushes the tuple of a def's (name, annotation) pairs, in
// CPython's order (parameters, *args, keyword-only, **kwargs, return), and returns
// the MAKE_FUNCTION flag for it, or 0 when there are none.
func (c *compiler) funcAnnotations(a *syntax.Arguments, returns syntax.Expr) uint32 {
	n := 0
	one := func(name string, e syntax.Expr) {
		if e != nil {
			c.loadConst(name)
			c.annotation(e)
			n += 2
		}
	}
	for _, p := range a.Args {
		one(p.Name, p.Annotation)
	}
	if a.Vararg != nil {
		one(a.Vararg.Name, a.Vararg.Annotation)
	}
	for _, p := range a.KwOnly {
		one(p.Name, p.Annotation)
	}
	if a.Kwarg != nil {
		one(a.Kwarg.Name, a.Kwarg.Annotation)
	}
	one("return", returns)
	if n == 0 {
		return 0
	}
	c.emit(BUILD_TUPLE, uint32(n))
	return FuncAnnotations
}

// annotationExprs lists the annotations a def evaluates in the enclosing scope.
func annotationExprs(a *syntax.Arguments, returns syntax.Expr) []syntax.Expr {
	var es []syntax.Expr
	add := func(p *syntax.Arg) {
		if p != nil && p.Annotation != nil {
			es = append(es, p.Annotation)
		}
	}
	for _, p := range a.Args {
		add(p)
	}
	add(a.Vararg)
	for _, p := range a.KwOnly {
		add(p)
	}
	add(a.Kwarg)
	if returns != nil {
		es = append(es, returns)
	}
	return es
}
