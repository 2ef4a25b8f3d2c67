package webpage

import (
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// flow writes the children of n as blocks: runs of text and inline
// elements become paragraphs, block elements are written by block.
func (c *converter) flow(n *html.Node) {
	c.flowExcept(n, nil)
}

// flowExcept is flow leaving out one child.
func (c *converter) flowExcept(n, except *html.Node) {
	var text inlineText
	var first *html.Node // the first node of the pending paragraph
	firstPre := false
	skipBelow := 0 // while > 0: inside a furniture section under a heading of this level
	titleHere := c.title != nil && c.pg.contains(n, c.title)
	passed := !titleHere
	flush := func() {
		if first != nil {
			saved := c.preTitle
			c.preTitle = firstPre
			c.paragraph(&text, c.pg.line(nodeOrParent(first)))
			c.preTitle = saved
		}
		text, first = inlineText{}, nil
	}
	for ch := n.FirstChild; ch != nil && !c.w.tooLarge && c.err == nil; ch = ch.NextSibling {
		if ch == except {
			continue
		}
		pre := c.preTitle || !passed
		switch ch.Type {
		case html.TextNode:
			if skipBelow > 0 || first == nil && strings.TrimSpace(normalizeChars(ch.Data)) == "" {
				continue
			}
			if first == nil {
				first, firstPre = ch, pre
			}
			c.inline(&text, ch, 0, "")
			continue
		case html.ElementNode:
		default:
			continue
		}
		if c.dropped(ch) {
			if titleHere && c.pg.contains(ch, c.title) {
				passed = true
			}
			if first != nil && hasText(ch) {
				text.pending = true // keep the words on either side apart
			}
			continue
		}
		if level := headingLevel(ch); level > 0 {
			if skipBelow > 0 && level > skipBelow {
				continue
			}
			skipBelow = 0
			if clutterHeading.MatchString(shortText(ch, c.dropped)) {
				skipBelow = level
				continue
			}
		} else if skipBelow > 0 {
			continue
		}
		if c.isInline(ch) {
			if first == nil {
				first, firstPre = ch, pre
			}
			c.inline(&text, ch, 0, "")
			continue
		}
		flush()
		holdsTitle := titleHere && c.pg.contains(ch, c.title)
		saved := c.preTitle
		c.preTitle = pre && !holdsTitle
		c.block(ch)
		c.preTitle = saved
		if holdsTitle {
			passed = true
		}
	}
	flush()
}

func nodeOrParent(n *html.Node) *html.Node {
	if n.Type != html.ElementNode && n.Parent != nil {
		return n.Parent
	}
	return n
}

// isInline reports whether an element is read as part of a paragraph.
func (c *converter) isInline(n *html.Node) bool {
	if n.Namespace != "" {
		return true
	}
	return !blockElement[n.DataAtom] && !c.pg.info[n].hasBlock
}

func headingLevel(n *html.Node) int {
	if n.Namespace == "" && isHeading(n.DataAtom) {
		return int(n.Data[1] - '0')
	}
	return 0
}

// block writes one block element.
func (c *converter) block(el *html.Node) {
	switch el.DataAtom {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		c.heading(el)
	case atom.Ul, atom.Ol, atom.Menu, atom.Dir:
		c.list(el)
	case atom.Pre, atom.Listing, atom.Xmp:
		c.codeBlock(el)
	case atom.Blockquote:
		c.quote(el)
	case atom.Table:
		c.table(el)
	case atom.Figure:
		c.figure(el)
	case atom.Details:
		var summary *html.Node
		for ch := el.FirstChild; ch != nil; ch = ch.NextSibling {
			if isElement(ch, atom.Summary) && summary == nil {
				summary = ch
			}
		}
		if summary != nil && !c.dropped(summary) {
			var t inlineText
			c.inlineChildren(&t, summary, bold, "")
			c.paragraph(&t, c.pg.line(summary))
		}
		c.flowExcept(el, summary)
	case atom.Dt:
		var t inlineText
		c.inlineChildren(&t, el, bold, "")
		c.paragraph(&t, c.pg.line(el))
	case atom.Hr, atom.Br:
	default:
		c.flow(el)
	}
}

// figure writes a <figure>'s content, then its <figcaption> as a
// paragraph. A picture above the article's text (a cover image) is left
// out; the caption of a figure holding the article's first table becomes
// the table's caption.
func (c *converter) figure(el *html.Node) {
	var caption *html.Node
	for ch := el.FirstChild; ch != nil; ch = ch.NextSibling {
		if isElement(ch, atom.Figcaption) && caption == nil {
			caption = ch
		}
	}
	holdsTable := c.pg.info[el].hasTable
	if !c.textStarted && !holdsTable {
		picture := false
		forEach(el, func(n *html.Node) bool {
			picture = picture || isElement(n, atom.Img, atom.Picture)
			return !isElement(n, atom.Pre)
		})
		if picture {
			return
		}
	}
	tablesBefore := c.tables
	c.flowExcept(el, caption)
	if caption == nil || c.dropped(caption) {
		return
	}
	if holdsTable && tablesBefore == 0 && c.tables == 1 && c.caption == "" {
		if text := plainText(caption, c.dropped); text != "" {
			c.caption, c.captionLine = text, c.pg.line(caption)
			return
		}
	}
	c.flow(caption)
}

// heading writes h2 as "##", h3 as "###" and h4 to h6 as "####"; an <h1>
// other than the title starts a section like an <h2>.
func (c *converter) heading(el *html.Node) {
	level := headingLevel(el)
	level = min(max(level, 2), 4)
	var t inlineText
	c.inlineChildren(&t, el, 0, "")
	runs := t.trimmed()
	if len(runs) == 0 {
		return
	}
	c.headingSeen, c.textStarted = true, true
	c.w.block()
	c.w.line(strings.Repeat("#", level)+" "+markdownOf(runs, headingMode), c.pg.line(el))
	c.w.endBlock()
}

// paragraph writes the collected inline content as paragraphs, leaving out
// lines of page furniture ("5 min read", "Share").
func (c *converter) paragraph(t *inlineText, line int) {
	if c.preTitle {
		return
	}
	for _, runs := range t.paragraphs() {
		imageOnly := onlyImages(runs)
		if !imageOnly && c.inList == 0 && c.isClutterText(plain(runs)) || imageOnly && !c.textStarted {
			// Furniture, a picture above the article's text (a cover
			// image, an author's photo), or an author's name.
			continue
		}
		c.textStarted = c.textStarted || !imageOnly
		if !c.headingSeen && len(c.leads) < 2 {
			c.leads = append(c.leads, plain(runs))
		}
		c.w.block()
		c.w.line(markdownOf(runs, paragraphMode), line)
		c.w.endBlock()
	}
}

// list writes a <ul> or <ol>, its items indented under their markers.
func (c *converter) list(el *html.Node) {
	if c.preTitle {
		return
	}
	ordered := el.DataAtom == atom.Ol
	number := 1
	if ordered {
		if n, err := strconv.Atoi(strings.TrimSpace(attr(el, "start"))); err == nil && n >= 0 && n < 1e9 {
			number = n
		}
	}
	adjacent := c.lastList.end == len(c.w.lines) && c.lastList.depth == len(c.w.frames) && c.lastList.end > 0
	if !c.inItem() || ordered && number != 1 {
		// A list inside an item follows the item's text on the next line;
		// elsewhere, and for a list starting at another number (which
		// cannot interrupt a paragraph), a blank line goes first.
		c.w.block()
	}
	c.w.needBlank = false
	// Two lists in a row with the same marker would read as one list.
	bullet, delim := "- ", ". "
	if adjacent {
		if c.lastList.bullet == bullet {
			bullet = "* "
		}
		if c.lastList.delim == delim {
			delim = ") "
		}
	}
	open := false // an item's container is open
	closeItem := func() {
		if open {
			c.w.pop()
			open = false
		}
	}
	openItem := func() {
		closeItem()
		marker := bullet
		if ordered {
			marker = strconv.Itoa(number) + delim
			number++
		}
		c.w.needBlank = false // items of one list are not separated
		if c.w.push(marker, strings.Repeat(" ", len(marker))) {
			open = true
		} else if !c.flattened {
			c.flattened = true
			c.warn(c.pg.line(el), "lists or quotes nested more than %d deep are written at that depth", maxContainers)
		}
	}
	for ch := el.FirstChild; ch != nil && !c.w.tooLarge; ch = ch.NextSibling {
		switch {
		case ch.Type == html.ElementNode && c.dropped(ch):
		case isElement(ch, atom.Li):
			openItem()
			c.inList++
			c.flow(ch)
			c.inList--
		case isElement(ch, atom.Ul, atom.Ol) && open:
			// A list right inside a list belongs to the item before it.
			c.list(ch)
		case ch.Type == html.ElementNode || ch.Type == html.TextNode && strings.TrimSpace(ch.Data) != "":
			if !open {
				openItem()
			}
			c.stray(ch)
		}
	}
	closeItem()
	c.w.endBlock()
	c.lastList = listEnd{end: len(c.w.lines), depth: len(c.w.frames), bullet: bullet, delim: delim}
}

// listEnd remembers where the last list ended and its markers.
type listEnd struct {
	end, depth    int // Markdown lines written, open containers
	bullet, delim string
}

// inItem reports whether the innermost open container is a list item.
func (c *converter) inItem() bool {
	n := len(c.w.frames)
	return n > 0 && c.w.frames[n-1].first != "> "
}

// stray writes a node found right inside a list, outside any <li>, as
// part of the item before it.
func (c *converter) stray(n *html.Node) {
	if n.Type == html.TextNode || c.isInline(n) {
		var t inlineText
		c.inline(&t, n, 0, "")
		c.paragraph(&t, c.pg.line(nodeOrParent(n)))
		return
	}
	c.block(n)
}

// quote writes a <blockquote> with "> " before each line.
func (c *converter) quote(el *html.Node) {
	c.w.block()
	pushed := c.w.push("> ", "> ")
	c.flow(el)
	if pushed {
		c.w.pop()
	}
	c.w.endBlock()
}

// codeBlock writes a <pre> as a fenced code block, its text as it is.
func (c *converter) codeBlock(el *html.Node) {
	var b strings.Builder
	forEachNode(el, func(n *html.Node) bool {
		switch {
		case n.Type == html.ElementNode && hiddenOrNever(n):
			// Only what is never text: class names inside code mark
			// syntax ("token comment"), not page furniture.
			return false
		case n.Type == html.ElementNode && n.DataAtom == atom.Br:
			b.WriteByte('\n')
		case n.Type == html.TextNode:
			b.WriteString(n.Data)
		}
		return true
	})
	text := strings.ReplaceAll(normalizeChars(b.String()), "\r", "")
	text = strings.TrimRight(text, " \t\n")
	text = strings.TrimLeft(text, "\n")
	if strings.TrimSpace(text) == "" {
		return
	}
	longest, cur := 0, 0
	for i := 0; i < len(text); i++ {
		if text[i] == '`' {
			cur++
			longest = max(longest, cur)
		} else {
			cur = 0
		}
	}
	fence := strings.Repeat("`", max(3, longest+1))
	line := c.pg.line(el)
	c.w.block()
	c.w.line(fence+codeLanguage(el), line)
	for _, l := range strings.Split(text, "\n") {
		c.w.write(strings.TrimRight(l, " \t"), line)
	}
	c.w.line(fence, line)
	c.w.endBlock()
}

// codeLanguage returns the language a code block's class names
// ("language-go", "lang-go"), kept to characters safe in a fence's info
// string.
func codeLanguage(el *html.Node) string {
	classes := attr(el, "class")
	for ch := el.FirstChild; ch != nil; ch = ch.NextSibling {
		if isElement(ch, atom.Code) {
			classes += " " + attr(ch, "class")
		}
	}
	for _, class := range strings.Fields(classes) {
		for _, p := range []string{"language-", "lang-"} {
			if lang, ok := strings.CutPrefix(class, p); ok && lang != "" {
				ok := true
				for _, r := range lang {
					if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("+-_.#", r)) {
						ok = false
					}
				}
				if ok && len(lang) <= 30 {
					return lang
				}
			}
		}
	}
	return ""
}
