package layout

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/triptych/triptych/content"
)

// longArticle has a 60-row table and many sections, enough to break the
// table and the sections across pages.
func longArticle(t testing.TB) *content.Article {
	t.Helper()
	var b strings.Builder
	b.WriteString("---\ntitle: A Long Comparison of Two Things\nsubtitle: Does everything still break well?\ndate: 2025-03-01\nauthor: Tester\ntable_caption: Table of Comparison\nfigure: Long comparison.\n---\n\n")
	b.WriteString("A lead paragraph with a [link](https://example.com/x) and a [bad link](javascript:alert(1)), **bold** and *italic* words.\n\n")
	b.WriteString("| Aspect | Alpha | Beta |\n|---|---|---|\n")
	for i := range 60 {
		long := ""
		if i%7 == 3 {
			long = strings.Repeat(" More words to make this cell wrap onto several lines.", 4)
		}
		fmt.Fprintf(&b, "| Aspect %d | Alpha does thing %d well.%s | Beta does thing %d differently. |\n", i+1, i+1, long, i+1)
	}
	for s := range 12 {
		fmt.Fprintf(&b, "\n## Section number %d\n\n", s+1)
		for p := range 3 {
			fmt.Fprintf(&b, "%s\n\n", strings.Repeat(fmt.Sprintf("Sentence %d of paragraph %d in section %d goes on for a while. ", p, p, s), 6+s%4))
		}
	}
	b.WriteString("\n## Related Important Terms\n\n### Term One\n\nIts definition.\n\n### Term Two\n\nAnother definition.\n\n## Disclaimer\n\nSmall print.\n")
	a, err := content.Parse("long.md", []byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func handouts(t *testing.T) map[string]*Document {
	t.Helper()
	out := map[string]*Document{}
	arts := corpus(t)
	arts["long"] = longArticle(t)
	for name, a := range arts {
		for _, paper := range []string{"a4", "letter"} {
			doc, err := Handout(a, DocumentOptions{Paper: paper})
			if err != nil {
				t.Fatalf("%s/%s: %v", name, paper, err)
			}
			out[name+"/"+paper] = doc
		}
	}
	return out
}

func TestHandoutInvariants(t *testing.T) {
	for name, doc := range handouts(t) {
		page := Rect{0, 0, doc.Width, doc.Height}
		for pi, p := range doc.Pages {
			var texts []*Text
			for _, b := range p.Boxes {
				if !page.Contains(b.Bounds()) {
					t.Errorf("%s p%d: %T outside the page", name, pi+1, b)
				}
				tx, ok := b.(*Text)
				if !ok {
					if f, ok := b.(*Fill); ok && !doc.Margins.Contains(f.Rect) {
						t.Errorf("%s p%d: fill %+v outside the margins", name, pi+1, f.Rect)
					}
					continue
				}
				texts = append(texts, tx)
				if tx.Role != RolePageHeader && tx.Role != RolePageFooter && !doc.Margins.Contains(tx.Bounds()) {
					t.Errorf("%s p%d: %q outside the margins", name, pi+1, tx.Text)
				}
				if w := tx.Face.Width(tx.Text, tx.Size); w > tx.Width+0.01 {
					t.Errorf("%s: %q wider than its box", name, tx.Text)
				}
			}
			for i := range texts {
				for j := i + 1; j < len(texts); j++ {
					if texts[i].Bounds().Overlaps(texts[j].Bounds()) && texts[i].Baseline != texts[j].Baseline {
						t.Errorf("%s p%d: %q overlaps %q", name, pi+1, texts[i].Text, texts[j].Text)
					}
				}
			}
		}
	}
}

// linesOf counts the lines (distinct baselines) of each block on a page.
func linesOf(p Page, role Role) map[int]int {
	seen := map[string]bool{}
	count := map[int]int{}
	for _, b := range p.Boxes {
		if tx, ok := b.(*Text); ok && tx.Role == role && tx.Block > 0 {
			key := fmt.Sprintf("%d/%.2f", tx.Block, tx.Baseline)
			if !seen[key] {
				seen[key] = true
				count[tx.Block]++
			}
		}
	}
	return count
}

func TestNoWidowsOrphansOrStrandedHeadings(t *testing.T) {
	for name, doc := range handouts(t) {
		for pi := 0; pi+1 < len(doc.Pages); pi++ {
			here, next := linesOf(doc.Pages[pi], RoleBody), linesOf(doc.Pages[pi+1], RoleBody)
			for block, n := range here {
				if m, split := next[block]; split && (n < minSplit || m < minSplit) {
					t.Errorf("%s: paragraph %d splits %d/%d lines across pages %d-%d", name, block, n, m, pi+1, pi+2)
				}
			}
			// The last text of the page's flow must not be a heading.
			var last *Text
			for _, b := range doc.Pages[pi].Boxes {
				if tx, ok := b.(*Text); ok && tx.Role != RolePageFooter && tx.Role != RolePageHeader && tx.Role != RoleFigure {
					if last == nil || tx.Baseline >= last.Baseline {
						last = tx
					}
				}
			}
			if last != nil && last.Role == RoleHeading {
				t.Errorf("%s: page %d ends with the heading %q", name, pi+1, last.Text)
			}
		}
	}
}

func TestTableHeaderRepeats(t *testing.T) {
	doc, err := Handout(longArticle(t), DocumentOptions{})
	if err != nil {
		t.Fatal(err)
	}
	pagesWithCells := 0
	for pi, p := range doc.Pages {
		var firstCell, firstHeader float64 = -1, -1
		continued := false
		for _, b := range p.Boxes {
			tx, ok := b.(*Text)
			if !ok {
				continue
			}
			switch {
			case tx.Role == RoleTableCell && firstCell < 0:
				firstCell = tx.Baseline
			case tx.Role == RoleTableHeader && firstHeader < 0:
				firstHeader = tx.Baseline
			case tx.Role == RoleCaption && strings.Contains(tx.Text, "(continued)"):
				continued = true
			}
		}
		if firstCell < 0 {
			continue
		}
		pagesWithCells++
		if firstHeader < 0 || firstHeader > firstCell {
			t.Errorf("page %d has table rows without a header above them", pi+1)
		}
		if pi > 0 && pagesWithCells > 1 && !continued {
			t.Errorf("page %d continues the table without \"(continued)\"", pi+1)
		}
	}
	if pagesWithCells < 2 {
		t.Fatalf("the 60-row table did not break (%d pages with rows)", pagesWithCells)
	}
}

func TestOutlineAndLinks(t *testing.T) {
	a := longArticle(t)
	doc, err := Handout(a, DocumentOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var titles []string
	for _, b := range doc.Outline {
		titles = append(titles, b.Title)
	}
	want := 1 + 1 + len(a.Sections) + 1 // title, table, sections, terms
	if len(doc.Outline) != want || titles[0] != a.Title || titles[1] != "Table of Comparison" {
		t.Errorf("outline %q, want %d entries", titles, want)
	}
	links := map[string]bool{}
	for _, p := range doc.Pages {
		for _, b := range p.Boxes {
			if tx, ok := b.(*Text); ok && tx.Link != "" {
				links[tx.Link] = true
			}
		}
	}
	keys := make([]string, 0, len(links))
	for k := range links {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	if len(keys) != 1 || keys[0] != "https://example.com/x" {
		t.Errorf("links = %q, want only the https one", keys)
	}
}

func TestSafeLink(t *testing.T) {
	for in, want := range map[string]string{
		"https://x.org": "https://x.org", "HTTP://x.org": "HTTP://x.org", "javascript:alert(1)": "",
		"JaVaScRiPt:x": "", "file:///etc/passwd": "", `\\host\share`: "", "data:text/html,x": "", "mailto:a@b": "",
	} {
		if got := SafeLink(in); got != want {
			t.Errorf("SafeLink(%q) = %q, want %q", in, got, want)
		}
	}
}

func BenchmarkHandout(b *testing.B) {
	a := load(b, "../examples/software-engineer-vs-platform-sre.md")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Handout(a, DocumentOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

// TestPageLimit finds articles of exactly MaxPages and MaxPages+1 pages:
// the first is laid out, the second refused.
func TestPageLimit(t *testing.T) {
	article := func(sections int) *content.Article {
		var b strings.Builder
		b.WriteString("---\ntitle: Pages\n---\n\n| Aspect | A | B |\n|---|---|---|\n| Goal | x | y |\n")
		for s := range sections {
			fmt.Fprintf(&b, "\n## Section %d\n\n%s\n", s, strings.Repeat("Words that fill the page. ", 40))
		}
		a, err := content.Parse("pages.md", []byte(b.String()))
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	// Pages grow with sections: bisect for the most sections that fit.
	lo, hi := 1, 900 // lo fits, hi does not (the body limit allows no more)
	if _, err := Handout(article(hi), DocumentOptions{}); err == nil || !strings.Contains(err.Error(), fmt.Sprintf("more than the limit of %d", MaxPages)) {
		t.Fatalf("%d sections: %v", hi, err)
	}
	for hi-lo > 1 {
		mid := (lo + hi) / 2
		if _, err := Handout(article(mid), DocumentOptions{}); err == nil {
			lo = mid
		} else {
			hi = mid
		}
	}
	doc, err := Handout(article(lo), DocumentOptions{})
	if err != nil || len(doc.Pages) != MaxPages {
		t.Fatalf("%d sections: %v, %d pages; want exactly %d", lo, err, len(doc.Pages), MaxPages)
	}
}
