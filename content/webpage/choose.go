package webpage

import (
	"strings"
	"unicode"

	"codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Readability's scoring passes read each candidate element's whole text,
// so their time grows with the page's size times its depth. Pages past
// these bounds (about a second of its work) are read from their
// <article>, <main> or <body> instead.
const (
	// MaxReadabilityElements is the most elements go-readability looks at.
	MaxReadabilityElements = 20000
	// MaxReadabilityWork bounds the sum, over elements and characters of
	// text, of how deep they sit (an ordinary 100 KB article is about
	// 100,000).
	MaxReadabilityWork = 20_000_000
)

// chooseTitle picks the <h1> that names the article: one inside <article>
// or <main> and matching the page's own title wins over a site logo in the
// page header.
func chooseTitle(pg *page, md *metadata) *html.Node {
	hint := textKey(md.pageTitle().value)
	tag := textKey(md.titleTag.value)
	site := textKey(md.meta("og:site_name").value)
	var best *html.Node
	bestScore := 0
	for _, n := range pg.elems {
		if !isElement(n, atom.H1) || hiddenOrNever(n) {
			continue
		}
		key := textKey(shortText(n, hiddenOrNever))
		if key == "" {
			continue
		}
		score := 10
		for p := n.Parent; p != nil && p.Type == html.ElementNode; p = p.Parent {
			switch {
			case hiddenOrNever(p):
				score -= 100
			case isElement(p, atom.Article, atom.Main) || attr(p, "role") == "main":
				score += 4
			case isElement(p, atom.Header) && ancestor(p, atom.Article, atom.Main) == nil:
				score -= 3
			case !isElement(p, atom.Form) && isFurniture(p):
				score -= 10
			}
		}
		if key == site {
			score -= 8
		}
		if hint != "" && (key == hint || len(key) > 10 && strings.Contains(hint, key)) ||
			tag != "" && len(key) > 10 && strings.Contains(tag, key) {
			score += 3
		}
		for _, w := range splitWords(attr(n, "class")) {
			if w == "logo" || w == "brand" || w == "site" {
				score -= 6
			}
		}
		if best == nil || score > bestScore {
			best, bestScore = n, score
		}
	}
	if bestScore < 5 {
		return nil
	}
	return best
}

// hiddenOrNever reports whether an element can never be article text.
func hiddenOrNever(n *html.Node) bool {
	return n.Namespace == "svg" || n.Namespace == "" && neverContent[n.DataAtom] || isHidden(n)
}

// textKey is text reduced to lower-case letters and digits, for comparing
// texts written with different punctuation.
func textKey(s string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.ToLower(normalizeChars(s)) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		} else {
			space = true
		}
	}
	return b.String()
}

// semanticContainer is the element that, by its markup, holds the
// article: the <article> or <main> around the title, else the page's only
// <article>, its <main>, or the <body>.
func semanticContainer(pg *page, title *html.Node) *html.Node {
	if title != nil {
		for p := title.Parent; p != nil; p = p.Parent {
			if isElement(p, atom.Article, atom.Main) || isElement(p) && attr(p, "role") == "main" {
				return p
			}
		}
	}
	var articles, mains []*html.Node
	var body *html.Node
	for _, n := range pg.elems {
		switch {
		case isElement(n, atom.Article):
			articles = append(articles, n)
		case isElement(n, atom.Main) || attr(n, "role") == "main":
			mains = append(mains, n)
		case isElement(n, atom.Body) && body == nil:
			body = n
		}
	}
	switch {
	case len(articles) == 1:
		return articles[0]
	case len(mains) > 0:
		return mains[0]
	case body != nil:
		return body
	}
	return pg.doc
}

// readabilityRoot asks go-readability which part of the page is the
// article and returns the element of the original tree holding what it
// chose, or nil.
func readabilityRoot(pg *page) (root *html.Node) {
	if len(pg.elems) > MaxReadabilityElements || pg.work > MaxReadabilityWork {
		return nil
	}
	defer func() {
		// The library is a heuristic: a failure in it costs the heuristic,
		// not the page.
		if recover() != nil {
			root = nil
		}
	}()
	parser := readability.NewParser()
	art, err := parser.ParseDocument(pg.doc, nil)
	if err != nil || art.Node == nil {
		return nil
	}
	var found []*html.Node
	visit := func(n *html.Node) bool {
		if orig := pg.byID[attr(n, idAttr)]; orig != nil {
			found = append(found, orig)
			return false
		}
		return true
	}
	if visit(art.Node) {
		forEach(art.Node, visit)
	}
	return pg.lca(found...)
}

// chooseRoot decides which element's content is the article body:
// readability's choice, widened until it holds every table, <h2> and
// paragraph of prose that follows the title in its container, and
// narrowed to that container when it spills past it.
func (c *converter) chooseRoot() {
	container := semanticContainer(c.pg, c.title)
	root := readabilityRoot(c.pg)
	if root == nil {
		root = container
	}
	c.setRoot(root)
	semantic := !isElement(container, atom.Body) && container != c.pg.doc
	var missing []*html.Node
	forEach(container, func(n *html.Node) bool {
		if c.dropped(n) {
			return false
		}
		if c.title != nil && c.pg.contains(container, c.title) && !c.pg.before(c.title, n) {
			return true
		}
		required := isElement(n, atom.Table) || isElement(n, atom.H2) && !clutterHeading.MatchString(shortText(n, c.dropped)) ||
			semantic && isElement(n, atom.P) && len(shortText(n, c.dropped)) >= 80
		if required && !c.pg.contains(root, n) {
			missing = append(missing, n)
		}
		return !required
	})
	if len(missing) > 0 {
		root = c.pg.lca(append(missing, root)...)
	}
	if semantic && root != container && c.pg.contains(root, container) && c.holdsAllOf(container, root) {
		root = container
	}
	c.setRoot(root)
}

// holdsAllOf reports whether inner holds every table and section heading
// of outer that is not furniture.
func (c *converter) holdsAllOf(inner, outer *html.Node) bool {
	all := true
	forEach(outer, func(n *html.Node) bool {
		if !all || n == inner || c.dropped(n) {
			return false
		}
		if isElement(n, atom.Table) || isElement(n, atom.H2) && !clutterHeading.MatchString(shortText(n, c.dropped)) {
			all = false
		}
		return true
	})
	return all
}

// setRoot makes root the article body and protects it and the title, with
// their ancestors, from the furniture rules: a page wrapped in a <form> or
// a "has-sidebar" <div> is still read.
func (c *converter) setRoot(root *html.Node) {
	c.root = root
	c.protect = map[*html.Node]bool{}
	for _, n := range []*html.Node{root, c.title} {
		for ; n != nil; n = n.Parent {
			c.protect[n] = true
		}
	}
	c.dropCache = map[*html.Node]bool{}
}
