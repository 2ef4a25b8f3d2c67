package webpage

import (
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// nodeInfo is what one pass over the parsed page learns about an element,
// so that later decisions never walk a subtree again.
type nodeInfo struct {
	order, end int // document order of the element and of its last descendant
	line       int // line of the start tag; 0 for elements the parser implied
	hasH2      bool
	hasTable   bool
	hasBlock   bool // holds a block element, so it cannot be read as inline text
}

// page is the parsed page and its index.
type page struct {
	doc   *html.Node
	elems []*html.Node // elements in document order: elems[info.order-1]
	// work is the sum, over elements and characters of text, of how deep
	// they sit: what reading every element's whole text costs.
	work int
	info map[*html.Node]*nodeInfo
	byID map[string]*html.Node // idAttr value → element
}

// index makes one pass over the tree, iteratively, and refuses a tree
// nested deeper than MaxNesting (a safety net behind annotate's count).
func index(doc *html.Node) (*page, error) {
	pg := &page{doc: doc, info: map[*html.Node]*nodeInfo{}, byID: map[string]*html.Node{}}
	type frame struct {
		n     *html.Node
		depth int
		exit  bool
	}
	order := 0
	stack := []frame{{n: doc}}
	for len(stack) > 0 {
		f := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		n := f.n
		if f.exit {
			in := pg.info[n]
			in.end = order
			if p := n.Parent; p != nil && p.Type == html.ElementNode {
				pin := pg.info[p]
				pin.hasH2 = pin.hasH2 || in.hasH2 || n.DataAtom == atom.H2
				pin.hasTable = pin.hasTable || in.hasTable || n.DataAtom == atom.Table
				pin.hasBlock = pin.hasBlock || in.hasBlock || blockElement[n.DataAtom]
			}
			continue
		}
		depth := f.depth
		if n.Type == html.TextNode {
			pg.work += len(n.Data) * depth
		}
		if n.Type == html.ElementNode {
			pg.work += depth
			depth++
			order++
			in := &nodeInfo{order: order}
			pg.elems = append(pg.elems, n)
			for _, a := range n.Attr {
				switch a.Key {
				case lineAttr:
					in.line, _ = strconv.Atoi(a.Val)
				case idAttr:
					if _, dup := pg.byID[a.Val]; !dup {
						pg.byID[a.Val] = n
					}
				}
			}
			pg.info[n] = in
			if depth > MaxNesting {
				return nil, nestingError(pg.line(n))
			}
			stack = append(stack, frame{n: n, exit: true})
		}
		for c := n.LastChild; c != nil; c = c.PrevSibling {
			stack = append(stack, frame{n: c, depth: depth})
		}
	}
	return pg, nil
}

// line is the file line of an element, or of its nearest ancestor with one.
func (pg *page) line(n *html.Node) int {
	for ; n != nil; n = n.Parent {
		if in := pg.info[n]; in != nil && in.line > 0 {
			return in.line
		}
	}
	return 0
}

// contains reports whether d is a (or descends from a).
func (pg *page) contains(a, d *html.Node) bool {
	ia, id := pg.info[a], pg.info[d]
	return ia != nil && id != nil && id.order >= ia.order && id.order <= ia.end
}

// before reports whether all of a comes before b starts.
func (pg *page) before(a, b *html.Node) bool {
	ia, ib := pg.info[a], pg.info[b]
	return ia != nil && ib != nil && ia.end < ib.order
}

// lca returns the nearest element containing all the given ones.
func (pg *page) lca(nodes ...*html.Node) *html.Node {
	var best *html.Node
	for _, n := range nodes {
		if n == nil {
			continue
		}
		if best == nil {
			best = n
			continue
		}
		for best != nil && !pg.contains(best, n) {
			best = best.Parent
		}
	}
	return best
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

// isElement reports whether n is an HTML element (not SVG or MathML) of
// one of the given kinds.
func isElement(n *html.Node, atoms ...atom.Atom) bool {
	if n == nil || n.Type != html.ElementNode || n.Namespace != "" {
		return false
	}
	for _, a := range atoms {
		if n.DataAtom == a {
			return true
		}
	}
	return len(atoms) == 0
}

// ancestor returns the nearest ancestor of n of one of the given kinds.
func ancestor(n *html.Node, atoms ...atom.Atom) *html.Node {
	for p := n.Parent; p != nil; p = p.Parent {
		if isElement(p, atoms...) {
			return p
		}
	}
	return nil
}

// forEach calls fn for every element under n in document order; fn
// returns false to skip the element's subtree.
func forEach(n *html.Node, fn func(*html.Node) bool) {
	stack := []*html.Node{}
	for c := n.LastChild; c != nil; c = c.PrevSibling {
		stack = append(stack, c)
	}
	for len(stack) > 0 {
		c := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if c.Type == html.ElementNode && !fn(c) {
			continue
		}
		for k := c.LastChild; k != nil; k = k.PrevSibling {
			stack = append(stack, k)
		}
	}
}

// plainText returns the text of n with whitespace folded, leaving out the
// elements skip says to leave out.
func plainText(n *html.Node, skip func(*html.Node) bool) string {
	return textUpTo(n, skip, -1)
}

// maxShortText is how much of an element's text the checks that only need
// its start (is this heading furniture? is this a date?) read, so that
// asking about nested elements costs no more than reading the page.
const maxShortText = 1000

// shortText is plainText cut after about maxShortText bytes.
func shortText(n *html.Node, skip func(*html.Node) bool) string {
	return textUpTo(n, skip, maxShortText)
}

// textUpTo collects the text under n, stopping once it holds limit bytes
// (no limit when negative).
func textUpTo(n *html.Node, skip func(*html.Node) bool, limit int) string {
	var b strings.Builder
	if n.Type == html.TextNode {
		b.WriteString(n.Data)
	}
	forEachNode(n, func(c *html.Node) bool {
		if limit >= 0 && b.Len() >= limit {
			return false
		}
		if c.Type == html.ElementNode {
			if skip != nil && skip(c) {
				return false
			}
			if c.DataAtom == atom.Br || blockElement[c.DataAtom] {
				b.WriteByte(' ')
			}
			return true
		}
		if c.Type == html.TextNode {
			data := c.Data
			if limit >= 0 && len(data) > limit-b.Len() {
				data = strings.ToValidUTF8(data[:limit-b.Len()], "")
			}
			b.WriteString(data)
		}
		return true
	})
	return cleanText(b.String())
}

// forEachNode is forEach over every node, text included.
func forEachNode(n *html.Node, fn func(*html.Node) bool) {
	stack := []*html.Node{}
	for c := n.LastChild; c != nil; c = c.PrevSibling {
		stack = append(stack, c)
	}
	for len(stack) > 0 {
		c := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if !fn(c) {
			continue
		}
		for k := c.LastChild; k != nil; k = k.PrevSibling {
			stack = append(stack, k)
		}
	}
}

// cleanText decodes what the parser left (no-break spaces, zero-width
// characters, soft hyphens) and folds whitespace.
func cleanText(s string) string {
	return strings.Join(strings.Fields(normalizeChars(s)), " ")
}

// normalizeChars turns no-break spaces into spaces and removes zero-width
// characters and soft hyphens, which are invisible on the page and would
// otherwise split words in the outputs.
func normalizeChars(s string) string {
	if !strings.ContainsAny(s, "\u00a0\u00ad\u200b\u200c\u200d\u2060\ufeff\u202f") {
		return s
	}
	return charCleaner.Replace(s)
}

var charCleaner = strings.NewReplacer(
	"\u00a0", " ", "\u202f", " ",
	"\u00ad", "", "\u200b", "", "\u200c", "", "\u200d", "", "\u2060", "", "\ufeff", "")

// blockElement lists the elements that start a new block of text.
var blockElement = set(atom.Address, atom.Article, atom.Aside, atom.Blockquote, atom.Body,
	atom.Caption, atom.Center, atom.Dd, atom.Details, atom.Dialog, atom.Dir, atom.Div, atom.Dl,
	atom.Dt, atom.Fieldset, atom.Figcaption, atom.Figure, atom.Footer, atom.Form, atom.H1,
	atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Header, atom.Hgroup, atom.Hr, atom.Li,
	atom.Main, atom.Menu, atom.Nav, atom.Ol, atom.P, atom.Pre, atom.Section, atom.Summary,
	atom.Table, atom.Tbody, atom.Td, atom.Tfoot, atom.Th, atom.Thead, atom.Tr, atom.Ul,
	atom.Listing, atom.Xmp, atom.Search)
