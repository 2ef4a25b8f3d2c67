package content

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// This file finds and reads the comparison table of a scraped article: a
// header line naming the first column ("Aspect", "Feature", "Basis of
// Comparison", or "S.No." for a table whose first column only numbers the
// rows) and the subjects, then one line per row until a blank line. Rows
// may keep their column separators (tabs, two or more spaces, pipes as
// HTML-to-text converters write them) or have lost them; the latter are
// split by rowsplit.go.

var (
	separatorPattern = lazyCompile(`\t+| {2,}| \| `)
	ruleLinePattern  = lazyCompile(`^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)+\|?$`)
	serialPattern    = lazyCompile(`^\d{1,3}[.)]?$`)
)

// aspectLabels are the usual headers of a comparison's first column.
var aspectLabels = setOf("aspect", "aspects", "feature", "features", "criteria", "criterion", "category",
	"categories", "factor", "factors", "attribute", "attributes", "dimension", "dimensions", "parameter",
	"parameters", "comparison", "basis", "point", "points", "spec", "specs", "specification",
	"specifications", "metric", "metrics", "item", "items", "characteristic", "characteristics", "property",
	"properties", "area", "topic", "difference", "differences", "key differences", "basis of comparison",
	"bases of comparison", "point of difference", "points of difference", "point of comparison",
	"points of comparison", "comparison point", "comparison points", "comparison basis", "parameter of comparison",
	"parameters of comparison", "key feature", "key features", "detail", "details", "category name")

// indexLabels head a first column that only numbers the rows.
var indexLabels = setOf("#", "s.no.", "s.no", "s. no.", "s no", "sno", "sr. no.", "sr.no.", "sr no", "sl. no.",
	"sl.no.", "no.", "no", "s/n", "serial no.", "serial number", "serial", "index")

func isAspectLabel(s string) bool {
	return aspectLabels[strings.ToLower(strings.TrimRight(s, ":"))]
}

func isIndexLabel(s string) bool { return indexLabels[strings.ToLower(strings.TrimSpace(s))] }

// tableHeader is a recognised header line.
type tableHeader struct {
	label    string
	subjects []string
	index    bool // the first column numbers the rows
}

// findHeader finds the table's header line after the title and meta.
func (p *textParser) findHeader() (int, error) {
	for i := p.bodyStart; i < len(p.lines); i++ {
		if p.lines[i].text == "" || p.drop[i] != "" {
			continue
		}
		if _, ok := p.matchHeader(i); ok {
			return i, nil
		}
	}
	return -1, p.noTableError()
}

// noTableError says where the table was expected (after the opening
// paragraphs), what stands there, and whether a title was found.
func (p *textParser) noTableError() error {
	at, found := -1, "the end of the article"
	seenParagraph := false
	for i := p.bodyStart; i < len(p.lines); i++ {
		t := p.lines[i].text
		if t == "" || p.drop[i] != "" {
			continue
		}
		if at < 0 {
			at = i
		}
		if isListLine(t) {
			at, found = i, "a list item "+quoted(shorten(t, 50))
			break
		}
		if isHeadingShape(t) && seenParagraph {
			at, found = i, "the heading "+quoted(shorten(t, 50))
			break
		}
		seenParagraph = seenParagraph || !isHeadingShape(t)
		at = i
	}
	num := len(p.lines)
	if at >= 0 {
		num = p.lines[at].num
		if found == "the end of the article" {
			found = "no table before the end of the article"
		}
	}
	titleNote := "the title " + quoted(p.a.Title) + " was found"
	if len(p.subjects) < 2 {
		titleNote += ", but it names no subjects (write it as \"A vs. B\")"
	}
	if p.titleIdx < 0 {
		titleNote = "no title was found either"
	}
	return kindErrorf(ErrNoTable, p.a.Source, num,
		"no comparison table: expected its header line (like \"Aspect %s\") after the opening paragraphs, found %s; %s",
		headerExample(p.subjects), found, titleNote)
}

func headerExample(subjects []string) string {
	if len(subjects) < 2 {
		return "Subject A  Subject B"
	}
	return strings.Join(subjects, " ")
}

// matchHeader recognises a table header at line i: a label and the
// subjects, separated or run together, followed by a row.
func (p *textParser) matchHeader(i int) (tableHeader, bool) {
	text := p.lines[i].text
	if i+1 >= len(p.lines) || p.lines[i+1].text == "" {
		return tableHeader{}, false
	}
	next := p.lines[i+1].text
	if parts, sep := splitSeparated(text); sep {
		if len(parts) < 3 {
			return tableHeader{}, false
		}
		nextParts, nextSep := splitSeparated(next)
		if isAspectLabel(parts[0]) || isIndexLabel(parts[0]) || sameSubjects(parts[1:], p.subjects) ||
			ruleLinePattern.MatchString(next) || (nextSep && len(nextParts) == len(parts)) {
			return tableHeader{label: parts[0], subjects: parts[1:], index: isIndexLabel(parts[0])}, true
		}
		return tableHeader{}, false
	}
	words := strings.Fields(text)
	if len(words) < 3 || len(words) > 24 || endsSentence(text) {
		return tableHeader{}, false
	}
	if n := len(p.subjects); n >= 2 {
		joined := strings.Join(p.subjects, " ")
		if len(text) > len(joined)+1 && strings.EqualFold(text[len(text)-len(joined):], joined) && text[len(text)-len(joined)-1] == ' ' {
			label := strings.TrimSpace(text[:len(text)-len(joined)-1])
			if k := len(strings.Fields(label)); k >= 1 && k <= 4 && isHeadingShape(label) {
				return tableHeader{label: label, subjects: splitLike(text[len(text)-len(joined):], p.subjects), index: isIndexLabel(label)}, true
			}
		}
	}
	// A known label, then the subjects as the header spells them, grouped
	// to match the title's subjects ("Engineers" for "Engineer").
	for k := min(4, len(words)-2); k >= 1; k-- {
		label := strings.Join(words[:k], " ")
		if !isAspectLabel(label) && !isIndexLabel(label) {
			continue
		}
		if len(p.subjects) < 2 || len(words)-k < len(p.subjects) {
			return tableHeader{}, false
		}
		return tableHeader{label: label, subjects: groupLike(words[k:], p.subjects), index: isIndexLabel(label)}, true
	}
	return tableHeader{}, false
}

// endsSentence reports text ending with a full stop, a comma, a colon or a
// semicolon, as a table header never does.
func endsSentence(s string) bool {
	last, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(".,;:!", last)
}

// readTable reads the header at line h and the rows under it, and returns
// the index of the first line after the table.
func (p *textParser) readTable(h int) (int, error) {
	hdr, _ := p.matchHeader(h)
	t := &p.a.Table
	t.Label, t.Subjects, t.Line = hdr.label, hdr.subjects, p.lines[h].num
	if n := len(hdr.subjects); n > MaxSubjects {
		return 0, kindErrorf(ErrTooLarge, p.a.Source, p.lines[h].num, "the table header names %d subjects; at most %d can be compared", n, MaxSubjects)
	}
	if len(p.subjects) >= 2 && !sameSubjects(hdr.subjects, p.subjects) {
		p.a.warn(p.lines[h].num, "the table header names %s but the title names %s; the header's names are used",
			quoteList(hdr.subjects), quoteList(p.subjects))
	}
	if c := p.captionBefore(h); c >= 0 {
		t.Caption = p.lines[c].text
	}
	var unseparated []int
	i := h + 1
	for ; i < len(p.lines) && p.lines[i].text != ""; i++ {
		l := p.lines[i]
		if ruleLinePattern.MatchString(l.text) {
			continue
		}
		row := Row{Line: l.num}
		if parts, ok := splitSeparated(l.text); ok {
			if hdr.index && len(parts) == len(hdr.subjects)+1 && serialPattern.MatchString(parts[0]) {
				parts[0] = ""
			} else if hdr.index {
				parts = append([]string{""}, parts...)
			}
			if len(parts)-1 != len(hdr.subjects) {
				return 0, errorf(p.a.Source, l.num, "table row has %s, expected %d", plural(len(parts)-1, "cell"), len(hdr.subjects))
			}
			row.Aspect, row.Cells = parts[0], parts[1:]
		} else {
			row.Aspect = l.text
			unseparated = append(unseparated, len(t.Rows))
		}
		t.Rows = append(t.Rows, row)
	}
	// Checked before any row is split, so that splitting stays bounded.
	if len(t.Rows) > MaxRows {
		return 0, kindErrorf(ErrTooLarge, p.a.Source, t.Rows[MaxRows].Line, "table has %d rows, more than the limit of %d", len(t.Rows), MaxRows)
	}
	if len(unseparated) > MaxGuessedRows {
		return 0, kindErrorf(ErrTooLarge, p.a.Source, t.Rows[unseparated[MaxGuessedRows]].Line,
			"table has %d rows whose columns lost their separators, more than the limit of %d: separate the columns with tabs or \" | \", or convert the article to Markdown",
			len(unseparated), MaxGuessedRows)
	}
	return i, p.recoverColumns(unseparated, hdr.index)
}

// captionBefore returns the line that introduces the table: a short
// heading-shaped line standing right before the header, or -1.
func (p *textParser) captionBefore(h int) int {
	for i := h - 1; i > p.bodyStart-1 && i >= 0; i-- {
		if p.lines[i].text == "" || p.drop[i] != "" {
			continue
		}
		if i+1 < h && p.lines[i+1].text != "" && p.drop[i+1] == "" {
			return -1
		}
		if isHeadingShape(p.lines[i].text) && !isListLine(p.lines[i].text) && (i == 0 || p.lines[i-1].text == "" || p.drop[i-1] != "") {
			return i
		}
		return -1
	}
	return -1
}

func quoteList(s []string) string {
	q := make([]string, len(s))
	for i, x := range s {
		q[i] = quoted(x)
	}
	return EnglishList(q)
}

// EnglishList joins items as English prose does: "a", "a and b",
// "a, b and c" (author names, subjects in the alt text, quoted words).
func EnglishList(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}

// splitSeparated splits a row whose columns are separated by tabs, two or
// more spaces, or " | " (with optional outer pipes).
func splitSeparated(text string) ([]string, bool) {
	trimmed := text
	piped := false
	if strings.HasPrefix(trimmed, "|") && strings.HasSuffix(trimmed, "|") && len(trimmed) > 1 {
		trimmed, piped = strings.TrimSpace(trimmed[1:len(trimmed)-1]), true
	}
	if !separatorPattern.MatchString(trimmed) && !(piped && strings.Contains(trimmed, "|")) {
		return nil, false
	}
	var parts []string
	if piped {
		parts = strings.Split(trimmed, "|")
	} else {
		parts = separatorPattern.Split(trimmed, -1)
	}
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	return parts, true
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
// possible to its subject: by the words they share, and by starting with
// the subject's first word ("Term Life Insurance" for "Term" when the
// title says "Term and Whole Life Insurance").
func groupLike(words, subjects []string) []string {
	n := len(subjects)
	best, bestScore := []string(nil), -1.0
	var try func(start, part int, acc []string, score float64)
	try = func(start, part int, acc []string, score float64) {
		if part == n-1 {
			g := strings.Join(words[start:], " ")
			s := score + groupScore(words[start:], subjects[part])
			if s > bestScore {
				best, bestScore = append(append([]string(nil), acc...), g), s
			}
			return
		}
		for end := start + 1; end <= len(words)-(n-1-part); end++ {
			g := strings.Join(words[start:end], " ")
			try(end, part+1, append(acc, g), score+groupScore(words[start:end], subjects[part]))
		}
	}
	if len(words) <= 16 {
		try(0, 0, nil, 0)
	}
	if best == nil {
		best = append(append([]string(nil), words[:n-1]...), strings.Join(words[n-1:], " "))
	}
	return best
}

func groupScore(group []string, subject string) float64 {
	s := similarity(strings.Join(group, " "), subject)
	if f := strings.Fields(subject); len(f) > 0 && wordKey(f[0]) == wordKey(group[0]) {
		s++
	}
	return s
}

func wordKey(w string) string {
	w = strings.ToLower(w)
	if r := []rune(w); len(r) > 4 {
		return string(r[:4])
	}
	return w
}

// similarity is the Dice coefficient of the sets of words of a and b,
// words being equal when they share a four-letter prefix.
func similarity(a, b string) float64 {
	set := func(s string) map[string]bool {
		m := map[string]bool{}
		for _, w := range strings.Fields(s) {
			m[wordKey(w)] = true
		}
		return m
	}
	sa, sb := set(a), set(b)
	common := 0
	for k := range sa {
		if sb[k] {
			common++
		}
	}
	if len(sa)+len(sb) == 0 {
		return 0
	}
	return float64(2*common) / float64(len(sa)+len(sb))
}

// quoted writes s in double quotes, as messages name the writer's text.
func quoted(s string) string { return strconv.Quote(s) }

// Numbered reports a table whose first column only numbers the rows
// ("S.No.", "#"): its rows have no aspect, and are shown numbered.
func (t *Table) Numbered() bool {
	if len(t.Rows) == 0 || !isIndexLabel(t.Label) {
		return false
	}
	for _, r := range t.Rows {
		if r.Aspect != "" {
			return false
		}
	}
	return true
}
