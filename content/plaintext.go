package content

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// This file reads a comparison article scraped from a web page as plain
// text. Its shape: the title line ("A vs. B: A question?"), the date and
// byline, lead paragraphs, maybe sections, a line introducing the table,
// the table (a header "Aspect A B" and one line per aspect, often with the
// column separators lost), sections (a short heading line and paragraphs
// or lists), "Related Important Terms" with a name line and a definition
// per term, an "… Infographic" caption and a disclaimer, all among page
// furniture (see furniture.go) that is dropped with a warning.
//
// The parse runs in passes over the lines, each linear in their number:
// furniture that shows by its own shape is marked; the title is found and
// what stands before it dropped; the date and byline are read; the table
// header is found; furniture that shows by its place (a table of contents
// at the top, a "You May Also Like" list, an author box) is marked; then
// the text before and after the table is read into the lead, sections,
// terms, figure and disclaimer, in reading order.

// line is one line of the source with its 1-based number.
type line struct {
	text string
	num  int
}

var (
	vsPattern         = lazyCompile(`(?i)\s+(?:vs\.?|versus)\s+`)
	differencePattern = lazyCompile(`(?i)^(?:the\s+)?(?:key\s+|main\s+)?differences?\s+between\s+(.+?)\s+and\s+(.+)$`)
	orPattern         = lazyCompile(`\s+or\s+`)
	bylinePattern     = lazyCompile(`(?i)^(?:written\s+)?by:?\s+(.+)$`)
	termsPattern      = lazyCompile(`(?i)^(?:related\s+(?:important\s+)?terms|important\s+terms|related\s+terms|key\s+terms(?:\s+to\s+know)?|terms\s+to\s+know|glossary(?:\s+of\s+terms)?)[:.]?$`)
	figurePattern     = lazyCompile(`^(.*\S)\s+Infographic$`)
	disclaimerPattern = lazyCompile(`(?i)^disclaimer\s*[.:]?\s*(.*)$`)
)

// textParser holds the lines of a plain-text article and what the passes
// learned about them.
type textParser struct {
	a     *Article
	opts  ParseOptions
	lines []line
	// drop[i] says why line i is page furniture, "" when it is not.
	drop      []string
	titleIdx  int // index of the title line, -1 when none was found
	bodyStart int // index of the first line after the title and meta
	subjects  []string
}

func parsePlainText(a *Article, raw []string, opts ParseOptions) error {
	p := &textParser{a: a, opts: opts, titleIdx: -1}
	for i, l := range raw {
		p.lines = append(p.lines, line{text: strings.TrimSpace(l), num: i + 1})
	}
	p.drop = make([]string, len(p.lines))
	for i, l := range p.lines {
		p.drop[i] = lineFurniture(l.text)
	}
	if err := p.findTitle(); err != nil {
		return err
	}
	p.readMeta()
	header, err := p.findHeader()
	if err != nil {
		return err
	}
	p.markPlacedFurniture(header)
	for i := header; i < len(p.lines) && p.lines[i].text != ""; i++ {
		p.drop[i] = "" // a table row is never furniture
	}
	b := newBodyReader(p)
	b.read(p.bodyStart, header, true)
	end, err := p.readTable(header)
	if err != nil {
		return err
	}
	b.read(end, len(p.lines), false)
	b.finish()
	p.reportDropped()
	p.reportStaleOverrides()
	return nil
}

// findTitle finds the title line: among the first lines that are not
// furniture, the first that names the subjects ("A vs. B", "Difference
// between A and B", "A or B: …"), else the first followed by a date or a
// byline, else the first. Lines before it (a site name, a cookie banner)
// are dropped.
func (p *textParser) findTitle() error {
	var candidates []int
	for i, l := range p.lines {
		if l.text == "" || p.drop[i] != "" {
			continue
		}
		if isMetaLine(l.text) && len(candidates) > 0 {
			break
		}
		candidates = append(candidates, i)
		if len(candidates) == 6 {
			break
		}
	}
	if len(candidates) == 0 {
		return kindErrorf(ErrEmpty, p.a.Source, 0, "the article has no text besides page furniture")
	}
	title := -1
	for _, i := range candidates {
		if len(subjectsFromTitle(titlePart(p.lines[i].text))) >= 2 && utf8.RuneCountInString(p.lines[i].text) <= 2*MaxTitleChars {
			title = i
			break
		}
	}
	if title < 0 {
		for _, i := range candidates {
			if next := p.nextKept(i + 1); next >= 0 && isMetaLine(p.lines[next].text) {
				title = i
				break
			}
		}
	}
	if title < 0 {
		title = candidates[0]
	}
	first := p.lines[title]
	if isMetaLine(first.text) {
		return errorf(p.a.Source, first.num, "no title line: the first line must be the article's title, not %q", shorten(first.text, 40))
	}
	for i := 0; i < title; i++ {
		if p.lines[i].text != "" && p.drop[i] == "" {
			p.drop[i] = "a line before the title"
		}
	}
	p.titleIdx = title
	p.a.Title, p.a.Subtitle = splitTitle(first.text)
	p.subjects = subjectsFromTitle(p.a.Title)
	if n := len(p.subjects); n > MaxSubjects {
		return kindErrorf(ErrTooLarge, p.a.Source, first.num, "the title names %d subjects; at most %d can be compared", n, MaxSubjects)
	}
	return nil
}

// nextKept returns the index of the first non-blank line at or after i
// that is not furniture, or -1.
func (p *textParser) nextKept(i int) int {
	for ; i < len(p.lines); i++ {
		if p.lines[i].text != "" && p.drop[i] == "" {
			return i
		}
	}
	return -1
}

// isMetaLine reports a date or byline line.
func isMetaLine(s string) bool {
	if utf8.RuneCountInString(s) > 100 {
		return false
	}
	if m := dateLabelPattern.FindStringSubmatch(s); m != nil && looksLikeDateText(m[1]) {
		return true
	}
	return looksLikeDate(s) || isByline(s)
}

// looksLikeDateText reports text that starts like a date: a digit, a
// month or a weekday.
func looksLikeDateText(s string) bool {
	f := strings.Fields(strings.ToLower(s))
	if len(f) == 0 {
		return false
	}
	w := strings.Trim(f[0], ",.")
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsDigit(r) || isMonth(w) || weekdayNames[w]
}

// isByline reports "By Name", "Written by Name" and "By Name | Updated …".
func isByline(s string) bool {
	m := bylinePattern.FindStringSubmatch(s)
	if m == nil || utf8.RuneCountInString(s) >= 100 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(m[1])
	return unicode.IsUpper(r)
}

// titlePart is the title without its subtitle.
func titlePart(s string) string { t, _ := splitTitle(s); return t }

// splitTitle splits "Title: Subtitle" at the first ": ".
func splitTitle(s string) (title, subtitle string) {
	if i := strings.Index(s, ": "); i > 0 {
		return strings.TrimSpace(s[:i]), strings.TrimSpace(s[i+2:])
	}
	return s, ""
}

// subjectsFromTitle returns the subjects a title names: "A vs. B [vs. C]",
// "A versus B", "Difference between A and B", "A or B".
func subjectsFromTitle(title string) []string {
	parts := vsPattern.Split(title, -1)
	if len(parts) < 2 {
		if m := differencePattern.FindStringSubmatch(title); m != nil {
			parts = []string{m[1], m[2]}
		} else if or := orPattern.Split(title, -1); len(or) == 2 {
			parts = or
		} else {
			return nil
		}
	}
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
		if parts[i] == "" {
			return nil
		}
	}
	return parts
}

// readMeta reads the date and byline lines under the title, skipping
// furniture among them. Of several dates (published and modified) the
// newest is the article's.
func (p *textParser) readMeta() {
	i := p.titleIdx + 1
	for ; i < len(p.lines); i++ {
		l := p.lines[i]
		if l.text == "" || p.drop[i] != "" {
			continue
		}
		if !isMetaLine(l.text) && !strings.Contains(l.text, " | ") {
			break
		}
		if !p.readMetaLine(l) {
			break
		}
	}
	p.bodyStart = i
}

// readMetaLine reads one meta line, which may hold a byline and a date
// separated by " | " or " · ". It reports false when the line is not meta.
func (p *textParser) readMetaLine(l line) bool {
	pieces := strings.FieldsFunc(l.text, func(r rune) bool { return r == '|' || r == '·' })
	for _, piece := range pieces {
		if !isMetaLine(strings.TrimSpace(piece)) {
			return false
		}
	}
	for _, piece := range pieces {
		piece = strings.TrimSpace(piece)
		if m := dateLabelPattern.FindStringSubmatch(piece); m != nil && looksLikeDateText(m[1]) {
			p.takeDate(l.num, m[1])
			continue
		}
		if looksLikeDate(piece) {
			p.takeDate(l.num, piece)
			continue
		}
		if m := bylinePattern.FindStringSubmatch(piece); m != nil && p.a.Author == "" {
			p.a.Author = strings.TrimSpace(m[1])
		}
	}
	return true
}

// takeDate reads a date and keeps the newest one read so far.
func (p *textParser) takeDate(num int, text string) {
	r, ok := readDate(text, p.opts.DateOrder)
	if !ok {
		p.a.warn(num, "cannot read the date %q; write it like \"Apr 21, 2025\" or \"2025-04-21\"", strings.TrimSpace(text))
		return
	}
	if r.ambiguous {
		order := "month first"
		if p.opts.DateOrder == "dmy" {
			order = "day first"
		}
		p.a.warn(num, "the date %q could be %s or %s; read %s (%s; set --date-order to change)",
			strings.TrimSpace(text), humanDate(r.date), humanDate(r.other), humanDate(r.date), order)
	}
	if r.date.After(p.a.Updated) {
		p.a.Updated = r.date
	}
}

func humanDate(t time.Time) string { return t.Format("2 January 2006") }

// reportDropped warns once for each dropped line, naming it.
func (p *textParser) reportDropped() {
	for i, why := range p.drop {
		if why == "" || p.lines[i].text == "" || isSilentFurniture(p.lines[i].text, p.lines[p.titleIdx].text) {
			continue
		}
		p.a.warn(p.lines[i].num, "dropped page furniture (%s): %q", why, shorten(p.lines[i].text, 80))
	}
}
