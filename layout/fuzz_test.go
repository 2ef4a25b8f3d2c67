package layout

import (
	"strings"
	"testing"

	"github.com/triptych/triptych/content"
)

// fuzzArticle builds an article straight from fuzzed strings, bypassing the
// loaders' cleaning, so that layout meets raw text.
func fuzzArticle(title, cell, term string, subjects, rows uint8) *content.Article {
	n := 2 + int(subjects)%(content.MaxSubjects-1)
	r := 1 + int(rows)%14
	a := &content.Article{Title: title, Subtitle: cell, Author: term, Slug: "fuzz", Source: "fuzz.md", Figure: term}
	for i := range n {
		a.Table.Subjects = append(a.Table.Subjects, strings.Repeat(term, i%3)+"S")
	}
	for i := range r {
		row := content.Row{Aspect: term, Line: i + 1}
		for j := range n {
			row.Cells = append(row.Cells, strings.Repeat(cell, 1+(i+j)%3))
		}
		a.Table.Rows = append(a.Table.Rows, row)
	}
	a.Terms = []content.Term{{Name: term, Definition: []content.Paragraph{content.PlainParagraph(cell, 1)}}}
	a.Sections = []content.Section{{Heading: title, Paragraphs: []content.Paragraph{{Runs: []content.Run{{Text: cell, Style: content.Bold, Link: term}}}}}}
	a.Lead = []content.Paragraph{content.PlainParagraph(title+" "+cell, 1)}
	return a
}

var sizeNames = []string{"poster", "og", "square", "portrait", "pinterest", "a4"}

func FuzzPosterLayout(f *testing.F) {
	f.Add("Software Engineer vs. Platform SRE", "Designing and developing software applications.", "Primary Focus", uint8(0), uint8(6), uint8(0))
	f.Add(strings.Repeat("W", 300), "🚀 漢字 \u202e\u0301\x00\n\t", "", uint8(3), uint8(13), uint8(1))
	f.Add("", "", "x", uint8(1), uint8(0), uint8(5))
	f.Fuzz(func(t *testing.T, title, cell, term string, subjects, rows, size uint8) {
		if len(title)+len(cell)+len(term) > 4000 {
			return
		}
		a := fuzzArticle(title, cell, term, subjects, rows)
		doc, err := Poster(a, PosterOptions{Size: sizeNames[int(size)%len(sizeNames)], Theme: []string{"light", "dark"}[size%2]})
		if err != nil {
			return // a fixed size may not fit: that is an error, not a crash
		}
		canvas := Rect{0, 0, doc.Width, doc.Height}
		for _, b := range doc.Pages[0].Boxes {
			if !canvas.Contains(b.Bounds()) {
				t.Fatalf("%T %+v outside the %vx%v canvas", b, b.Bounds(), doc.Width, doc.Height)
			}
		}
	})
}

func FuzzHandoutLayout(f *testing.F) {
	f.Add("Software Engineer vs. Platform SRE", "Designing and developing software applications.", "Primary Focus", uint8(0), uint8(6))
	f.Add(strings.Repeat("x", 500), "a\nb\tc \u00ad d", "https://example.com/"+strings.Repeat("a/", 80), uint8(2), uint8(13))
	f.Fuzz(func(t *testing.T, title, cell, term string, subjects, rows uint8) {
		if len(title)+len(cell)+len(term) > 4000 {
			return
		}
		a := fuzzArticle(title, cell, term, subjects, rows)
		doc, err := Handout(a, DocumentOptions{Paper: []string{"a4", "letter"}[rows%2]})
		if err != nil {
			if strings.Contains(err.Error(), "more than the limit") {
				return
			}
			t.Fatal(err)
		}
		page := Rect{0, 0, doc.Width, doc.Height}
		for i, p := range doc.Pages {
			for _, b := range p.Boxes {
				if !page.Contains(b.Bounds()) {
					t.Fatalf("page %d: %T %+v outside the page", i+1, b, b.Bounds())
				}
			}
		}
	})
}
