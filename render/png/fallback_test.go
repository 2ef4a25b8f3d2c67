package png

import (
	"image"
	"strings"
	"testing"

	"github.com/triptych/triptych/internal/testkit"
	"github.com/triptych/triptych/layout"
	"github.com/triptych/triptych/layout/fonts"
)

// TestFallbackFontDrawsCJK paints the Japanese test article's poster with
// and without Droid Sans Fallback and DejaVu Sans (--font): with them, the layout keeps
// every character (no placeholder) and the pixels of a CJK label are the
// fallback's glyphs, not the placeholder squares drawn without it.
func TestFallbackFontDrawsCJK(t *testing.T) {
	fb, symbols := testkit.FallbackFonts(t)
	a := testkit.Load(t, "testdata/cjk/tokyo-vs-osaka.md")
	paintWith := func(faces []fonts.Face) (*layout.Document, *image.RGBA) {
		res, err := layout.Layout(a, layout.Options{Fonts: faces, Parts: layout.Parts{Poster: true}})
		if err != nil {
			t.Fatal(err)
		}
		img, err := Paint(res.Poster, 1)
		if err != nil {
			t.Fatal(err)
		}
		return res.Poster, img.(*image.RGBA)
	}
	doc, with := paintWith([]fonts.Face{fb, symbols})
	_, without := paintWith(nil)
	var label *layout.Text
	for _, b := range doc.Pages[0].Boxes {
		tx, ok := b.(*layout.Text)
		if !ok {
			continue
		}
		if strings.ContainsRune(tx.Text, layout.Placeholder) || tx.Actual != "" {
			t.Errorf("with the fallback font, %q is drawn as %q", tx.Actual, tx.Text)
		}
		if strings.HasPrefix(tx.Text, "製造業") {
			label = tx
		}
	}
	if label == nil {
		t.Fatal("no text box for the cell 製造業と商社が強い")
	}
	r := label.Bounds()
	box := image.Rect(int(r.X), int(r.Y), int(r.X+r.W)+1, int(r.Y+r.H)+1)
	differ := 0
	for y := box.Min.Y; y < box.Max.Y; y++ {
		for x := box.Min.X; x < box.Max.X; x++ {
			if with.RGBAAt(x, y) != without.RGBAAt(x, y) {
				differ++
			}
		}
	}
	if differ < box.Dx()*box.Dy()/10 {
		t.Errorf("the CJK cell looks the same with and without the fallback font (%d of %d pixels differ)", differ, box.Dx()*box.Dy())
	}
}
