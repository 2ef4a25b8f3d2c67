package content

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
)

// DefaultTermsHeading is the heading of the related-terms section when the
// front matter names none.
const DefaultTermsHeading = "Related Important Terms"

// disclaimerHeading marks the section that holds the disclaimer.
const disclaimerHeading = "Disclaimer"

// markdown is shared read-only; Parse creates fresh state per call.
// Footnotes and strikethrough are GFM syntax that real articles use.
var markdown = goldmark.New(goldmark.WithExtensions(extension.Table, extension.Footnote, extension.Strikethrough))

// mdParser builds an Article from a goldmark tree.
type mdParser struct {
	a            *Article
	src          []byte
	lines        [][]byte // the body's lines, for cell counts
	lineOffset   int      // file lines before the body
	lineMap      []int    // when set, the source line of each body line (HTML pages)
	termsHeading string

	comparison    *east.Table    // the table chosen as the comparison
	tableCaptions map[int]string // captions under tables, by the file line of their last row
	notes         map[int]*Note  // footnotes by goldmark's index
	noteOrder     []int          // indexes in order of first reference
	inTerms       bool
	inDisclaimer  bool
	section       *Section
	term          *Term
}

func parseMarkdown(a *Article, lines []string, opts ParseOptions) error {
	fm, body, offset, err := splitFrontMatter(a.Source, lines)
	if err != nil {
		return err
	}
	res, err := applyFrontMatter(a, fm.root, opts.Strict)
	if err != nil {
		return err
	}
	return parseMarkdownBody(a, body, offset, nil, res)
}

// parseMarkdownBody parses the body lines that follow offset file lines.
// lineMap, when not nil, maps each body line to the line of another file
// (the web page a Markdown text was extracted from).
func parseMarkdownBody(a *Article, body []string, offset int, lineMap []int, res frontMatterResult) error {
	size := 0
	for _, l := range body {
		size += len(l) + 1
	}
	if size > MaxBodyBytes {
		return kindErrorf(ErrTooLarge, a.Source, offset+1, "body larger than %s", humanBytes(MaxBodyBytes))
	}
	if line, depth := deepestNesting(body); depth > MaxNesting {
		return kindErrorf(ErrTooLarge, a.Source, mapLine(lineMap, line)+offset, "nesting deeper than %d (lists or quotes inside each other)", MaxNesting)
	}
	p := &mdParser{
		a: a, lineOffset: offset, lineMap: lineMap, termsHeading: res.termsHeading,
		tableCaptions: map[int]string{}, notes: map[int]*Note{},
	}
	if p.termsHeading == "" {
		p.termsHeading = DefaultTermsHeading
	}
	body = p.boundInlineSyntax(body)
	if lineMap == nil {
		// Site-generator syntax belongs to Markdown files; in a web page's
		// text, "{{<" or "[[x]]" is what the page says.
		body = p.prepareBody(body)
	}
	p.src = []byte(strings.Join(body, "\n") + "\n")
	p.lines = bytes.Split(p.src, []byte("\n"))
	root := markdown.Parser().Parse(text.NewReader(p.src))
	if err := p.chooseTable(root, res); err != nil {
		return err
	}
	p.collectNotes(root)
	for n := root.FirstChild(); n != nil; n = n.NextSibling() {
		if err := p.block(n); err != nil {
			return err
		}
	}
	p.closeOpen()
	p.finishNotes()
	if a.Title == "" {
		return errorf(a.Source, 1, "no title: add \"title:\" to the front matter or start the body with \"# Title\"")
	}
	return nil
}

// mapLine maps a body line through lineMap when there is one.
func mapLine(lineMap []int, line int) int {
	if lineMap == nil || line < 1 || line > len(lineMap) {
		return line
	}
	return lineMap[line-1]
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
	return p.fileLine(bytes.Count(p.src[:pos], []byte("\n")) + 1)
}

// fileLine turns a body line into a line of the file the user named.
func (p *mdParser) fileLine(bodyLine int) int {
	if p.lineMap != nil {
		return mapLine(p.lineMap, bodyLine)
	}
	return bodyLine + p.lineOffset
}

// sourceLine returns the text of a body line given by its node's position.
func (p *mdParser) sourceLineOf(n ast.Node) string {
	pos := n.Pos()
	if pos < 0 && n.FirstChild() != nil {
		if c := n.FirstChild(); c.Type() == ast.TypeBlock && c.Lines().Len() > 0 {
			pos = c.Lines().At(0).Start
		}
	}
	if pos < 0 {
		if n.Lines().Len() == 0 {
			return ""
		}
		pos = n.Lines().At(0).Start
	}
	k := bytes.Count(p.src[:min(pos, len(p.src))], []byte("\n"))
	if k >= len(p.lines) {
		return ""
	}
	return string(p.lines[k])
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
	if len(par.Runs) == 0 && par.List == nil && par.Table == nil {
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

func (p *mdParser) heading(h *ast.Heading) {
	title := strings.TrimSpace(strings.ReplaceAll(p.inline(h).Text(), "\n", " "))
	line := p.lineOf(h)
	if title == "" {
		return
	}
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
		case strings.EqualFold(strings.TrimRight(title, ".:"), disclaimerHeading):
			p.inDisclaimer = true
		default:
			p.section = &Section{Heading: title, Line: line}
		}
	case h.Level == 3 && p.inTerms:
		p.closeOpen()
		p.term = &Term{Name: title, Line: line}
	case h.Level == 3 && !p.inTerms && !p.inDisclaimer:
		// A sub-heading of a section starts a sub-section.
		p.closeOpen()
		p.section = &Section{Heading: title, Line: line, Level: 1}
	default:
		// A deeper heading inside a section stays as a bold line of text.
		p.addParagraph(Paragraph{Runs: []Run{{Text: title, Style: Bold}}, Line: line})
	}
}
