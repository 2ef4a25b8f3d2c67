package content

import (
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// This file reads a comparison article scraped from a web page as plain
// text. Its shape: the title line ("A vs. B: A question?"), "Last Updated
// Apr 21, 2025", "By Name", lead paragraphs, a line introducing the table,
// the table (a header "Aspect A B" and one line per aspect, often with the
// column separators lost), sections (a short heading line and paragraphs),
// "Related Important Terms" with a name line and a definition per term, an
// "… Infographic" caption, and page furniture around a disclaimer.

// line is one line of the source with its 1-based number.
type line struct {
	text string
	num  int
}

var (
	vsPattern         = regexp.MustCompile(`(?i)\s+(?:vs\.?|versus)\s+`)
	updatedPattern    = regexp.MustCompile(`(?i)^(?:last\s+)?(?:updated|published|modified)(?:\s+on)?:?\s+(.+)$`)
	bylinePattern     = regexp.MustCompile(`(?i)^(?:written\s+)?by:?\s+(.+)$`)
	termsPattern      = regexp.MustCompile(`(?i)^(?:related\s+(?:important\s+)?terms|important\s+terms|key\s+terms(?:\s+to\s+know)?|glossary)[:.]?$`)
	figurePattern     = regexp.MustCompile(`^(.*\S)\s+Infographic$`)
	disclaimerPattern = regexp.MustCompile(`(?i)^disclaimer[.:]?\s*(.*)$`)
	aboutPattern      = regexp.MustCompile(`(?i)^about\s+the\s+authors?[.:]?$`)
	furniturePattern  = regexp.MustCompile(`(?i)^(?:comments?|no\s+comments?(?:\s+yet)?[.!]?|leave\s+a\s+(?:comment|reply)|share(?:\s+this)?(?:\s+article)?:?|advertisement)$`)
	separatorPattern  = regexp.MustCompile(`\t+| {2,}| \| `)
)

// dateLayouts are the date forms accepted after "Last Updated".
var dateLayouts = []string{
	"Jan 2, 2006", "January 2, 2006", "Jan. 2, 2006", "2 Jan 2006", "2 January 2006",
	"2006-01-02", "Jan 2 2006", "January 2 2006", "02/01/2006",
}

func parseDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "."))
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC(), true
		}
	}
	return time.Time{}, false
}

// textParser walks the lines of a plain-text article.
type textParser struct {
	a     *Article
	lines []line
	pos   int
}

func parsePlainText(a *Article, raw []string, opts ParseOptions) error {
	p := &textParser{a: a}
	for i, l := range raw {
		p.lines = append(p.lines, line{text: strings.TrimRightFunc(l, unicode.IsSpace), num: i + 1})
	}
	titleLine, ok := p.next()
	if !ok {
		return kindErrorf(ErrEmpty, a.Source, 0, "empty article")
	}
	if updatedPattern.MatchString(titleLine.text) || bylinePattern.MatchString(titleLine.text) {
		return errorf(a.Source, titleLine.num, "no title line: the first line must be the article's title, not %q", shorten(titleLine.text, 40))
	}
	a.Title, a.Subtitle = splitTitle(strings.TrimSpace(titleLine.text))
	if n := len(subjectsFromTitle(a.Title)); n > MaxSubjects {
		return kindErrorf(ErrTooLarge, a.Source, titleLine.num, "the title names %d subjects; at most %d can be compared", n, MaxSubjects)
	}
	p.readMeta()
	captionLine, err := p.readLead(titleLine)
	if err != nil {
		return err
	}
	if err := p.readTable(captionLine); err != nil {
		return err
	}
	p.readBody(strings.TrimSpace(titleLine.text))
	return nil
}

// splitTitle splits "Title: Subtitle" at the first ": ".
func splitTitle(s string) (title, subtitle string) {
	if i := strings.Index(s, ": "); i > 0 {
		return strings.TrimSpace(s[:i]), strings.TrimSpace(s[i+2:])
	}
	return s, ""
}

// subjectsFromTitle returns the subjects named by "A vs. B [vs. C]".
func subjectsFromTitle(title string) []string {
	parts := vsPattern.Split(title, -1)
	if len(parts) < 2 {
		return nil
	}
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
		if parts[i] == "" {
			return nil
		}
	}
	return parts
}

// next returns the next non-blank line.
func (p *textParser) next() (line, bool) {
	for p.pos < len(p.lines) {
		l := p.lines[p.pos]
		p.pos++
		if strings.TrimSpace(l.text) != "" {
			l.text = strings.TrimSpace(l.text)
			return l, true
		}
	}
	return line{}, false
}

// peek returns the next non-blank line without consuming it.
func (p *textParser) peek() (line, bool) {
	save := p.pos
	l, ok := p.next()
	p.pos = save
	return l, ok
}

// block reads the next run of non-blank lines.
func (p *textParser) block() []line {
	if _, ok := p.peek(); !ok {
		return nil
	}
	var out []line
	for p.pos < len(p.lines) {
		l := p.lines[p.pos]
		if strings.TrimSpace(l.text) == "" {
			if len(out) > 0 {
				break
			}
			p.pos++
			continue
		}
		l.text = strings.TrimSpace(l.text)
		out = append(out, l)
		p.pos++
	}
	return out
}

// readMeta reads the date and byline lines under the title.
func (p *textParser) readMeta() {
	for {
		l, ok := p.peek()
		if !ok {
			return
		}
		if m := updatedPattern.FindStringSubmatch(l.text); m != nil && len(l.text) < 60 {
			p.next()
			if t, ok := parseDate(m[1]); ok {
				p.a.Updated = t
			} else {
				p.a.warn(l.num, "cannot read the date %q; write it like \"Apr 21, 2025\"", m[1])
			}
			continue
		}
		if m := bylinePattern.FindStringSubmatch(l.text); m != nil && utf8.RuneCountInString(l.text) < 100 {
			p.next()
			p.a.Author = strings.TrimSpace(m[1])
			continue
		}
		return
	}
}

// readLead reads the lead paragraphs up to the table and returns the line
// that introduces the table, if any.
func (p *textParser) readLead(title line) (caption line, err error) {
	subjects := subjectsFromTitle(p.a.Title)
	for {
		l, ok := p.peek()
		if !ok {
			return line{}, errorf(p.a.Source, len(p.lines), "no comparison table: expected a header line like \"Aspect %s\"", headerExample(subjects))
		}
		if _, _, ok := matchHeader(l.text, subjects); ok {
			return caption, nil
		}
		b := p.block()
		if len(b) == 1 && isHeadingLike(b[0].text) {
			if next, ok := p.peek(); ok {
				if _, _, ok := matchHeader(next.text, subjects); ok {
					return b[0], nil
				}
			}
		}
		p.a.Lead = append(p.a.Lead, joinBlock(b))
	}
}

func headerExample(subjects []string) string {
	if len(subjects) == 0 {
		return "Subject A  Subject B"
	}
	return strings.Join(subjects, " ")
}

// joinBlock joins the lines of a block into one paragraph.
func joinBlock(b []line) Paragraph {
	texts := make([]string, len(b))
	for i, l := range b {
		texts[i] = l.text
	}
	return PlainParagraph(strings.Join(texts, " "), b[0].num)
}

// isHeadingLike reports a line that can be a heading: short, and not
// ending like a sentence or in the middle of one.
func isHeadingLike(s string) bool {
	if s == "" || utf8.RuneCountInString(s) > 150 || len(strings.Fields(s)) > 20 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(s)
	if strings.ContainsRune(".,;:", last) {
		return false
	}
	words := strings.Fields(s)
	return !connectors[strings.ToLower(words[len(words)-1])]
}

// readTable reads the header row and the rows under it.
func (p *textParser) readTable(caption line) error {
	header, _ := p.next()
	label, subjects, _ := matchHeader(header.text, subjectsFromTitle(p.a.Title))
	t := &p.a.Table
	t.Caption, t.Label, t.Subjects, t.Line = caption.text, label, subjects, header.num
	if len(subjects) < 2 {
		return errorf(p.a.Source, header.num, "the table header must name at least two subjects")
	}
	var unseparated []int
	for p.pos < len(p.lines) && strings.TrimSpace(p.lines[p.pos].text) != "" {
		l := p.lines[p.pos]
		p.pos++
		text := strings.TrimSpace(l.text)
		row := Row{Line: l.num}
		if parts, ok := splitSeparated(text); ok {
			row.Aspect = parts[0]
			row.Cells = parts[1:]
			if len(row.Cells) != len(subjects) {
				return errorf(p.a.Source, l.num, "table row has %s, expected %d", plural(len(row.Cells), "cell"), len(subjects))
			}
		} else {
			row.Aspect = text
			unseparated = append(unseparated, len(t.Rows))
		}
		t.Rows = append(t.Rows, row)
	}
	return p.recoverColumns(unseparated)
}

// recoverColumns splits the rows that lost their separators: a first pass
// on each row alone, then a second pass with what the confident rows say
// about each column.
func (p *textParser) recoverColumns(rows []int) error {
	if len(rows) == 0 {
		return nil
	}
	t := &p.a.Table
	n := len(t.Subjects)
	texts := make([]string, len(rows))
	splits := make([][]string, len(rows))
	confident := make([]bool, len(rows))
	for i, r := range rows {
		texts[i] = t.Rows[r].Aspect
		if words := len(rowWords(texts[i])); words > MaxRowWords {
			return kindErrorf(ErrTooLarge, p.a.Source, t.Rows[r].Line, "table row has %d words, more than the %d that can be split; separate its columns with tabs or \" | \"", words, MaxRowWords)
		}
		best, margin, ok := splitRow(texts[i], n, nil)
		if !ok {
			return errorf(p.a.Source, t.Rows[r].Line, "table row has too few words for an aspect and %d cells", n)
		}
		splits[i], confident[i] = best.parts, margin >= ambiguityMargin
	}
	priors := learnPriors(splits, confident, n)
	for i, r := range rows {
		best, margin, _ := splitRow(texts[i], n, priors)
		row := &t.Rows[r]
		row.Aspect, row.Cells = best.parts[0], best.parts[1:]
		if margin < ambiguityMargin {
			p.a.warn(row.Line, "ambiguous table row, check the split")
		}
	}
	return nil
}

// splitSeparated splits a row whose columns are separated by tabs, two or
// more spaces, or " | " (with optional outer pipes).
func splitSeparated(text string) ([]string, bool) {
	trimmed := text
	if strings.HasPrefix(trimmed, "|") && strings.HasSuffix(trimmed, "|") && len(trimmed) > 1 {
		trimmed = strings.TrimSpace(trimmed[1 : len(trimmed)-1])
	}
	if !separatorPattern.MatchString(trimmed) {
		return nil, false
	}
	parts := separatorPattern.Split(trimmed, -1)
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	return parts, true
}

// matchHeader recognises the table's header row: a label ("Aspect") and the
// subjects, either separated or run together as in the title.
func matchHeader(text string, subjects []string) (label string, heads []string, ok bool) {
	if parts, sep := splitSeparated(text); sep {
		if len(parts) >= 3 && (isAspectLabel(parts[0]) || sameSubjects(parts[1:], subjects)) {
			return parts[0], parts[1:], true
		}
		return "", nil, false
	}
	if len(subjects) < 2 {
		return "", nil, false
	}
	joined := strings.Join(subjects, " ")
	if len(text) > len(joined)+1 && strings.EqualFold(text[len(text)-len(joined):], joined) && text[len(text)-len(joined)-1] == ' ' {
		label = strings.TrimSpace(text[:len(text)-len(joined)-1])
		if n := len(strings.Fields(label)); n >= 1 && n <= 3 && isHeadingLike(label) {
			return label, splitLike(text[len(text)-len(joined):], subjects), true
		}
	}
	// The header may spell the subjects a little differently from the
	// title ("Engineers" for "Engineer"): take the label word and group the
	// rest to match the title's subjects as closely as possible.
	words := strings.Fields(text)
	if len(words) > len(subjects) && isAspectLabel(words[0]) {
		return words[0], groupLike(words[1:], subjects), true
	}
	return "", nil, false
}

// isAspectLabel reports the usual headers of a comparison's first column.
func isAspectLabel(s string) bool {
	switch strings.ToLower(strings.TrimRight(s, ":")) {
	case "aspect", "aspects", "feature", "features", "criteria", "criterion", "category", "factor",
		"factors", "attribute", "dimension", "parameter", "parameters", "comparison", "basis", "point":
		return true
	}
	return false
}

func sameSubjects(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !strings.EqualFold(a[i], b[i]) {
			return false
		}
	}
	return true
}

// splitLike cuts text into parts of the same lengths as subjects.
func splitLike(text string, subjects []string) []string {
	out := make([]string, len(subjects))
	pos := 0
	for i, s := range subjects {
		out[i] = text[pos : pos+len(s)]
		pos += len(s) + 1
	}
	return out
}

// groupLike groups words into len(subjects) parts, each as close as
// possible to its subject by the words they share.
func groupLike(words, subjects []string) []string {
	n := len(subjects)
	best, bestScore := []string(nil), -1.0
	var try func(start, part int, acc []string, score float64)
	try = func(start, part int, acc []string, score float64) {
		if part == n-1 {
			g := strings.Join(words[start:], " ")
			s := score + similarity(g, subjects[part])
			if s > bestScore {
				best, bestScore = append(append([]string(nil), acc...), g), s
			}
			return
		}
		for end := start + 1; end <= len(words)-(n-1-part); end++ {
			g := strings.Join(words[start:end], " ")
			try(end, part+1, append(acc, g), score+similarity(g, subjects[part]))
		}
	}
	if len(words) <= 24 {
		try(0, 0, nil, 0)
	}
	if best == nil {
		best = append(append([]string(nil), words[:n-1]...), strings.Join(words[n-1:], " "))
	}
	return best
}

// similarity is the share of words of a and b that share a four-letter
// prefix.
func similarity(a, b string) float64 {
	key := func(w string) string {
		w = strings.ToLower(w)
		if r := []rune(w); len(r) > 4 {
			return string(r[:4])
		}
		return w
	}
	wa, wb := strings.Fields(a), strings.Fields(b)
	set := map[string]bool{}
	for _, w := range wb {
		set[key(w)] = true
	}
	common := 0
	for _, w := range wa {
		if set[key(w)] {
			common++
		}
	}
	return float64(2*common) / float64(len(wa)+len(wb))
}

// readBody reads everything after the table: sections, terms, the figure
// caption, the disclaimer, and page furniture to drop.
func (p *textParser) readBody(titleLine string) {
	a := p.a
	inTerms := false
	var section *Section
	var term *Term
	addParagraph := func(par Paragraph) {
		switch {
		case term != nil:
			term.Definition = append(term.Definition, par)
		case section != nil:
			section.Paragraphs = append(section.Paragraphs, par)
		default:
			a.Lead = append(a.Lead, par)
		}
	}
	closeOpen := func() {
		if section != nil {
			a.Sections = append(a.Sections, *section)
			section = nil
		}
		if term != nil {
			a.Terms = append(a.Terms, *term)
			term = nil
		}
	}
	for {
		b := p.block()
		if b == nil {
			break
		}
		first := b[0]
		switch {
		case first.text == titleLine, furniturePattern.MatchString(first.text) && len(b) == 1:
			continue
		case aboutPattern.MatchString(first.text) && len(b) == 1 && p.nothingMoreButFurniture():
			continue
		case figurePattern.MatchString(first.text) && len(b) == 1 && a.Figure == "":
			closeOpen()
			inTerms = false
			a.Figure = figurePattern.FindStringSubmatch(first.text)[1]
			continue
		case disclaimerPattern.MatchString(first.text) && utf8.RuneCountInString(first.text) < 20 && isDisclaimerStart(first.text):
			closeOpen()
			inTerms = false
			if rest := disclaimerPattern.FindStringSubmatch(first.text)[1]; rest != "" {
				a.Disclaimer = append(a.Disclaimer, PlainParagraph(rest, first.num))
			}
			if len(b) > 1 {
				a.Disclaimer = append(a.Disclaimer, joinBlock(b[1:]))
			}
			p.readDisclaimerRest()
			continue
		}
		heading, rest := splitHeading(b)
		if heading == nil {
			addParagraph(joinBlock(b))
			continue
		}
		if !p.followedByText(rest) && !inTerms && !termsPattern.MatchString(heading.text) {
			// A heading-like line with nothing under it is kept as text.
			addParagraph(joinBlock(b))
			continue
		}
		closeOpen()
		switch {
		case termsPattern.MatchString(heading.text):
			inTerms = true
			a.TermsHeading = heading.text
		case inTerms:
			term = &Term{Name: heading.text, Line: heading.num}
		default:
			section = &Section{Heading: heading.text, Line: heading.num}
		}
		if len(rest) > 0 {
			addParagraph(joinBlock(rest))
		}
	}
	closeOpen()
}

// isDisclaimerStart accepts "Disclaimer", "Disclaimer." and "Disclaimer:".
func isDisclaimerStart(s string) bool {
	return strings.EqualFold(strings.TrimRight(s, ".:"), "disclaimer")
}

// readDisclaimerRest adds paragraphs up to the page furniture to the
// disclaimer.
func (p *textParser) readDisclaimerRest() {
	for {
		l, ok := p.peek()
		if !ok || furniturePattern.MatchString(l.text) || aboutPattern.MatchString(l.text) {
			return
		}
		b := p.block()
		p.a.Disclaimer = append(p.a.Disclaimer, joinBlock(b))
	}
}

// nothingMoreButFurniture reports whether only furniture or a disclaimer
// follows, so that an "About the author." heading is empty.
func (p *textParser) nothingMoreButFurniture() bool {
	l, ok := p.peek()
	return !ok || furniturePattern.MatchString(l.text) || isDisclaimerStart(l.text)
}

// followedByText reports whether a heading has text under it: lines in its
// own block, or a next block that is a paragraph.
func (p *textParser) followedByText(rest []line) bool {
	if len(rest) > 0 {
		return true
	}
	l, ok := p.peek()
	if !ok {
		return false
	}
	return !isHeadingLike(l.text) && !furniturePattern.MatchString(l.text) &&
		!figurePattern.MatchString(l.text) && !isDisclaimerStart(l.text)
}

// splitHeading returns the block's heading line, if its first line is one,
// and the lines after it. A one-line block is a heading when it reads like
// one; the first line of a longer block only when it is clearly shorter than
// the paragraph under it, so that a soft-wrapped paragraph is not cut.
func splitHeading(b []line) (*line, []line) {
	if !isHeadingLike(b[0].text) {
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
