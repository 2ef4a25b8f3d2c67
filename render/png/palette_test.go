package png

import (
	"bytes"
	"image"
	"image/color"
	stdpng "image/png"
	"math"
	"strings"
	"testing"

	"github.com/triptych/triptych/internal/readers"
	"github.com/triptych/triptych/internal/testkit"
	"github.com/triptych/triptych/render"
)

// TestPaletteQuality renders the example and test articles with
// --png-palette and checks the trade it promises against the RGB poster:
// a paletted PNG (colour type 3, at most 256 colours, PIL reads it as
// mode "P") with the text chunks, at most half the size, a PSNR of at
// least 48 dB (no visible change), and byte-identical on a second render.
func TestPaletteQuality(t *testing.T) {
	for _, p := range []string{
		"examples/software-engineer-vs-platform-sre.md",
		"testdata/long/long-comparison.md",
		"testdata/markdown/hugo-yaml-postgres-vs-mysql.md",
		"testdata/html/wordpress-fixed-vs-adjustable-mortgage.html",
	} {
		a := testkit.Load(t, p)
		rgb := render1(t, a, render.Options{Scale: 1}).Files[0].Data
		pal := render1(t, a, render.Options{Scale: 1, PNGPalette: true}).Files[0].Data
		if again := render1(t, a, render.Options{Scale: 1, PNGPalette: true}).Files[0].Data; !bytes.Equal(pal, again) {
			t.Errorf("%s: two paletted renders differ", p)
		}
		if pal[8+4+4+9] != 3 {
			t.Errorf("%s: colour type %d, want 3 (palette)", p, pal[8+4+4+9])
		}
		if !bytes.Contains(pal, []byte("iTXt")) {
			t.Errorf("%s: the paletted PNG lost its text chunks", p)
		}
		if len(pal)*2 > len(rgb) {
			t.Errorf("%s: paletted %d bytes, RGB %d: want at most half", p, len(pal), len(rgb))
		}
		want, err := decodeRGBA(rgb)
		if err != nil {
			t.Fatal(err)
		}
		got, err := stdpng.Decode(bytes.NewReader(pal))
		if err != nil {
			t.Fatal(err)
		}
		pm, ok := got.(*image.Paletted)
		if !ok || len(pm.Palette) > 256 {
			t.Fatalf("%s: decoded as %T", p, got)
		}
		if db := psnr(want, pm); db < 48 {
			t.Errorf("%s: PSNR %.1f dB, want at least 48", p, db)
		} else {
			t.Logf("%s: %d → %d bytes (%.0f %%), %d colours, PSNR %.1f dB", p, len(rgb), len(pal), 100*float64(len(pal))/float64(len(rgb)), len(pm.Palette), db)
		}
		path := readers.WriteTemp(t, "palette.png", pal)
		if out := readers.Run(t, readers.Python, "-c", "import sys; from PIL import Image; im = Image.open(sys.argv[1]); print(im.mode, len(im.getcolors(256) or []))", path); !strings.HasPrefix(out, "P ") {
			t.Errorf("%s: PIL reads mode/colours %q, want P", p, out)
		}
	}
}

func psnr(a *image.RGBA, b image.Image) float64 {
	var se float64
	r := a.Bounds()
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			c := a.RGBAAt(x, y)
			q := color.RGBAModel.Convert(b.At(x, y)).(color.RGBA)
			for _, d := range [3]float64{float64(c.R) - float64(q.R), float64(c.G) - float64(q.G), float64(c.B) - float64(q.B)} {
				se += d * d
			}
		}
	}
	if se == 0 {
		return math.Inf(1)
	}
	return 10 * math.Log10(255*255/(se/float64(3*r.Dx()*r.Dy())))
}

// BenchmarkPNGPalette renders the example's poster with --png-palette
// (paint, quantise, encode), to compare with BenchmarkPNGRender/1x.
func BenchmarkPNGPalette(b *testing.B) {
	opts := render.Options{Scale: 1, PNGPalette: true}
	lr := laidOut(b, seed(b), opts)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := (Renderer{}).Render(lr, opts); err != nil {
			b.Fatal(err)
		}
	}
}
