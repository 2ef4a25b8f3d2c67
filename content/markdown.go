package content

import (
	"bytes"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// DefaultTermsHeading is the heading of the related-terms section when the
// front matter names none.
const DefaultTermsHeading = "Related Important Terms"

// disclaimerHeading marks the section that holds the disclaimer.
const disclaimerHeading = "Disclaimer"

// markdown is shared read-only; Parse creates fresh state per call.
var markdown = goldmark.New(goldmark.WithExtensions(extension.Table))

// mdParser builds an Article from a goldmark tree.
type mdParser struct {
	a            *Article
	src          []byte
	lineOffset   int // file lines before the body
	termsHeading string

	tableSeen    bool
	inTerms      bool
	inDisclaimer bool
	section      *Section
	term         *Term
}

func parseMarkdown(a *Article, lines []string) error {
	yamlText, body, offset, err := splitFrontMatter(a.Source, lines)
	if err != nil {
		return err
	}
	fm, err := decodeFrontMatter(a.Source, yamlText)
	if err != nil {
		return err
	}
	if err := applyFrontMatter(a, fm, keyLines(yamlText, 2)); err != nil {
		return err
	}
	src := []byte(strings.Join(body, "\n") + "\n")
	if len(src) > MaxBodyBytes {
		return kindErrorf(ErrTooLarge, a.Source, offset+1, "body larger than %s", humanBytes(MaxBodyBytes))
	}
	if line, depth := deepestNesting(body); depth > MaxNesting {
		return kindErrorf(ErrTooLarge, a.Source, line+offset, "nesting deeper than %d (lists or quotes inside each other)", MaxNesting)
	}
	p := &mdParser{a: a, src: src, lineOffset: offset, termsHeading: fm.TermsHeading}
	if p.termsHeading == "" {
		p.termsHeading = DefaultTermsHeading
	}
	root := markdown.Parser().Parse(text.NewReader(src))
	for n := root.FirstChild(); n != nil; n = n.NextSibling() {
		if err := p.block(n); err != nil {
			return err
		}
	}
	p.closeOpen()
	if a.Title == "" {
		return errorf(a.Source, 1, "no title: add \"title:\" to the front matter or start the body with \"# Title\"")
	}
	return nil
}

// deepestNesting measures the container nesting of each line (block quote
// markers, list markers and indentation) and returns the deepest.
func deepestNesting(lines []string) (line, depth int) {
	for i, l := range lines {
		d, pos := 0, 0
		for pos < len(l) {
			spaces := 0
			for pos < len(l) && (l[pos] == ' ' || l[pos] == '\t') {
				spaces++
				pos++
			}
			d += spaces / 4
			if pos >= len(l) {
				break
			}
			c := l[pos]
			if c == '>' {
				d++
				pos++
				continue
			}
			if (c == '-' || c == '*' || c == '+') && pos+1 < len(l) && l[pos+1] == ' ' {
				d++
				pos += 2
				continue
			}
			j := pos
			for j < len(l) && j-pos < 9 && l[j] >= '0' && l[j] <= '9' {
				j++
			}
			if j > pos && j+1 < len(l) && (l[j] == '.' || l[j] == ')') && l[j+1] == ' ' {
				d++
				pos = j + 2
				continue
			}
			break
		}
		if d > depth {
			line, depth = i+1, d
		}
	}
	return line, depth
}

// lineOf returns the file line of a node's start.
func (p *mdParser) lineOf(n ast.Node) int {
	pos := n.Pos()
	if pos < 0 {
		if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
			pos = n.Lines().At(0).Start
		} else if n.Parent() != nil {
			return p.lineOf(n.Parent())
		} else {
			return 0
		}
	}
	if pos > len(p.src) {
		pos = len(p.src)
	}
	return bytes.Count(p.src[:pos], []byte("\n")) + 1 + p.lineOffset
}

func (p *mdParser) closeOpen() {
	if p.section != nil {
		p.a.Sections = append(p.a.Sections, *p.section)
		p.section = nil
	}
	if p.term != nil {
		p.a.Terms = append(p.a.Terms, *p.term)
		p.term = nil
	}
}

func (p *mdParser) addParagraph(par Paragraph) {
	if len(par.Runs) == 0 {
		return
	}
	switch {
	case p.inDisclaimer:
		p.a.Disclaimer = append(p.a.Disclaimer, par)
	case p.term != nil:
		p.term.Definition = append(p.term.Definition, par)
	case p.section != nil:
		p.section.Paragraphs = append(p.section.Paragraphs, par)
	case p.inTerms:
		p.a.warn(par.Line, "text under %q before the first term is kept as a term without a name", p.termsHeading)
		p.a.Terms = append(p.a.Terms, Term{Definition: []Paragraph{par}, Line: par.Line})
	default:
		p.a.Lead = append(p.a.Lead, par)
	}
}

// block handles one top-level block; containers are flattened into their
// paragraphs, iteratively.
func (p *mdParser) block(n ast.Node) error {
	switch n := n.(type) {
	case *ast.Heading:
		p.heading(n)
	case *east.Table:
		return p.table(n)
	case *ast.ThematicBreak:
	default:
		stack := []ast.Node{n}
		for len(stack) > 0 {
			c := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			switch c := c.(type) {
			case *ast.Paragraph, *ast.TextBlock:
				par := p.inline(c)
				if li, ok := c.Parent().(*ast.ListItem); ok && li.FirstChild() == c {
					par.Runs = append([]Run{{Text: listMarker(li)}}, par.Runs...)
				}
				p.addParagraph(par)
			case *ast.FencedCodeBlock, *ast.CodeBlock, *ast.HTMLBlock:
				p.addParagraph(Paragraph{Runs: []Run{{Text: rawLines(c, p.src), Style: Code}}, Line: p.lineOf(c)})
			case *ast.Heading:
				p.heading(c)
			case *east.Table:
				if err := p.table(c); err != nil {
					return err
				}
			default:
				var kids []ast.Node
				for k := c.FirstChild(); k != nil; k = k.NextSibling() {
					kids = append(kids, k)
				}
				for i := len(kids) - 1; i >= 0; i-- {
					stack = append(stack, kids[i])
				}
			}
		}
	}
	return nil
}

// listMarker returns the bullet or number a list item's text starts with.
func listMarker(li *ast.ListItem) string {
	list, ok := li.Parent().(*ast.List)
	if !ok || !list.IsOrdered() {
		return "• "
	}
	i := list.Start
	for s := li.PreviousSibling(); s != nil; s = s.PreviousSibling() {
		i++
	}
	return strconv.Itoa(i) + ". "
}

func rawLines(n ast.Node, src []byte) string {
	var b strings.Builder
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		b.Write(seg.Value(src))
	}
	return strings.TrimRight(b.String(), "\n")
}

func (p *mdParser) heading(h *ast.Heading) {
	title := p.inline(h).Text()
	line := p.lineOf(h)
	switch {
	case h.Level == 1 && p.a.Title == "":
		p.a.Title = title
		return
	case h.Level <= 2:
		p.closeOpen()
		p.inTerms, p.inDisclaimer = false, false
		switch {
		case strings.EqualFold(title, p.termsHeading):
			p.inTerms = true
			p.a.TermsHeading = title
		case strings.EqualFold(title, disclaimerHeading):
			p.inDisclaimer = true
		default:
			p.section = &Section{Heading: title, Line: line}
		}
	case h.Level == 3 && p.inTerms:
		p.closeOpen()
		p.term = &Term{Name: title, Line: line}
	default:
		// A deeper heading inside a section stays as a bold line of text.
		p.addParagraph(Paragraph{Runs: []Run{{Text: title, Style: Bold}}, Line: line})
	}
}

func (p *mdParser) table(t *east.Table) error {
	line := p.lineOf(t)
	if p.tableSeen {
		p.a.warn(line, "only the first table is the comparison table; this one is left out")
		return nil
	}
	p.tableSeen = true
	tab := &p.a.Table
	tab.Line = line
	for c := t.FirstChild(); c != nil; c = c.NextSibling() {
		var cells []string
		for cell := c.FirstChild(); cell != nil; cell = cell.NextSibling() {
			cells = append(cells, strings.TrimSpace(p.inline(cell).Text()))
		}
		rowLine := p.lineOf(c)
		if _, isHeader := c.(*east.TableHeader); isHeader {
			if len(cells) < 3 {
				return errorf(p.a.Source, rowLine, "the table header must have an aspect column and at least two subjects")
			}
			tab.Label, tab.Subjects = cells[0], cells[1:]
			continue
		}
		// goldmark pads short rows and drops extra cells silently: count
		// the cells in the source line instead.
		if n := countCells(p.sourceLine(rowLine)); n != len(tab.Subjects)+1 {
			return errorf(p.a.Source, rowLine, "table row has %s, expected %d", plural(n-1, "cell"), len(tab.Subjects))
		}
		tab.Rows = append(tab.Rows, Row{Aspect: cells[0], Cells: cells[1:], Line: rowLine})
	}
	return nil
}

// sourceLine returns the text of a file line of the body.
func (p *mdParser) sourceLine(fileLine int) string {
	n := fileLine - p.lineOffset
	lines := bytes.Split(p.src, []byte("\n"))
	if n < 1 || n > len(lines) {
		return ""
	}
	return string(lines[n-1])
}

// countCells counts the cells of a GFM table row: pipes not escaped and
// not inside a code span separate cells; outer pipes are optional.
func countCells(row string) int {
	row = strings.TrimSpace(row)
	row = strings.TrimPrefix(row, "|")
	if strings.HasSuffix(row, "|") && !strings.HasSuffix(row, `\|`) {
		row = row[:len(row)-1]
	}
	n, inCode := 1, false
	for i := 0; i < len(row); i++ {
		switch row[i] {
		case '\\':
			i++
		case '`':
			inCode = !inCode
		case '|':
			if !inCode {
				n++
			}
		}
	}
	return n
}

// inline converts a node's inline children into runs, iteratively.
func (p *mdParser) inline(n ast.Node) Paragraph {
	par := Paragraph{Line: p.lineOf(n)}
	type frame struct {
		node  ast.Node
		style Style
		link  string
	}
	stack := []frame{}
	push := func(parent ast.Node, style Style, link string) {
		var kids []ast.Node
		for k := parent.FirstChild(); k != nil; k = k.NextSibling() {
			kids = append(kids, k)
		}
		for i := len(kids) - 1; i >= 0; i-- {
			stack = append(stack, frame{kids[i], style, link})
		}
	}
	emit := func(s string, style Style, link string) {
		if s == "" {
			return
		}
		if k := len(par.Runs); k > 0 && par.Runs[k-1].Style == style && par.Runs[k-1].Link == link {
			par.Runs[k-1].Text += s
			return
		}
		par.Runs = append(par.Runs, Run{Text: s, Style: style, Link: link})
	}
	push(n, 0, "")
	for len(stack) > 0 {
		f := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		switch c := f.node.(type) {
		case *ast.Text:
			emit(unescapeMarkdown(c.Value(p.src)), f.style, f.link)
			if c.SoftLineBreak() || c.HardLineBreak() {
				emit(" ", f.style, f.link)
			}
		case *ast.String:
			emit(string(c.Value), f.style, f.link)
		case *ast.CodeSpan:
			var b strings.Builder
			for k := c.FirstChild(); k != nil; k = k.NextSibling() {
				if t, ok := k.(*ast.Text); ok {
					b.Write(t.Value(p.src))
				} else if s, ok := k.(*ast.String); ok {
					b.Write(s.Value)
				}
			}
			emit(b.String(), f.style|Code, f.link)
		case *ast.Emphasis:
			style := f.style | Italic
			if c.Level >= 2 {
				style = f.style | Bold
			}
			push(c, style, f.link)
		case *ast.Link:
			push(c, f.style, string(c.Destination))
		case *ast.AutoLink:
			url := string(c.URL(p.src))
			emit(string(c.Label(p.src)), f.style, url)
		case *ast.RawHTML:
			var b strings.Builder
			for i := 0; i < c.Segments.Len(); i++ {
				seg := c.Segments.At(i)
				b.Write(seg.Value(p.src))
			}
			emit(b.String(), f.style, f.link)
		default:
			push(c, f.style, f.link)
		}
	}
	trimRuns(&par)
	return par
}

// unescapeMarkdown resolves backslash escapes and character references.
func unescapeMarkdown(raw []byte) string {
	v := util.UnescapePunctuations(raw)
	v = util.ResolveNumericReferences(v)
	v = util.ResolveEntityNames(v)
	s := string(v)
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	return s
}

// trimRuns removes leading and trailing spaces of the paragraph and folds
// runs of spaces.
func trimRuns(par *Paragraph) {
	for i := range par.Runs {
		par.Runs[i].Text = foldSpaces(par.Runs[i].Text)
	}
	for len(par.Runs) > 0 {
		r := &par.Runs[0]
		r.Text = strings.TrimLeft(r.Text, " ")
		if r.Text != "" {
			break
		}
		par.Runs = par.Runs[1:]
	}
	for len(par.Runs) > 0 {
		r := &par.Runs[len(par.Runs)-1]
		r.Text = strings.TrimRight(r.Text, " ")
		if r.Text != "" {
			break
		}
		par.Runs = par.Runs[:len(par.Runs)-1]
	}
}

func foldSpaces(s string) string {
	if !strings.Contains(s, "  ") && !strings.ContainsAny(s, "\n\t") {
		return s
	}
	var b strings.Builder
	space := false
	for _, r := range s {
		if r == ' ' || r == '\n' || r == '\t' {
			space = true
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	if space {
		b.WriteByte(' ')
	}
	return b.String()
}
