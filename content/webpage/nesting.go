package webpage

import "golang.org/x/net/html/atom"

// openElements follows the HTML parser's stack of open elements closely
// enough to measure nesting the way the parsed tree will have it: the end
// tags a browser implies (an unclosed <p> or <li>) do not count as nesting,
// and an end tag that the parser ignores does not shorten the stack. The
// rules are the tree-construction rules of the HTML standard, less the
// parts (foster parenting, the rebuilding of formatting elements) that move
// elements without changing how deep they sit.
type openElements struct {
	stack   []atom.Atom // atom 0 for names the parser does not know
	names   []string
	foreign int // open <svg> and <math> elements
}

// start opens an element and returns the depth of the stack.
func (o *openElements) start(name string) int {
	a := atom.Lookup([]byte(name))
	if o.foreign > 0 && breakout[a] {
		o.breakOut()
	}
	if closesP[a] {
		o.closeInScope(atom.P, buttonScope)
	}
	switch a {
	case atom.Li:
		o.closeListItem(atom.Li, 0)
	case atom.Dd, atom.Dt:
		o.closeListItem(atom.Dd, atom.Dt)
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		if n := len(o.stack); n > 0 && isHeading(o.stack[n-1]) {
			o.truncate(n - 1)
		}
	case atom.Option, atom.Optgroup:
		if n := len(o.stack); n > 0 && o.stack[n-1] == atom.Option {
			o.truncate(n - 1)
		}
	case atom.Td, atom.Th:
		o.closeInScope(atom.Td, tableScope)
		o.closeInScope(atom.Th, tableScope)
	case atom.Tr:
		o.closeInScope(atom.Tr, tableScope)
	case atom.Tbody, atom.Thead, atom.Tfoot:
		o.closeInScope(atom.Tbody, tableScope)
		o.closeInScope(atom.Thead, tableScope)
		o.closeInScope(atom.Tfoot, tableScope)
	case atom.A, atom.Nobr:
		// A second <a> ends the first one, as its end tag would.
		o.endFormatting(a, name)
	case atom.Svg, atom.Math:
		o.foreign++
	}
	o.stack = append(o.stack, a)
	o.names = append(o.names, name)
	return len(o.stack)
}

// end applies an end tag.
func (o *openElements) end(name string) {
	a := atom.Lookup([]byte(name))
	switch {
	case a == atom.P:
		o.closeInScope(atom.P, buttonScope)
	case a == atom.Li:
		o.closeInScope(atom.Li, listScope)
	case a == atom.Dd || a == atom.Dt:
		o.closeInScope(a, defaultScope)
	case isHeading(a):
		for i := len(o.stack) - 1; i >= 0 && !defaultScope[o.stack[i]]; i-- {
			if isHeading(o.stack[i]) {
				o.truncate(i)
				return
			}
		}
	case formatting[a]:
		o.endFormatting(a, name)
	case tableParts[a]:
		o.closeInScope(a, tableScope)
	case special[a]:
		o.closeInScope(a, defaultScope)
	default:
		// Any other end tag closes the innermost element of its name, unless
		// a special element (a <div>, a <section>...) is open inside it.
		for i := len(o.stack) - 1; i >= 0; i-- {
			if o.names[i] == name {
				o.truncate(i)
				return
			}
			if special[o.stack[i]] {
				return
			}
		}
	}
}

// closeInScope closes the innermost open element a, with everything opened
// inside it, unless a scope boundary is open inside it.
func (o *openElements) closeInScope(a atom.Atom, scope map[atom.Atom]bool) {
	for i := len(o.stack) - 1; i >= 0; i-- {
		if o.stack[i] == a {
			o.truncate(i)
			return
		}
		if scope[o.stack[i]] {
			return
		}
	}
}

// closeListItem closes an open <li> (or <dd>/<dt>) before a new one, as the
// parser does unless a special element other than <address>, <div> or <p>
// is open inside it.
func (o *openElements) closeListItem(a, b atom.Atom) {
	for i := len(o.stack) - 1; i >= 0; i-- {
		s := o.stack[i]
		if s == a || (b != 0 && s == b) {
			o.truncate(i)
			return
		}
		if special[s] && s != atom.Address && s != atom.Div && s != atom.P {
			return
		}
	}
}

// endFormatting approximates the adoption agency algorithm: a formatting
// element with a special element open inside it leaves the stack alone,
// the elements above it stay; otherwise everything down to it is closed.
func (o *openElements) endFormatting(a atom.Atom, name string) {
	for i := len(o.stack) - 1; i >= 0; i-- {
		s := o.stack[i]
		if s == a && o.names[i] == name {
			for j := i + 1; j < len(o.stack); j++ {
				if special[o.stack[j]] {
					o.stack = append(o.stack[:i], o.stack[i+1:]...)
					o.names = append(o.names[:i], o.names[i+1:]...)
					return
				}
			}
			o.truncate(i)
			return
		}
		if defaultScope[s] {
			return
		}
	}
}

// breakOut closes the SVG or MathML element that an HTML element such as
// <p> or <div> cannot sit in, unless an integration point (<foreignObject>,
// <mtext>...) holds HTML there.
func (o *openElements) breakOut() {
	for i := len(o.stack) - 1; i >= 0; i-- {
		switch o.stack[i] {
		case atom.ForeignObject, atom.Desc, atom.Title, atom.Mi, atom.Mo, atom.Mn, atom.Ms, atom.Mtext, atom.AnnotationXml:
			return
		case atom.Svg, atom.Math:
			o.truncate(i)
			return
		}
	}
}

func (o *openElements) truncate(i int) {
	for _, s := range o.stack[i:] {
		if s == atom.Svg || s == atom.Math {
			o.foreign--
		}
	}
	o.stack = o.stack[:i]
	o.names = o.names[:i]
}

func isHeading(a atom.Atom) bool {
	switch a {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return true
	}
	return false
}

func set(atoms ...atom.Atom) map[atom.Atom]bool {
	m := make(map[atom.Atom]bool, len(atoms))
	for _, a := range atoms {
		m[a] = true
	}
	return m
}

func union(a map[atom.Atom]bool, atoms ...atom.Atom) map[atom.Atom]bool {
	m := set(atoms...)
	for k := range a {
		m[k] = true
	}
	return m
}

var (
	// voidElement lists the elements that never have content, and the
	// ones the parser merges into the implied <html>, <head> and <body>.
	voidElement = set(atom.Area, atom.Base, atom.Br, atom.Col, atom.Embed, atom.Hr, atom.Img,
		atom.Input, atom.Keygen, atom.Link, atom.Meta, atom.Param, atom.Source, atom.Track,
		atom.Wbr, atom.Html, atom.Head, atom.Body, atom.Frame)

	// closesP lists the start tags that close an open <p>.
	closesP = set(atom.Address, atom.Article, atom.Aside, atom.Blockquote, atom.Center,
		atom.Details, atom.Dialog, atom.Dir, atom.Div, atom.Dl, atom.Fieldset, atom.Figcaption,
		atom.Figure, atom.Footer, atom.Form, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6,
		atom.Header, atom.Hgroup, atom.Main, atom.Menu, atom.Nav, atom.Ol, atom.P, atom.Pre,
		atom.Section, atom.Summary, atom.Table, atom.Ul, atom.Li, atom.Dd, atom.Dt, atom.Listing,
		atom.Plaintext, atom.Xmp, atom.Hr)

	defaultScope = set(atom.Applet, atom.Caption, atom.Html, atom.Table, atom.Td, atom.Th,
		atom.Marquee, atom.Object, atom.Template)
	buttonScope = union(defaultScope, atom.Button)
	listScope   = union(defaultScope, atom.Ol, atom.Ul)
	tableScope  = set(atom.Html, atom.Table, atom.Template)

	// breakout lists the HTML start tags that end SVG or MathML content.
	breakout = set(atom.B, atom.Big, atom.Blockquote, atom.Body, atom.Br, atom.Center, atom.Code,
		atom.Dd, atom.Div, atom.Dl, atom.Dt, atom.Em, atom.Embed, atom.H1, atom.H2, atom.H3,
		atom.H4, atom.H5, atom.H6, atom.Head, atom.Hr, atom.I, atom.Img, atom.Li, atom.Listing,
		atom.Menu, atom.Meta, atom.Nobr, atom.Ol, atom.P, atom.Pre, atom.Ruby, atom.S, atom.Small,
		atom.Span, atom.Strong, atom.Strike, atom.Sub, atom.Sup, atom.Table, atom.Tt, atom.U,
		atom.Ul, atom.Var)

	formatting = set(atom.A, atom.B, atom.Big, atom.Code, atom.Em, atom.Font, atom.I, atom.Nobr,
		atom.S, atom.Small, atom.Strike, atom.Strong, atom.Tt, atom.U)
	tableParts = set(atom.Table, atom.Tbody, atom.Thead, atom.Tfoot, atom.Tr, atom.Td, atom.Th,
		atom.Caption, atom.Colgroup)

	// special is the HTML standard's "special" category: elements that
	// stop the search for an element to close.
	special = set(atom.Address, atom.Applet, atom.Area, atom.Article, atom.Aside, atom.Base,
		atom.Basefont, atom.Bgsound, atom.Blockquote, atom.Body, atom.Br, atom.Button,
		atom.Caption, atom.Center, atom.Col, atom.Colgroup, atom.Dd, atom.Details, atom.Dir,
		atom.Div, atom.Dl, atom.Dt, atom.Embed, atom.Fieldset, atom.Figcaption, atom.Figure,
		atom.Footer, atom.Form, atom.Frame, atom.Frameset, atom.H1, atom.H2, atom.H3, atom.H4,
		atom.H5, atom.H6, atom.Head, atom.Header, atom.Hgroup, atom.Hr, atom.Html, atom.Iframe,
		atom.Img, atom.Input, atom.Keygen, atom.Li, atom.Link, atom.Listing, atom.Main,
		atom.Marquee, atom.Menu, atom.Meta, atom.Nav, atom.Noembed, atom.Noframes,
		atom.Noscript, atom.Object, atom.Ol, atom.P, atom.Param, atom.Plaintext, atom.Pre,
		atom.Script, atom.Search, atom.Section, atom.Select, atom.Source, atom.Style,
		atom.Summary, atom.Table, atom.Tbody, atom.Td, atom.Template, atom.Textarea,
		atom.Tfoot, atom.Th, atom.Thead, atom.Title, atom.Tr, atom.Track, atom.Ul, atom.Wbr,
		atom.Xmp)
)
