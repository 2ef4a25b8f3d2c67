package webpage

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// dekSearch is how many elements after the title are searched for a dek.
const dekSearch = 80

// dekWords name the line under a title that sums the article up.
var dekWords = map[string]bool{"subtitle": true, "subheading": true, "subhead": true,
	"dek": true, "deck": true, "standfirst": true, "excerpt": true, "strapline": true,
	"summary": true, "description": true}

// findDek returns the dek (subtitle) element right under the title: one
// whose class or itemprop says so, or a paragraph in the title's
// <hgroup>. The search stops at the first heading, table or paragraph of
// the article.
func (c *converter) findDek() *html.Node {
	if c.title == nil {
		return nil
	}
	in := c.pg.info[c.title]
	for i := in.end; i < len(c.pg.elems) && i < in.end+dekSearch; i++ {
		n := c.pg.elems[i]
		if c.inDropped(n) {
			continue
		}
		text := shortText(n, c.dropped)
		if isDek(n) && text != "" && len(text) <= 500 {
			return n
		}
		if headingLevel(n) > 0 || isElement(n, atom.Table) || isElement(n, atom.P, atom.Li) && text != "" {
			return nil
		}
	}
	return nil
}

func isDek(n *html.Node) bool {
	if isElement(n.Parent, atom.Hgroup) && !isElement(n, atom.H1) {
		return true
	}
	ip := strings.ToLower(attr(n, "itemprop"))
	if ip == "alternativeheadline" || ip == "description" {
		return true
	}
	for _, class := range strings.Fields(attr(n, "class")) {
		for _, w := range splitWords(class) {
			if dekWords[w] {
				return true
			}
		}
	}
	return false
}

// inDropped reports whether an element or one of its ancestors is left out.
func (c *converter) inDropped(n *html.Node) bool {
	for ; n != nil && n.Type == html.ElementNode; n = n.Parent {
		if c.dropped(n) && n != c.title {
			return true
		}
	}
	return false
}

// subtitleText is the dek, else the page's description when it says more
// than the first words of the lead paragraph.
func (c *converter) subtitleText() field {
	if c.subtitle != nil {
		return field{plainText(c.subtitle, c.dropped), c.pg.line(c.subtitle)}
	}
	f := c.md.meta("og:description", "description", "twitter:description")
	if f.value == "" || len(f.value) > 500 || startsLead(f.value, c.leads) {
		return field{}
	}
	return f
}

// startsLead reports whether a description is the lead paragraph's start,
// possibly cut off in a word and ended with "…".
func startsLead(desc string, leads []string) bool {
	d := textKey(desc)
	lead := textKey(strings.Join(leads, " "))
	if d == "" || strings.HasPrefix(lead, d) {
		return true
	}
	if i := strings.LastIndexByte(d, ' '); i > len(d)/2 && strings.HasPrefix(lead, d[:i]) {
		return true
	}
	return false
}

// authorWords name an element holding the author's name; authorNotName
// words mark the author's photo or biography instead.
var (
	authorWords   = map[string]bool{"author": true, "authors": true, "byline": true, "creator": true}
	authorNotName = map[string]bool{"bio": true, "box": true, "card": true, "avatar": true,
		"image": true, "img": true, "photo": true, "description": true, "desc": true,
		"social": true, "about": true, "profile": true, "details": true, "label": true}
)

// findAuthors returns the authors: JSON-LD, <meta name=author>, rel=author
// links, then an element classed author or byline.
func (c *converter) findAuthors() ([]string, int) {
	if names, line := c.md.ld.authors(); len(names) > 0 {
		return names, line
	}
	if f := c.md.meta("author", "article:author", "parsely-author", "sailthru.author", "dc.creator"); f.value != "" {
		if names := cleanNames([]string{f.value}); len(names) > 0 {
			return names, f.line
		}
	}
	var links []string
	line := 0
	for _, n := range c.pg.elems {
		if isElement(n, atom.A) && contains(strings.Fields(strings.ToLower(attr(n, "rel"))), "author") && !c.inComments(n) {
			links = append(links, shortText(n, hiddenOrNever))
			if line == 0 {
				line = c.pg.line(n)
			}
		}
	}
	if names := cleanNames(links); len(names) > 0 {
		return names, line
	}
	for _, n := range c.pg.elems {
		if isAuthorElement(n) && !c.inComments(n) {
			if names := cleanNames([]string{authorName(n)}); len(names) > 0 {
				return names, c.pg.line(n)
			}
		}
	}
	return nil, 0
}

func isAuthorElement(n *html.Node) bool {
	if hiddenOrNever(n) {
		return false
	}
	if strings.EqualFold(attr(n, "itemprop"), "author") {
		return true
	}
	for _, class := range strings.Fields(attr(n, "class")) {
		words := splitWords(class)
		named, other := false, false
		for _, w := range words {
			named = named || authorWords[w]
			other = other || authorNotName[w]
		}
		if named && !other {
			return true
		}
	}
	return false
}

// authorName is the name in a byline: a name or link inside it, else its
// text up to a date or separator.
func authorName(n *html.Node) string {
	var name string
	visited := 0
	forEach(n, func(d *html.Node) bool {
		// A byline is small: look at its first elements only.
		visited++
		if name != "" || visited > 50 || hiddenOrNever(d) {
			return false
		}
		ip := strings.ToLower(attr(d, "itemprop"))
		if ip == "name" || isElement(d, atom.A) || contains(strings.Fields(strings.ToLower(attr(d, "class"))), "author-name") {
			name = shortText(d, hiddenOrNever)
		}
		return true
	})
	if name != "" {
		return name
	}
	text := shortText(n, hiddenOrNever)
	if i := bylineEnd.FindStringIndex(text); i != nil {
		text = text[:i[0]]
	}
	return text
}

var bylineEnd = lazyCompile(`(?i)\s*(?:[|·•—]|\bon\s+\w+\s+\d|\bupdated\b|\bpublished\b|\d{4}-\d{2}-\d{2}|\d+ min read)`)

// inComments reports whether an element sits in a comment thread, where
// rel=author links name the commenters.
func (c *converter) inComments(n *html.Node) bool {
	for p := n.Parent; p != nil && p.Type == html.ElementNode; p = p.Parent {
		for _, name := range append(strings.Fields(attr(p, "class")), attr(p, "id")) {
			for _, w := range splitWords(name) {
				if w == "comment" || w == "comments" || w == "disqus" {
					return true
				}
			}
		}
	}
	return false
}

// isClutterText reports whether a short paragraph is page furniture: made
// only of furniture words ("Share", "5 min read"), the authors' names
// (a byline) and dates, with at least one furniture word, byline or
// labelled date ("Updated June 3, 2024"); a bare date stays. A paragraph
// without a letter or digit ("--", "·") is furniture too.
func (c *converter) isClutterText(text string) bool {
	text = strings.TrimSpace(text)
	if !strings.ContainsFunc(text, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) {
		return true
	}
	if len(text) > 160 {
		return false
	}
	clutter := false
	rest := text
	for {
		rest = strings.TrimLeft(rest, " ·|•")
		if rest == "" {
			return clutter
		}
		if m := clutterPiece.FindString(rest); m != "" {
			rest, clutter = rest[len(m):], true
			continue
		}
		if m := datePiece.FindStringSubmatch(rest); m != nil {
			// A labelled date is a dateline; so is a bare date above the
			// article's text.
			rest = rest[len(m[0]):]
			clutter = clutter || m[1] != "" || !c.textStarted
			continue
		}
		if n := c.authorsAt(rest); n > 0 {
			rest, clutter = rest[n:], true
			continue
		}
		return false
	}
}

// authorsAt returns the length of a byline at the start of s ("By Ana
// Silva and Tom Berg", or the names alone), or 0.
func (c *converter) authorsAt(s string) int {
	pos := 0
	if m := byPrefix.FindString(s); m != "" {
		pos = len(m)
	}
	names := 0
	for {
		n := 0
		for _, a := range c.authors {
			if len(a) > n && len(s)-pos >= len(a) && strings.EqualFold(s[pos:pos+len(a)], a) &&
				(pos+len(a) == len(s) || !isWordByte(s[pos+len(a)])) {
				n = len(a)
			}
		}
		if n == 0 {
			break
		}
		pos += n
		names++
		j := nameJoiner.FindString(s[pos:])
		if j == "" {
			break
		}
		pos += len(j)
	}
	if names == 0 {
		return 0
	}
	return pos
}

func isWordByte(b byte) bool { return isLetter(b) || isDigit(b) || b >= 0x80 }

// visibleDates reads the dates a byline shows as text under the title
// ("Published on" / "August 19, 2024"), for pages that give no date in
// their markup. A date labelled updated or modified is the second one.
func (c *converter) visibleDates() (published, modified field) {
	if c.title == nil {
		return
	}
	in := c.pg.info[c.title]
	label := ""
	for i := in.end; i < len(c.pg.elems) && i < in.end+dekSearch; i++ {
		n := c.pg.elems[i]
		if hiddenOrNever(n) {
			continue
		}
		if headingLevel(n) > 0 || isElement(n, atom.Table) {
			return
		}
		own := cleanText(rawText(n))
		if len(own) >= 80 {
			return
		}
		m := datePiece.FindStringSubmatch(own)
		if m == nil || len(m[0]) != len(own) {
			if own != "" {
				label = strings.ToLower(own)
			}
			continue
		}
		if m[1] != "" {
			label = strings.ToLower(m[1])
		}
		d := parseDate(m[2])
		if d == "" {
			continue
		}
		f := field{d, c.pg.line(n)}
		if strings.Contains(label, "updated") || strings.Contains(label, "modified") {
			if modified.value == "" {
				modified = f
			}
		} else if published.value == "" {
			published = f
		}
		label = ""
	}
	return
}
