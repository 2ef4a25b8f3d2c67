package layout

import (
	"fmt"
	"strings"
	"testing"
)

// No cell is cut while space is free: wherever a cell ends in "…", the
// card holding it has no room left below its last line for one more line
// (the padding below may be at most the padding above plus less than a
// line), at every fixed preset and scale, for the articles of the fill
// test and a table of long cells.
func TestNoCellCutWhileSpaceIsFree(t *testing.T) {
	arts := map[string]string{
		"seed":  "../examples/software-engineer-vs-platform-sre.md",
		"three": "../testdata/markdown/hugo-toml-rust-vs-go-vs-zig.md",
		"four":  "../testdata/markdown/hugo-toml-mint-vs-visible-vs-google-fi-vs-us-mobile.md",
		"five":  "../testdata/markdown/jekyll-ubuntu-vs-fedora-vs-debian-vs-arch-vs-opensuse.md",
		"long":  "../testdata/long/long-comparison.md",
	}
	wordy := synthetic(t, []string{"Alpha", "Beta"}, 12, func(r, c int) string {
		return strings.Repeat(fmt.Sprintf("Row %d says a long thing here. ", r+1), 3+r%4)
	})
	cuts := 0
	for name, path := range arts {
		a := load(t, path)
		if name == "long" {
			a = wordy
		}
		for size, dims := range PosterSizes {
			if dims.Height == 0 || size == "a4" {
				continue
			}
			for _, scale := range []int{1, 2} {
				res, err := Layout(a, Options{Size: size, Scale: scale, Parts: Parts{Poster: true}})
				if err != nil {
					t.Fatal(err)
				}
				cuts += checkCuts(t, fmt.Sprintf("%s at %s %dx", name, size, scale), res.Poster.Pages[0].Boxes)
			}
		}
	}
	if cuts == 0 {
		t.Fatal("no cell was cut anywhere: the test checks nothing")
	}
	t.Logf("%d cut cells checked", cuts)
}

// checkCuts checks every cut line of boxes and returns how many it saw.
func checkCuts(t *testing.T, where string, boxes []Box) int {
	t.Helper()
	n := 0
	for _, b := range boxes {
		cut, ok := b.(*Text)
		if !ok || !strings.HasSuffix(cut.Text, "…") {
			continue
		}
		var card *Fill
		for _, c := range boxes {
			if f, ok := c.(*Fill); ok && contains(f.Rect, cut.Bounds()) && (card == nil || f.W*f.H < card.W*card.H) {
				card = f
			}
		}
		if card == nil {
			continue // a cut outside a card (a title or a chip) is checked elsewhere
		}
		top := cut.Bounds().Y
		for _, c := range boxes {
			if tx, ok := c.(*Text); ok && tx.X == cut.X && contains(card.Rect, tx.Bounds()) {
				top = min(top, tx.Bounds().Y)
			}
		}
		n++
		line := cut.Size * 1.3
		above := top - card.Y
		below := card.Y + card.H - (cut.Bounds().Y + cut.Bounds().H)
		if below-above >= line {
			t.Errorf("%s: %q is cut with %.0f px free below it in its card (a line takes %.0f)", where, cut.Text, below-above, line)
		}
	}
	return n
}

func contains(outer, inner Rect) bool {
	const e = 0.5
	return inner.X >= outer.X-e && inner.Y >= outer.Y-e && inner.X+inner.W <= outer.X+outer.W+e && inner.Y+inner.H <= outer.Y+outer.H+e
}
