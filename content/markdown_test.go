package content

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// withoutPositions returns a copy of the article without what depends on
// the file it came from: source, lines and warnings, and the alternative
// splits of guessed rows, which a Markdown table has no need of.
func withoutPositions(a *Article) Article {
	c := *a
	c.Source, c.Warnings = "", nil
	c.Takeaways = append([]Takeaway(nil), a.Takeaways...)
	for i := range c.Takeaways {
		c.Takeaways[i].Line = 0
	}
	c.Table.Line = 0
	c.Table.Rows = append([]Row(nil), a.Table.Rows...)
	for i := range c.Table.Rows {
		c.Table.Rows[i].Line, c.Table.Rows[i].Alternatives = 0, nil
	}
	strip := func(ps []Paragraph) []Paragraph {
		out := make([]Paragraph, len(ps))
		for i, p := range ps {
			out[i] = Paragraph{Runs: p.Runs, List: p.List, Table: p.Table}
		}
		return out
	}
	c.Lead, c.Disclaimer = strip(a.Lead), strip(a.Disclaimer)
	c.Sections = make([]Section, len(a.Sections))
	for i, s := range a.Sections {
		c.Sections[i] = Section{Heading: s.Heading, Level: s.Level, Paragraphs: strip(s.Paragraphs)}
	}
	c.Terms = make([]Term, len(a.Terms))
	for i, t := range a.Terms {
		c.Terms[i] = Term{Name: t.Name, Definition: strip(t.Definition)}
	}
	return c
}

// TestConvertRoundTrip: the Markdown written for a .txt article loads as
// an equal article, for the seed and every corpus article.
func TestConvertRoundTrip(t *testing.T) {
	for _, path := range testArticles(t) {
		a := mustLoad(t, path)
		md := MarshalMarkdown(a)
		b, err := Parse(strings.TrimSuffix(filepath.Base(path), ".txt")+".md", md)
		if err != nil {
			t.Fatalf("%s: converted Markdown does not load: %v\n%s", path, err, md)
		}
		if got, want := withoutPositions(b), withoutPositions(a); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: round trip differs:\n got %+v\nwant %+v", path, got, want)
		}
	}
}

func TestShippedMarkdownMatchesText(t *testing.T) {
	txt := mustLoad(t, seedPath)
	md := mustLoad(t, "../examples/software-engineer-vs-platform-sre.md")
	if !reflect.DeepEqual(withoutPositions(md), withoutPositions(txt)) {
		t.Error("examples/*.md no longer matches examples/*.txt: run triptych convert again")
	}
}

func TestMarkdownInlineRuns(t *testing.T) {
	src := "---\ntitle: T\n---\n\nPlain **bold** *italic* `code` [link](https://example.com) a \\* star &amp; R&D.\n\n" +
		"| Aspect | A | B |\n|---|---|---|\n| Goal | x \\| y | z |\n"
	a, err := Parse("t.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	want := []Run{{Text: "Plain "}, {Text: "bold", Style: Bold}, {Text: " "}, {Text: "italic", Style: Italic},
		{Text: " "}, {Text: "code", Style: Code}, {Text: " "}, {Text: "link", Link: "https://example.com"},
		{Text: " a * star & R&D."}}
	if got := a.Lead[0].Runs; !reflect.DeepEqual(got, want) {
		t.Errorf("runs = %+v\nwant   %+v", got, want)
	}
	if c := a.Table.Rows[0].Cells[0]; c != "x | y" {
		t.Errorf("cell = %q", c)
	}
	if a.Lead[0].Line != 5 || a.Table.Rows[0].Line != 9 {
		t.Errorf("lines: lead %d, row %d", a.Lead[0].Line, a.Table.Rows[0].Line)
	}
}

func TestMarkdownStructure(t *testing.T) {
	src := "---\ntitle: T\nterms_heading: Glossary\ntheme:\n  name: dark\n  accents: [\"#112233\", \"#445566\"]\n---\n\nLead.\n\n" +
		"| Feature | A | B |\n|---|---|---|\n| Goal | x | y |\n\n## First\n\nOne.\n\nTwo.\n\n### Sub\n\n- item\n\n## Glossary\n\n### Term\n\nMeaning.\n\n## Disclaimer\n\nSmall print.\n"
	a, err := Parse("t.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if a.Table.Label != "Feature" || len(a.Sections) != 2 || len(a.Sections[0].Paragraphs) != 2 {
		t.Fatalf("structure: %+v", a)
	}
	if s := a.Sections[1]; s.Heading != "Sub" || s.Level != 1 || s.Paragraphs[0].Text() != "• item" {
		t.Errorf("sub-section %q level %d: %q", s.Heading, s.Level, s.Paragraphs[0].Text())
	}
	if len(a.Terms) != 1 || a.Terms[0].Name != "Term" || a.TermsHeading != "Glossary" {
		t.Errorf("terms: %+v", a.Terms)
	}
	if ParagraphsText(a.Disclaimer) != "Small print." || a.Theme.Name != "dark" || len(a.Theme.Accents) != 2 {
		t.Errorf("disclaimer/theme: %q %+v", ParagraphsText(a.Disclaimer), a.Theme)
	}
}

func TestFrontMatterValuesStayStrings(t *testing.T) {
	a, err := Parse("t.md", []byte("---\ntitle: 01234\nsubtitle: 1.10\nauthor: NO\n---\n\n| A | B | C |\n|-|-|-|\n| x | y | z |\n"))
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "01234" || a.Subtitle != "1.10" || a.Author != "NO" {
		t.Errorf("got %q %q %q", a.Title, a.Subtitle, a.Author)
	}
}
