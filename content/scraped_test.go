package content

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// scrapedScore is what TestScrapedCorpus counts over the corpus.
type scrapedScore struct {
	articles, rows, exact, silentlyWrong, warnedRight, warnedWrong int
	leaked, headingArticles, headingsExact, metaDiffs              int
}

// TestScrapedCorpus loads every scraped article of testdata/scraped and
// holds it to its expectation. The table contract is "exact, or warned": a
// row split wrongly without an "ambiguous table row" warning on its line is
// the worst outcome, because a wrong cell nobody was told about reaches
// three outputs. Page furniture must never reach any text of the article.
func TestScrapedCorpus(t *testing.T) {
	files := corpusFiles(t, "scraped", ".txt")
	var sc scrapedScore
	for _, f := range files {
		sc.articles++
		e := readExpectation(t, f)
		a, err := Load(f)
		if e.Error != nil {
			if err == nil || !strings.Contains(err.Error(), *e.Error) {
				t.Errorf("%s: error %v, want one containing %q", f, err, *e.Error)
			}
			continue
		}
		if err != nil {
			t.Errorf("%v", err)
			continue
		}
		checkScrapedRows(t, f, a, e, &sc)
		checkRowInvariant(t, f, a)
		for _, line := range e.Furniture {
			if where := findFurniture(a, line); where != "" {
				sc.leaked++
				t.Errorf("%s: furniture line %q leaked into %s", f, line, where)
			}
		}
		if e.Headings != nil {
			sc.headingArticles++
			if got := allHeadings(a); reflect.DeepEqual(got, e.Headings) {
				sc.headingsExact++
			} else {
				t.Errorf("%s: headings\n got  %s\n want %s", f, quoteAll(got), quoteAll(e.Headings))
			}
		}
		meta := e
		meta.Table, meta.Furniture, meta.Headings = nil, nil, nil
		if diffs := checkExpectation(a, meta); len(diffs) > 0 {
			sc.metaDiffs += len(diffs)
			t.Errorf("%s:\n  %s", f, strings.Join(diffs, "\n  "))
		}
		if e.Table != nil {
			if e.Table.Label != nil && *e.Table.Label != a.Table.Label {
				sc.metaDiffs++
				t.Errorf("%s: table label %q, want %q", f, a.Table.Label, *e.Table.Label)
			}
			if !reflect.DeepEqual(e.Table.Subjects, a.Table.Subjects) {
				sc.metaDiffs++
				t.Errorf("%s: subjects %s, want %s", f, quoteAll(a.Table.Subjects), quoteAll(e.Table.Subjects))
			}
		}
	}
	pct := 0.0
	if sc.rows > 0 {
		pct = 100 * float64(sc.exact) / float64(sc.rows)
	}
	t.Logf("testdata/scraped: %d articles", sc.articles)
	t.Logf("rows: %d, exact %d (%.1f %%), silently wrong %d, wrong but warned %d, warnings on right rows %d",
		sc.rows, sc.exact, pct, sc.silentlyWrong, sc.warnedWrong, sc.warnedRight)
	t.Logf("furniture lines leaked: %d; headings exact in %d of %d articles; metadata differences: %d",
		sc.leaked, sc.headingsExact, sc.headingArticles, sc.metaDiffs)
	if sc.silentlyWrong > 0 {
		t.Errorf("%d rows are wrong without a warning; the contract is exact or warned", sc.silentlyWrong)
	}
	if pct < 95 {
		t.Errorf("%.1f %% of rows exact, want at least 95 %%", pct)
	}
}

// checkScrapedRows compares the table row by row and counts the outcomes.
func checkScrapedRows(t *testing.T, f string, a *Article, e expectation, sc *scrapedScore) {
	t.Helper()
	if e.Table == nil {
		return
	}
	if len(e.Table.Rows) != len(a.Table.Rows) {
		t.Errorf("%s: %d rows, want %d", f, len(a.Table.Rows), len(e.Table.Rows))
	}
	warned := map[int]bool{}
	for _, w := range a.Warnings {
		if strings.Contains(w.Msg, "ambiguous table row") {
			warned[w.Line] = true
		}
	}
	for i, w := range e.Table.Rows {
		sc.rows++
		if i >= len(a.Table.Rows) {
			sc.silentlyWrong++
			continue
		}
		g := a.Table.Rows[i]
		right := w.Aspect == g.Aspect && reflect.DeepEqual(w.Cells, g.Cells)
		switch {
		case right && warned[g.Line]:
			sc.exact++
			sc.warnedRight++
		case right:
			sc.exact++
		case warned[g.Line]:
			sc.warnedWrong++
			t.Logf("%s:%d: wrong but warned:\n got  %s\n want %s", f, g.Line,
				quoteAll(append([]string{g.Aspect}, g.Cells...)), quoteAll(append([]string{w.Aspect}, w.Cells...)))
		default:
			sc.silentlyWrong++
			t.Errorf("%s:%d: silently wrong:\n got  %s\n want %s", f, g.Line,
				quoteAll(append([]string{g.Aspect}, g.Cells...)), quoteAll(append([]string{w.Aspect}, w.Cells...)))
		}
	}
}

// checkRowInvariant checks that no word of a row is lost, moved or
// invented: the parts joined by single spaces give the source line back
// (without its serial number in an index-numbered table), and a row with
// separators splits at exactly its separators.
func checkRowInvariant(t *testing.T, f string, a *Article) {
	t.Helper()
	data, err := os.ReadFile(f)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n")
	for _, r := range a.Table.Rows {
		src := strings.TrimSpace(lines[r.Line-1])
		parts := append([]string{r.Aspect}, r.Cells...)
		if r.Aspect == "" {
			parts = r.Cells
		}
		if sep, ok := splitSeparated(src); ok {
			if r.Aspect == "" && len(sep) > 0 {
				sep = sep[1:]
			}
			if !reflect.DeepEqual(sep, parts) {
				t.Errorf("%s:%d: separated row split as %s", f, r.Line, quoteAll(parts))
			}
			continue
		}
		if r.Aspect == "" {
			if _, rest, ok := strings.Cut(src, " "); ok {
				src = rest
			}
		}
		if got := strings.Join(parts, " "); got != src {
			t.Errorf("%s:%d: parts join to\n %q\nwant\n %q", f, r.Line, got, src)
		}
	}
}

// allHeadings lists the article's headings as a reader sees them: every
// section and sub-section, with the related-terms heading in its place.
func allHeadings(a *Article) []string {
	var out []string
	termsLine := -1
	if a.TermsHeading != "" {
		termsLine = 1 << 30
		if len(a.Terms) > 0 {
			termsLine = a.Terms[0].Line
		}
	}
	for _, s := range a.Sections {
		if termsLine >= 0 && s.Line > termsLine {
			out = append(out, a.TermsHeading)
			termsLine = -1
		}
		out = append(out, s.Heading)
	}
	if termsLine >= 0 {
		out = append(out, a.TermsHeading)
	}
	return out
}

// findFurniture reports where a furniture line stands in the article's
// text, or "". It counts as leaked when a text is the line, starts or ends
// with it (a line joined to a paragraph), or, for a line of three words or
// more, holds it anywhere.
func findFurniture(a *Article, line string) string {
	line = strings.TrimSpace(line)
	long := len(strings.Fields(line)) >= 3
	hit := func(text string) bool {
		for _, t := range strings.Split(text, "\n") {
			t = strings.TrimSpace(t)
			if t == line || strings.HasPrefix(t, line+" ") || strings.HasSuffix(t, " "+line) || (long && strings.Contains(t, line)) {
				return true
			}
		}
		return false
	}
	found := ""
	visitTexts(a, func(where, text string) {
		if found == "" && hit(text) {
			found = where
		}
	})
	return found
}

// visitTexts calls fn with every text of the article and where it stands.
func visitTexts(a *Article, fn func(where, text string)) {
	fn("the title", a.Title)
	fn("the subtitle", a.Subtitle)
	fn("the author", a.Author)
	fn("the table caption", a.Table.Caption)
	fn("the figure", a.Figure)
	fn("the terms heading", a.TermsHeading)
	for _, s := range a.Table.Subjects {
		fn("the table header", s)
	}
	for _, r := range a.Table.Rows {
		fn("a table row", r.Aspect)
		for _, c := range r.Cells {
			fn("a table row", c)
		}
	}
	paragraphs := func(where string, ps []Paragraph) {
		for _, p := range ps {
			visitParagraph(where, p, fn)
		}
	}
	paragraphs("the lead", a.Lead)
	for _, s := range a.Sections {
		fn("a heading", s.Heading)
		paragraphs("section "+quote(s.Heading), s.Paragraphs)
	}
	for _, term := range a.Terms {
		fn("a term", term.Name)
		paragraphs("term "+quote(term.Name), term.Definition)
	}
	paragraphs("the disclaimer", a.Disclaimer)
}

func visitParagraph(where string, p Paragraph, fn func(where, text string)) {
	if p.List == nil {
		fn(where, p.Text())
		return
	}
	for _, item := range p.List.Items {
		for _, b := range item.Blocks {
			visitParagraph(where+" (a list item)", b, fn)
		}
	}
}

// TestScrapedCorpusFiles keeps the corpus honest about itself: every
// article has an expectation.
func TestScrapedCorpusFiles(t *testing.T) {
	files, _ := filepath.Glob("../testdata/scraped/*.txt")
	if len(files) < 30 {
		t.Fatalf("testdata/scraped has %d articles, want at least 30", len(files))
	}
	for _, f := range files {
		if _, err := os.Stat(expectPath(f)); err != nil {
			t.Errorf("%s has no expectation", f)
		}
	}
}
