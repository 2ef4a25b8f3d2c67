package layout

import (
	"fmt"
	"math"
	"testing"

	"github.com/triptych/triptych/content"
)

// posterBlank is the share of a fixed canvas left empty between the
// header band and the footer band: the space the body could have used.
func posterBlank(doc *Document) float64 {
	var header, footer *Fill
	for _, b := range doc.Pages[0].Boxes {
		if f, ok := b.(*Fill); ok && f.W == doc.Width && f.X == 0 {
			if f.Y == 0 {
				header = f
			} else if footer == nil || f.Y > footer.Y {
				footer = f
			}
		}
	}
	if header == nil || footer == nil {
		return 1
	}
	top, bottom := math.Inf(1), math.Inf(-1)
	for _, b := range doc.Pages[0].Boxes {
		r := b.Bounds()
		if r.Y >= header.Y+header.H && r.Y+r.H <= footer.Y {
			top = math.Min(top, r.Y)
			bottom = math.Max(bottom, r.Y+r.H)
		}
	}
	return (footer.Y - header.Y - header.H - (bottom - top)) / doc.Height
}

// Fixed sizes fill their canvas: at every preset, theme and scale, for
// articles of two to five subjects, long cells and 40 rows, at most 8 % of
// the canvas is left blank between the header and the footer (margins
// included); the worst figure is logged.
func TestFixedSizesFillTheCanvas(t *testing.T) {
	long := synthetic(t, []string{"Alpha", "Beta", "Gamma"}, 40, func(r, c int) string {
		return fmt.Sprintf("Cell %d of row %d, a short phrase.", c+1, r+1)
	})
	arts := map[string]*content.Article{
		"seed":     load(t, "../examples/software-engineer-vs-platform-sre.md"),
		"three":    load(t, "../testdata/markdown/hugo-toml-rust-vs-go-vs-zig.md"),
		"forty":    long,
		"four":     load(t, "../testdata/markdown/hugo-toml-mint-vs-visible-vs-google-fi-vs-us-mobile.md"),
		"five":     load(t, "../testdata/markdown/jekyll-ubuntu-vs-fedora-vs-debian-vs-arch-vs-opensuse.md"),
		"two-long": load(t, "../testdata/long/long-comparison.md"),
	}
	worst := 0.0
	for name, a := range arts {
		for size, dims := range PosterSizes {
			if dims.Height == 0 {
				continue
			}
			for _, theme := range []string{"light", "dark"} {
				for _, scale := range []int{1, 2} {
					if dims.Width*float64(scale) > MaxCanvasWidthPx || dims.Height*float64(scale) > MaxCanvasHeightPx {
						continue
					}
					res, err := Layout(a, Options{Size: size, Theme: theme, Scale: scale, Parts: Parts{Poster: true}})
					if err != nil {
						t.Fatal(err)
					}
					blank := posterBlank(res.Poster)
					worst = math.Max(worst, blank)
					if blank > maxBlank {
						t.Errorf("%s at %s/%s/%dx: %.0f%% of the canvas is blank", name, size, theme, scale, 100*blank)
					}
				}
			}
		}
	}
	t.Logf("worst blank share over every preset, theme and scale: %.1f%%", 100*worst)
}

// maxBlank bounds the blank share of a fixed canvas (see above).
const maxBlank = 0.08
