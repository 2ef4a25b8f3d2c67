package content

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file reads the running text of a scraped article, before and after
// the table, into the lead, sections (with question sub-sections under a
// heading such as "Frequently Asked Questions"), lists, related terms, the
// figure caption and the disclaimer. A heading is known by its shape in
// the page: a short line without final punctuation that is followed by a
// paragraph, a list or more headings, whatever word it ends with.

var listLinePattern = lazyCompile(`^(?:([•\-*–—▪◦·‣])|(\d{1,3})[.)])\s+(\S.*)$`)

// isListLine reports a bulleted ("• ", "- ", "* ", "– ") or numbered
// ("1. ", "1) ") line.
func isListLine(s string) bool { return listLinePattern.MatchString(s) }

// isHeadingShape reports a line shaped like a heading: short, starting
// with a letter or digit, and not ending like a sentence or a clause.
func isHeadingShape(s string) bool {
	if s == "" || utf8.RuneCountInString(s) > 120 || len(strings.Fields(s)) > 16 || isListLine(s) {
		return false
	}
	first, _ := utf8.DecodeRuneInString(s)
	if !unicode.IsLetter(first) && !unicode.IsDigit(first) && !strings.ContainsRune("\"“‘¿¡(", first) {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(s)
	return !strings.ContainsRune(".,;:", last)
}

// isQuestion reports a heading that asks a question.
func isQuestion(s string) bool { return strings.HasSuffix(s, "?") }

type unitKind int

const (
	unitParagraph unitKind = iota
	unitHeading            // a heading-shaped line; read as a heading only if content follows
	unitList
	unitFigure
	unitDisclaimer
)

// unit is one piece of running text: a paragraph, a heading candidate, a
// list, the figure caption or the start of the disclaimer.
type unit struct {
	kind unitKind
	text string
	par  Paragraph
	num  int
	// afterGap is set when dropped furniture stands right before the unit.
	afterGap bool
}

// bodyReader places units into the article; its state carries over from
// the text before the table to the text after it.
type bodyReader struct {
	p            *textParser
	a            *Article
	section      *Section
	term         *Term
	inTerms      bool
	inDisclaimer bool
	faq          bool // the open section holds only question sub-sections
}

func newBodyReader(p *textParser) *bodyReader { return &bodyReader{p: p, a: p.a} }

// read reads lines [from, to) before or after the table.
func (b *bodyReader) read(from, to int, beforeTable bool) {
	if beforeTable {
		if c := b.p.captionBefore(to); c >= 0 {
			to = c
		}
	}
	units := b.p.units(from, to)
	heading := decideHeadings(units, beforeTable)
	for k, u := range units {
		if u.kind == unitHeading && !heading[k] {
			u.kind, u.par = unitParagraph, PlainParagraph(u.text, u.num)
		}
		var next *unit
		if k+1 < len(units) {
			next = &units[k+1]
		}
		b.place(u, next, beforeTable)
	}
}

// decideHeadings decides, from the last unit back, which heading
// candidates are headings: those followed by a paragraph, a list or a
// heading. A candidate ending the text before the table heads the table.
func decideHeadings(units []unit, beforeTable bool) []bool {
	heading := make([]bool, len(units))
	for k := len(units) - 1; k >= 0; k-- {
		if units[k].kind != unitHeading {
			continue
		}
		if termsPattern.MatchString(units[k].text) {
			heading[k] = true
			continue
		}
		if k+1 == len(units) {
			heading[k] = beforeTable
			continue
		}
		switch units[k+1].kind {
		case unitParagraph, unitList:
			heading[k] = true
		case unitHeading:
			heading[k] = heading[k+1]
		}
	}
	return heading
}

// place puts one unit into the article.
func (b *bodyReader) place(u unit, next *unit, beforeTable bool) {
	a := b.a
	switch u.kind {
	case unitFigure:
		if a.Figure == "" {
			b.close()
			b.inTerms, b.inDisclaimer = false, false
			a.Figure = u.text
			return
		}
		u.kind, u.par = unitParagraph, PlainParagraph(u.text+" Infographic", u.num)
	case unitDisclaimer:
		b.close()
		b.inTerms, b.inDisclaimer = false, true
		if u.text != "" {
			a.Disclaimer = append(a.Disclaimer, PlainParagraph(u.text, u.num))
		}
		return
	case unitHeading:
		b.inDisclaimer = false
		b.close()
		switch {
		case termsPattern.MatchString(u.text):
			b.inTerms, b.faq = true, false
			a.TermsHeading = u.text
		case b.inTerms:
			b.term = &Term{Name: u.text, Line: u.num}
		default:
			level := 0
			if b.faq && isQuestion(u.text) {
				level = 1
			} else {
				b.faq = !isQuestion(u.text) && next != nil && next.kind == unitHeading && isQuestion(next.text)
			}
			b.section = &Section{Heading: u.text, Line: u.num, Level: level}
		}
		return
	}
	// A paragraph or a list.
	switch {
	case b.inDisclaimer && !u.afterGap:
		a.Disclaimer = append(a.Disclaimer, u.par)
	case b.term != nil:
		b.term.Definition = append(b.term.Definition, u.par)
	case b.section != nil:
		b.section.Paragraphs = append(b.section.Paragraphs, u.par)
	case beforeTable:
		a.Lead = append(a.Lead, u.par)
	default:
		// Text after the table that no heading claims stays where it is,
		// in reading order, rather than moving up into the lead.
		b.inDisclaimer, b.inTerms = false, false
		a.warn(u.num, "text after the table has no heading; it is kept in place as a section without one")
		b.section = &Section{Line: u.num, Paragraphs: []Paragraph{u.par}}
	}
}

// close ends the open section or term.
func (b *bodyReader) close() {
	if b.section != nil {
		b.a.Sections = append(b.a.Sections, *b.section)
		b.section = nil
	}
	if b.term != nil {
		b.a.Terms = append(b.a.Terms, *b.term)
		b.term = nil
	}
}

func (b *bodyReader) finish() { b.close() }

// units cuts lines [from, to) into units, skipping furniture. Lines of one
// block (no blank line between) form one paragraph, except list lines,
// and a first line clearly shorter than the text under it, which is a
// heading candidate.
func (p *textParser) units(from, to int) []unit {
	var out []unit
	gap := false
	var run []line // text lines of the current block not yet placed
	flush := func() {
		if len(run) == 0 {
			return
		}
		if head, rest := splitHeading(run); head != nil {
			out = append(out, unit{kind: unitHeading, text: head.text, num: head.num, afterGap: gap})
			gap = false
			run = rest
		}
		if len(run) > 0 {
			out = append(out, unit{kind: unitParagraph, par: joinBlock(run), num: run[0].num, afterGap: gap})
			gap = false
		}
		run = nil
	}
	for i := from; i < to && i < len(p.lines); i++ {
		l := p.lines[i]
		switch {
		case l.text == "":
			flush()
			continue
		case p.drop[i] != "":
			flush()
			gap = true
			continue
		}
		switch m := listLinePattern.FindStringSubmatch(l.text); {
		case m != nil:
			flush()
			out = appendListItem(out, m, l.num, gap)
			gap = false
		case figurePattern.MatchString(l.text) && len(run) == 0 && p.blockEnds(i):
			out = append(out, unit{kind: unitFigure, text: figureCaption(l.text), num: l.num, afterGap: gap})
			gap = false
		case len(run) == 0 && isDisclaimerStart(l.text):
			out = append(out, unit{kind: unitDisclaimer, text: disclaimerText(l.text), num: l.num, afterGap: gap})
			gap = false
		default:
			run = append(run, l)
		}
	}
	flush()
	return out
}

// blockEnds reports whether line i is the last of its block.
func (p *textParser) blockEnds(i int) bool {
	return i+1 >= len(p.lines) || p.lines[i+1].text == "" || p.drop[i+1] != ""
}

func figureCaption(s string) string { return figurePattern.FindStringSubmatch(s)[1] }

// appendListItem adds a list line to the list unit before it, or starts a
// list unit. Bulleted and numbered lines make separate lists.
func appendListItem(out []unit, m []string, num int, gap bool) []unit {
	ordered := m[2] != ""
	item := ListItem{Blocks: []Paragraph{PlainParagraph(m[3], num)}}
	if n := len(out); n > 0 && out[n-1].kind == unitList && out[n-1].par.List.Ordered == ordered && !gap {
		out[n-1].par.List.Items = append(out[n-1].par.List.Items, item)
		return out
	}
	start := 0
	if ordered {
		start, _ = strconv.Atoi(m[2])
	}
	list := &List{Ordered: ordered, Start: start, Items: []ListItem{item}}
	return append(out, unit{kind: unitList, par: Paragraph{List: list, Line: num}, num: num, afterGap: gap})
}

// isDisclaimerStart accepts "Disclaimer", "Disclaimer." and "Disclaimer:"
// alone on a line, or "Disclaimer: " followed by its text.
func isDisclaimerStart(s string) bool {
	if strings.EqualFold(strings.TrimRight(s, ".: "), "disclaimer") {
		return true
	}
	m := disclaimerPattern.FindStringSubmatch(s)
	return m != nil && m[1] != "" && len(s) > len("disclaimer") && strings.ContainsRune(".:", rune(s[len("disclaimer")]))
}

func disclaimerText(s string) string {
	if m := disclaimerPattern.FindStringSubmatch(s); m != nil {
		return strings.TrimSpace(m[1])
	}
	return ""
}

// joinBlock joins the lines of a block into one paragraph.
func joinBlock(b []line) Paragraph {
	texts := make([]string, len(b))
	for i, l := range b {
		texts[i] = l.text
	}
	return PlainParagraph(strings.Join(texts, " "), b[0].num)
}

// splitHeading returns the block's heading line, if its first line is one,
// and the lines after it. A one-line block is a heading candidate when it
// is shaped like one; the first line of a longer block only when it is
// clearly shorter than the text under it, so that a soft-wrapped paragraph
// is not cut.
func splitHeading(b []line) (*line, []line) {
	if !isHeadingShape(b[0].text) {
		return nil, b
	}
	if len(b) == 1 {
		return &b[0], nil
	}
	first, second := utf8.RuneCountInString(b[0].text), utf8.RuneCountInString(b[1].text)
	if first <= 100 && float64(first) < 0.6*float64(second) {
		return &b[0], b[1:]
	}
	return nil, b
}
