package layout

import (
	"fmt"
	"strings"
	"testing"

	"github.com/triptych/triptych/content"
)

// largeTable is an article with n rows, as a comparison of many laptops
// or cloud instance types is.
func largeTable(t testing.TB, n int) *content.Article {
	var b strings.Builder
	b.WriteString("---\ntitle: Cloud Instances Compared\n---\n\n| Instance | AWS | Azure | Google Cloud |\n|---|---|---|---|\n")
	for i := range n {
		fmt.Fprintf(&b, "| Type %d | m%d.large, %d vCPU | D%ds v5 | n2-standard-%d |\n", i+1, i%9, 2+i%8, 2+i%16, 2+i%32)
	}
	a, err := content.Parse("large.md", []byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// A 500-row table: the workbook holds every row, the handout paginates
// them, the poster shows the rows that fit its canvas and says how many.
func TestLargeTable(t *testing.T) {
	a := largeTable(t, 500)
	res, err := Layout(a, Options{Parts: Parts{Poster: true, Handout: true, Workbook: true}})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Workbook.Rows) != 500 || len(res.Workbook.Grid.RowHeights) != 501 {
		t.Errorf("workbook rows %d", len(res.Workbook.Rows))
	}
	if n := len(res.Handout.Pages); n < 10 || n > MaxPages {
		t.Errorf("handout pages %d", n)
	}
	if res.Poster.Height > MaxCanvasHeightPx {
		t.Errorf("poster %.0f high", res.Poster.Height)
	}
	var warned bool
	for _, w := range res.Warnings {
		warned = warned || strings.Contains(w.Msg, "of 500 aspects")
	}
	if !warned {
		t.Errorf("no warning that the poster shows part of the table: %v", res.Warnings)
	}
	more := false
	for _, b := range res.Poster.Pages[0].Boxes {
		if tx, ok := b.(*Text); ok && strings.Contains(tx.Text, "more aspects") {
			more = true
		}
	}
	if !more {
		t.Error("the poster does not say how many aspects it leaves out")
	}
	// At scale 2 the canvas limit halves the height in points.
	res2, err := Layout(a, Options{Scale: 2, Parts: Parts{Poster: true}})
	if err != nil {
		t.Fatal(err)
	}
	if res2.Poster.Height*2 > MaxCanvasHeightPx || res2.Poster.Height >= res.Poster.Height {
		t.Errorf("scale 2 poster %.0f high (scale 1: %.0f)", res2.Poster.Height, res.Poster.Height)
	}
}

// BenchmarkLargeTable lays out every part of a 500-row article.
func BenchmarkLargeTable(b *testing.B) {
	a := largeTable(b, 500)
	for b.Loop() {
		if _, err := Layout(a, Options{Parts: Parts{Poster: true, Handout: true, Workbook: true}}); err != nil {
			b.Fatal(err)
		}
	}
}
