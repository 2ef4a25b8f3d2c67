package png

import (
	"bytes"
	"image"
	stdpng "image/png"
	"strings"
	"testing"
	"unicode"

	xdraw "golang.org/x/image/draw"

	"github.com/triptych/triptych/internal/readers"
	"github.com/triptych/triptych/internal/testkit"
	"github.com/triptych/triptych/layout"
	"github.com/triptych/triptych/render"
)

// A social card must read at the size a feed shows it: the og card of the
// example, scaled down to 500 pixels wide, is read back by tesseract, which
// must find every word of the title, the subjects and every aspect shown.
// (The 500-pixel image is enlarged again for the OCR engine, as OCR tools
// do; no detail is added that the small image lacks.)
func TestSocialCardReadsAt500Pixels(t *testing.T) {
	readers.Need(t, "tesseract")
	a := testkit.Seed(t)
	res, err := layout.Layout(a, layout.Options{Size: "og", Parts: layout.Parts{Poster: true}})
	if err != nil {
		t.Fatal(err)
	}
	out, err := Renderer{}.Render(res, render.Options{Scale: 1})
	if err != nil {
		t.Fatal(err)
	}
	img, err := stdpng.Decode(bytes.NewReader(out.Files[0].Data))
	if err != nil {
		t.Fatal(err)
	}
	b := img.Bounds()
	small := image.NewGray(image.Rect(0, 0, 500, b.Dy()*500/b.Dx()))
	xdraw.CatmullRom.Scale(small, small.Bounds(), img, b, xdraw.Src, nil)
	big := image.NewGray(image.Rect(0, 0, small.Bounds().Dx()*3, small.Bounds().Dy()*3))
	xdraw.CatmullRom.Scale(big, big.Bounds(), small, small.Bounds(), xdraw.Src, nil)
	var buf bytes.Buffer
	if err := stdpng.Encode(&buf, big); err != nil {
		t.Fatal(err)
	}
	path := readers.WriteTemp(t, "og-500.png", buf.Bytes())
	text := strings.ToLower(readers.Run(t, "tesseract", path, "-", "--psm", "11"))
	var drawn strings.Builder
	for _, bx := range res.Poster.Pages[0].Boxes {
		if tx, ok := bx.(*layout.Text); ok {
			drawn.WriteString(" " + tx.Text)
		}
	}
	want := []string{a.Title}
	want = append(want, a.Table.Subjects...)
	for _, r := range a.Table.Rows {
		if strings.Contains(drawn.String(), r.Aspect) {
			want = append(want, r.Aspect)
		}
	}
	if len(want) < 1+len(a.Table.Subjects)+2 {
		t.Fatalf("the card shows fewer than two aspects: %q", want)
	}
	for _, phrase := range want {
		for _, w := range strings.FieldsFunc(phrase, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
			if len(w) < 3 {
				continue
			}
			if !strings.Contains(text, strings.ToLower(w)) {
				t.Errorf("tesseract does not read %q (of %q) at 500 pixels; it read:\n%s", w, phrase, text)
			}
		}
	}
}
