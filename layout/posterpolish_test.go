package layout

import (
	"testing"
)

// No light hairline under the footer at any size, scale or theme: the
// footer band reaches the canvas's bottom edge, and its text stays on one
// line.
func TestFooterReachesTheBottom(t *testing.T) {
	a := load(t, "../examples/software-engineer-vs-platform-sre.md")
	for size := range PosterSizes {
		for _, theme := range []string{"light", "dark"} {
			for _, scale := range []int{1, 2} {
				if PosterSizes[size].Width*float64(scale) > MaxCanvasWidthPx {
					continue
				}
				res, err := Layout(a, Options{Size: size, Theme: theme, Scale: scale, Parts: Parts{Poster: true}})
				if err != nil {
					t.Fatal(err)
				}
				doc := res.Poster
				var footer *Fill
				for _, b := range doc.Pages[0].Boxes {
					if f, ok := b.(*Fill); ok && f.Y+f.H > doc.Height-1 && f.W == doc.Width {
						footer = f
					}
				}
				if footer == nil || footer.Y+footer.H < doc.Height {
					t.Errorf("%s/%s/%dx: the footer band stops short of the bottom edge", size, theme, scale)
					continue
				}
				baselines := map[float64]bool{}
				for _, b := range doc.Pages[0].Boxes {
					if tx, ok := b.(*Text); ok && tx.Baseline > footer.Y && tx.Baseline < footer.Y+footer.H {
						baselines[tx.Baseline] = true
					}
				}
				if len(baselines) > 1 {
					t.Errorf("%s/%s/%dx: the footer text wraps onto %d lines", size, theme, scale, len(baselines))
				}
			}
		}
	}
}

// Cell tints read as tints: at least 1.08:1 against the page, while the
// text on them keeps 4.5:1.
func TestCellTintsAreVisible(t *testing.T) {
	for _, th := range []Theme{Light, Dark} {
		for i, s := range th.Subjects {
			tint := cellTint(th, s)
			if c := Contrast(tint, th.Background); c < 1.08 {
				t.Errorf("%s subject %d: tint %s on %s is %.3f:1", th.Name, i, tint.Hex(), th.Background.Hex(), c)
			}
			if c := Contrast(th.Text, tint); c < 4.5 {
				t.Errorf("%s subject %d: text on the tint is %.2f:1", th.Name, i, c)
			}
		}
	}
}

// A publisher's brand replaces "Made with triptych" in the footer: its
// logo before its name, at every size, never wrapping.
func TestBrandInTheFooter(t *testing.T) {
	a := load(t, "../examples/software-engineer-vs-platform-sre.md")
	samples := SampleBoxes()
	logo := samples[len(samples)-1].(*Image).PNG
	for size := range PosterSizes {
		res, err := Layout(a, Options{Size: size, Brand: Brand{Name: "Acme Careers", Logo: logo, LogoW: 2, LogoH: 2}, Parts: Parts{Poster: true}})
		if err != nil {
			t.Fatal(err)
		}
		var name, made, img bool
		for _, b := range res.Poster.Pages[0].Boxes {
			switch b := b.(type) {
			case *Text:
				name = name || b.Text == "Acme Careers"
				made = made || b.Text == "Made with triptych"
			case *Image:
				img = img || b.Y > res.Poster.Height-80*res.Poster.Width/1200
			}
		}
		if !name || made || !img {
			t.Errorf("%s: brand name %v, logo %v, 'Made with triptych' %v", size, name, img, made)
		}
	}
}
