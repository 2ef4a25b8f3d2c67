package pdf

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/triptych/triptych/content"
	"github.com/triptych/triptych/internal/painttest"
	"github.com/triptych/triptych/internal/readers"
	"github.com/triptych/triptych/internal/testkit"
	"github.com/triptych/triptych/layout"
	"github.com/triptych/triptych/render"
)

func seed(t testing.TB) *content.Article { return testkit.Seed(t) }

func renderPDF(t testing.TB, a *content.Article, opts render.Options) []byte {
	t.Helper()
	res, err := painttest.PaintErr(Renderer{}, a, opts)
	if err != nil {
		t.Fatal(err)
	}
	return res.Files[0].Data
}

func TestPDFPassesRealReaders(t *testing.T) {
	a := seed(t)
	for _, c := range []struct{ paper, size string }{{"a4", "595.28 x 841.89 pts (A4)"}, {"letter", "612 x 792 pts (letter)"}} {
		path := readers.WriteTemp(t, "seed.pdf", renderPDF(t, a, render.Options{Paper: c.paper, Version: "1.2.3"}))
		readers.Run(t, "qpdf", "--check", path)
		info := readers.Run(t, "pdfinfo", path)
		for _, want := range []string{"Page size:       " + c.size, "Title:           Software Engineer vs. Platform SRE",
			"Author:          Author", "Creator:         triptych 1.2.3", "Subject:         Which Role Is Best",
			"CreationDate:    Mon Apr 21 00:00:00 2025 UTC"} {
			if !strings.Contains(info, want) {
				t.Errorf("%s: pdfinfo lacks %q:\n%s", c.paper, want, info)
			}
		}
		fonts := readers.Run(t, "pdffonts", path)
		lines := strings.Split(strings.TrimSpace(fonts), "\n")[2:]
		if len(lines) == 0 {
			t.Fatal("pdffonts lists no font")
		}
		for _, l := range lines {
			if f := strings.Fields(l); len(f) < 5 || f[len(f)-5] != "yes" {
				t.Errorf("font not embedded: %s", l)
			}
			// Named and tagged as a subset: "ABCDEF+LiberationSerif".
			if f := strings.Fields(l); len(f) < 5 || !subsetName.MatchString(f[0]) || f[len(f)-4] != "yes" {
				t.Errorf("font not named as a subset: %s", l)
			}
		}
	}
}

// words splits extracted text into words, joining a word broken at a
// line-end hyphen with the first word of the next line.
func words(s string) []string {
	var out []string
	carry := ""
	lines := strings.Split(s, "\n")
	// The running header and the page number stand between a page's last
	// line and the next page's first: leave them out so that a word
	// hyphenated across the page break joins up.
	before := map[string]int{}
	for i, l := range lines {
		if i > 0 && pageNumber.MatchString(l) {
			before[lines[i-1]]++
		}
	}
	header := ""
	for l, n := range before {
		if n >= 2 {
			header = l
		}
	}
	for _, line := range lines {
		if pageNumber.MatchString(line) || header != "" && line == header {
			continue
		}
		fields := strings.Fields(line)
		if carry != "" && len(fields) > 0 {
			fields[0] = carry + fields[0]
			carry = ""
		}
		if n := len(fields); n > 0 && strings.HasSuffix(fields[n-1], "-") && len(fields[n-1]) > 1 {
			carry = fields[n-1]
			fields = fields[:n-1]
		}
		out = append(out, fields...)
	}
	if carry != "" {
		out = append(out, carry)
	}
	return out
}

var subsetName = regexp.MustCompile(`^[A-Z]{6}\+Liberation(Sans|Serif)(-[A-Za-z]+)?$`)

var pageNumber = regexp.MustCompile(`^Page \d+ of \d+$`)

// sameWord compares a word of the PDF with the article's: the handout sets
// straight quotes curly, and a word hyphenated at a line end comes back
// from pdftotext with its hyphen.
func sameWord(pdf, source string) bool {
	fold := strings.NewReplacer("“", "\"", "”", "\"", "‘", "'", "’", "'")
	pdf, source = fold.Replace(pdf), fold.Replace(source)
	return pdf == source || strings.ReplaceAll(pdf, "-", "") == strings.ReplaceAll(source, "-", "")
}

// sourceWords lists the words of the article in reading order.
func sourceWords(a *content.Article) []string {
	var parts []string
	add := func(s ...string) { parts = append(parts, s...) }
	add(a.Title, a.Subtitle)
	for _, p := range a.Lead {
		add(p.Text())
	}
	add(a.Table.Caption, a.Table.Label)
	add(a.Table.Subjects...)
	for _, r := range a.Table.Rows {
		add(r.Aspect)
		add(r.Cells...)
	}
	for _, s := range a.Sections {
		add(s.Heading)
		for _, p := range s.Paragraphs {
			add(p.Text())
		}
	}
	add(a.TermsHeading)
	for _, t := range a.Terms {
		add(t.Name, content.ParagraphsText(t.Definition))
	}
	// The figure floats (after the table or at the top of a later page), so
	// its caption is checked apart from the reading order.
	add(content.ParagraphsText(a.Disclaimer))
	return strings.Fields(strings.Join(parts, " "))
}

// TestPDFTextHasEveryWordInOrder extracts the text with pdftotext and checks
// that every word of the article appears, in reading order.
func TestPDFTextHasEveryWordInOrder(t *testing.T) {
	a := seed(t)
	path := readers.WriteTemp(t, "seed.pdf", renderPDF(t, a, render.Options{}))
	got := words(readers.Run(t, "pdftotext", "-raw", "-enc", "UTF-8", path, "-"))
	want := sourceWords(a)
	i := 0
	for _, w := range got {
		if i < len(want) && sameWord(w, want[i]) {
			i++
		}
	}
	if i < len(want) {
		t.Errorf("pdftotext lost the article's word %d %q (context %q)", i, want[i], strings.Join(want[max(0, i-5):min(len(want), i+5)], " "))
	}
	if text := strings.Join(got, " "); !strings.Contains(text, "Figure 1. "+a.Figure) {
		t.Errorf("the figure's caption %q is missing", "Figure 1. "+a.Figure)
	}
}

func TestPDFIsDeterministic(t *testing.T) {
	a := seed(t)
	one, two := renderPDF(t, a, render.Options{}), renderPDF(t, a, render.Options{})
	if !bytes.Equal(one, two) {
		t.Error("two renders differ")
	}
}

func TestPDFBookmarks(t *testing.T) {
	a := seed(t)
	path := readers.WriteTemp(t, "seed.pdf", renderPDF(t, a, render.Options{}))
	out := readers.Run(t, "qpdf", "--json=2", "--json-key=outlines", path)
	var doc struct {
		Outlines []struct {
			Title string `json:"title"`
			Kids  []struct {
				Title string `json:"title"`
			} `json:"kids"`
		} `json:"outlines"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Outlines) != 1 || doc.Outlines[0].Title != a.Title {
		t.Fatalf("outline roots: %+v", doc.Outlines)
	}
	kids := doc.Outlines[0].Kids
	if want := 1 + len(a.Sections) + 1; len(kids) != want {
		t.Errorf("%d bookmarks under the title, want %d (table, sections, terms)", len(kids), want)
	}
	if kids[0].Title != "Table of Comparison" || kids[len(kids)-1].Title != "Related Important Terms" {
		t.Errorf("bookmarks: first %q, last %q", kids[0].Title, kids[len(kids)-1].Title)
	}
}

func TestPDFHostileText(t *testing.T) {
	src := "---\ntitle: Deploy 🚀 漢字 — “q” vs Тест\nauthor: \"=cmd|' /C calc'!A0\"\nsource_url: javascript:alert(1)\n---\n\nCafé \u0301 [x](file:///etc/passwd) [y](https://ok.example)\n\n| Aspect | A 🚀 | B |\n|---|---|---|\n| Goal | " + strings.Repeat("w", 300) + " | ok |\n"
	a, err := content.Parse("hostile.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	res, err := painttest.PaintErr(Renderer{}, a, render.Options{})
	if err != nil {
		t.Fatal(err)
	}
	data := res.Files[0].Data
	if bytes.Contains(data, []byte("/URI (file:")) || bytes.Contains(data, []byte("javascript")) {
		t.Error("a non-http link became clickable")
	}
	if !bytes.Contains(data, []byte("/URI (https://ok.example)")) {
		t.Error("the https link is not clickable")
	}
	if len(res.Warnings) == 0 || !strings.Contains(fmt.Sprint(res.Warnings), "U+1F680") {
		t.Errorf("no missing-glyph warning: %v", res.Warnings)
	}
	path := readers.WriteTemp(t, "h.pdf", data)
	readers.Run(t, "qpdf", "--check", path)
}

// TestPaintsEveryBoxKind runs the painter over every kind of box.
func TestPaintsEveryBoxKind(t *testing.T) {
	doc := &layout.Document{Width: 200, Height: 200, Pages: []layout.Page{{Boxes: []layout.Box{
		&layout.Fill{Rect: layout.Rect{X: 1, Y: 1, W: 50, H: 50}, Radius: 4},
		&layout.Fill{Rect: layout.Rect{X: 1, Y: 60, W: 50, H: 50}},
		&layout.Text{X: 5, Baseline: 20, Size: 12, Text: "Hi", Link: "https://example.com"},
		&layout.Rule{X1: 0, Y1: 60, X2: 90, Y2: 60, Width: 1},
		&layout.Circle{CX: 70, CY: 70, R: 10},
		&layout.Path{Ops: []layout.PathOp{{Kind: 'M', Pts: []float64{1, 1}}, {Kind: 'L', Pts: []float64{9, 9}}, {Kind: 'C', Pts: []float64{1, 2, 3, 4, 5, 6}}, {Kind: 'Z'}}, Stroke: 1, Fill: true},
	}}}}
	var buf bytes.Buffer
	if err := Paint(&buf, doc, Metadata{Title: "t"}); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(buf.Bytes(), []byte("%PDF-")) {
		t.Error("not a PDF")
	}
}

func BenchmarkPDF(b *testing.B) {
	a := seed(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := painttest.PaintErr(Renderer{}, a, render.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// TestEveryBoxKindHasACase: the painter paints every kind of box the
// layout makes (a kind without a case is an error).
func TestEveryBoxKindHasACase(t *testing.T) {
	doc := &layout.Document{Width: 100, Height: 100, Pages: []layout.Page{{Boxes: layout.SampleBoxes()}}}
	var buf bytes.Buffer
	if err := Paint(&buf, doc, Metadata{Title: "t"}); err != nil {
		t.Error(err)
	}
}

// BenchmarkPDFPaint paints a laid-out handout (no layout).
func BenchmarkPDFPaint(b *testing.B) {
	lr, err := layout.Layout(seed(b), render.LayoutOptions([]render.Renderer{Renderer{}}, render.Options{}))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := (Renderer{}).Render(lr, render.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// The tagged text keeps the spaces between words and lines: justified
// words are placed one by one, and a screen reader must not read
// "SoftwareEngineersprimarily".
func TestTaggedTextHasWordSpaces(t *testing.T) {
	readers.Need(t, "pdfinfo")
	a := seed(t)
	path := readers.WriteTemp(t, "seed.pdf", renderPDF(t, a, render.Options{}))
	text := readers.Run(t, "pdfinfo", "-struct-text", path)
	for _, want := range []string{`"Software Engineer vs. Platform SRE"`, "Software Engineers primarily focus on designing"} {
		if !strings.Contains(text, want) {
			t.Errorf("the tagged text lacks %q", want)
		}
	}
}

// Characters the embedded fonts lack are drawn as "□", but the text layer
// keeps what the author wrote (an /ActualText span), so that search, copy
// and screen readers get "咖啡", not "□□".
func TestTextLayerKeepsCharactersTheFontsLack(t *testing.T) {
	a := seed(t)
	a.Title = "咖啡 vs. 茶"
	a.Table.Subjects = []string{"咖啡", "茶"}
	path := readers.WriteTemp(t, "cjk.pdf", renderPDF(t, a, render.Options{}))
	text := readers.Run(t, "pdftotext", "-enc", "UTF-8", path, "-")
	if !strings.Contains(text, "咖啡") || !strings.Contains(text, "茶") {
		t.Errorf("the text layer lost the characters:\n%.400s", text)
	}
}

// A word broken across lines by an inserted hyphen is drawn "hyphen-" /
// "ation" but the text layer says "hyphenation" once, whole: the first
// part carries the word as /ActualText, the second an empty one, so that
// pdftotext, search and screen readers read the word unbroken.
func TestTextLayerJoinsHyphenatedWords(t *testing.T) {
	a := testkit.Load(t, "testdata/long/long-comparison.md")
	res, err := layout.Layout(a, layout.Options{Parts: layout.Parts{Handout: true}})
	if err != nil {
		t.Fatal(err)
	}
	var words, halves []string
	for _, p := range res.Handout.Pages {
		for _, b := range p.Boxes {
			if tx, ok := b.(*layout.Text); ok && tx.Actual != "" && strings.HasSuffix(tx.Text, "-") {
				words = append(words, strings.TrimRightFunc(tx.Actual, func(r rune) bool { return !unicode.IsLetter(r) }))
				halves = append(halves, tx.Text)
			}
		}
	}
	if len(words) < 3 {
		t.Fatalf("only %d hyphenated words: the test checks too little", len(words))
	}
	var buf bytes.Buffer
	if err := Paint(&buf, res.Handout, Info(res.Meta)); err != nil {
		t.Fatal(err)
	}
	// -raw: pdftotext would otherwise join "hyphen-" and "ation" itself
	// at a line's end, hiding what the text layer says.
	text := readers.Run(t, "pdftotext", "-raw", "-enc", "UTF-8", readers.WriteTemp(t, "hyphens.pdf", buf.Bytes()), "-")
	for _, w := range words {
		if !strings.Contains(text, w) {
			t.Errorf("pdftotext does not read %q whole", w)
		}
	}
	for _, line := range strings.Split(text, "\n") {
		f := strings.Fields(line)
		for _, h := range halves {
			if len(f) > 0 && f[len(f)-1] == h {
				t.Errorf("a line of the text layer ends in the broken %q: %q", h, line)
			}
		}
	}
	t.Logf("%d hyphenated words read whole", len(words))
}
