package webpage

import (
	"net/url"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// inline adds a node and its descendants to a paragraph's inline content.
func (c *converter) inline(t *inlineText, n *html.Node, st style, href string) {
	if n.Type == html.TextNode {
		t.addText(n.Data, st, href)
		return
	}
	if n.Type != html.ElementNode {
		return
	}
	if c.dropped(n) {
		if hasText(n) {
			// Something visible was there ("·" between a reading time and
			// a date): keep the words on either side apart.
			t.pending = true
		}
		return
	}
	if n.Namespace != "" {
		c.inlineChildren(t, n, st, href)
		return
	}
	switch n.DataAtom {
	case atom.Br:
		t.addBreak()
		return
	case atom.Wbr:
		return
	case atom.Img:
		c.image(t, n, href)
		return
	case atom.B, atom.Strong:
		st |= bold
	case atom.I, atom.Em:
		st |= italic
	case atom.Code, atom.Kbd, atom.Samp, atom.Tt:
		t.addText(plainTextKeepSpaces(n, hiddenOrNever), st|code, href)
		return
	case atom.A:
		if isPermalink(n) {
			return
		}
		if href == "" {
			href = c.linkTarget(attr(n, "href"))
		}
	}
	if blockElement[n.DataAtom] {
		// A block inside a table cell or a heading: its own line.
		t.addBreak()
		if n.DataAtom == atom.Li {
			t.addText("• ", 0, "")
		}
		c.inlineChildren(t, n, st, href)
		t.addBreak()
		return
	}
	c.inlineChildren(t, n, st, href)
}

func (c *converter) inlineChildren(t *inlineText, n *html.Node, st style, href string) {
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		c.inline(t, ch, st, href)
	}
}

// plainTextKeepSpaces is the text under n with its white space as written
// (addText folds it).
func plainTextKeepSpaces(n *html.Node, skip func(*html.Node) bool) string {
	var b strings.Builder
	forEachNode(n, func(c *html.Node) bool {
		if c.Type == html.ElementNode && skip(c) {
			return false
		}
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
		return true
	})
	return b.String()
}

// image adds an <img> unless its source is inline data or a script.
func (c *converter) image(t *inlineText, n *html.Node, href string) {
	if attr(n, "width") == "1" && attr(n, "height") == "1" {
		return // a tracking pixel
	}
	for _, key := range []string{"src", "data-src", "data-lazy-src", "data-original"} {
		src := strings.TrimSpace(attr(n, key))
		if src == "" || unsafeScheme(src) {
			continue
		}
		if c.base != nil {
			if u, err := c.base.Parse(src); err == nil {
				src = u.String()
			}
		}
		t.addImage(attr(n, "alt"), src, href)
		return
	}
}

// linkTarget returns the absolute http or https address of a link, or ""
// when it has none (a script, a fragment, mail): such a link's text stays
// as plain text.
func (c *converter) linkTarget(href string) string {
	href = strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return -1
		}
		return r
	}, strings.TrimSpace(href))
	if href == "" || strings.HasPrefix(href, "#") || unsafeScheme(href) {
		return ""
	}
	u, err := url.Parse(href)
	if err != nil {
		return ""
	}
	if !u.IsAbs() && c.base != nil {
		u = c.base.ResolveReference(u)
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	return u.String()
}

// unsafeScheme reports whether a URL runs code or carries inline data.
func unsafeScheme(u string) bool {
	u = strings.ToLower(strings.Map(func(r rune) rune {
		if r <= ' ' {
			return -1
		}
		return r
	}, u))
	return strings.HasPrefix(u, "javascript:") || strings.HasPrefix(u, "vbscript:") || strings.HasPrefix(u, "data:")
}

// isPermalink reports whether a link is a heading's anchor ("#", "¶"),
// which is page furniture.
func isPermalink(n *html.Node) bool {
	href := strings.TrimSpace(attr(n, "href"))
	if !strings.HasPrefix(href, "#") {
		return false
	}
	switch strings.ToLower(shortText(n, nil)) {
	case "", "#", "¶", "§", "🔗", "link", "permalink", "anchor", "direct link to heading":
		return true
	}
	return false
}

// dropped reports whether an element and its text are left out: never
// content (scripts, forms), hidden, or page furniture that does not hold
// the article.
func (c *converter) dropped(n *html.Node) bool {
	if n == c.title || n == c.subtitle {
		return true
	}
	if d, ok := c.dropCache[n]; ok {
		return d
	}
	d := c.droppedByRules(n)
	c.dropCache[n] = d
	return d
}

// droppedByRules is dropped without the memo: the furniture rules look at
// class names, and each element is asked about several times.
func (c *converter) droppedByRules(n *html.Node) bool {
	if n.Namespace == "svg" || n.Namespace == "" && neverContent[n.DataAtom] || isHidden(n) {
		return true
	}
	if c.protect[n] {
		return false
	}
	if isFurniture(n) {
		return true
	}
	if isElement(n, atom.Header, atom.Footer) {
		in := c.pg.info[n]
		return in == nil || !in.hasH2 && !in.hasTable
	}
	return false
}

// hasText reports whether an element holds any text but white space.
func hasText(n *html.Node) bool {
	found := false
	forEachNode(n, func(c *html.Node) bool {
		if c.Type == html.TextNode && strings.TrimSpace(c.Data) != "" {
			found = true
		}
		return !found
	})
	return found
}
