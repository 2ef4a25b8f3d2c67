package png

import (
	"bytes"
	"image"
	stdpng "image/png"
	"strings"
	"testing"

	"github.com/triptych/triptych/content"
	"github.com/triptych/triptych/internal/painttest"
	"github.com/triptych/triptych/internal/testkit"
	"github.com/triptych/triptych/layout"
	"github.com/triptych/triptych/render"
)

func seed(t testing.TB) *content.Article { return testkit.Seed(t) }

func render1(t testing.TB, a *content.Article, opts render.Options) render.Result {
	t.Helper()
	res, err := painttest.PaintErr(Renderer{}, a, opts)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func TestPNGDecodesAtSizeAndScale(t *testing.T) {
	a := seed(t)
	for _, c := range []struct {
		opts render.Options
		w, h int
	}{
		{render.Options{Size: "og"}, 1200, 630},
		{render.Options{Size: "og", Scale: 2}, 2400, 1260},
		{render.Options{Size: "square", Theme: "dark"}, 1080, 1080},
		{render.Options{Size: "pinterest", Scale: 3}, 3000, 4500},
	} {
		res := render1(t, a, c.opts)
		img, err := stdpng.Decode(bytes.NewReader(res.Files[0].Data))
		if err != nil {
			t.Fatalf("%+v: %v", c.opts, err)
		}
		if b := img.Bounds(); b.Dx() != c.w || b.Dy() != c.h {
			t.Errorf("%+v: %dx%d, want %dx%d", c.opts, b.Dx(), b.Dy(), c.w, c.h)
		}
	}
	res := render1(t, a, render.Options{})
	cfg, err := stdpng.DecodeConfig(bytes.NewReader(res.Files[0].Data))
	if err != nil || cfg.Width != 1200 || cfg.Height < 800 {
		t.Errorf("poster: %+v %v", cfg, err)
	}
}

func TestPNGIsDeterministic(t *testing.T) {
	a := seed(t)
	one := render1(t, a, render.Options{Scale: 2})
	two := render1(t, a, render.Options{Scale: 2})
	if !bytes.Equal(one.Files[0].Data, two.Files[0].Data) {
		t.Error("two renders of the same article differ")
	}
}

func TestPNGTextChunksAndAltText(t *testing.T) {
	res := render1(t, seed(t), render.Options{Version: "9.9.9"})
	data := res.Files[0].Data
	for _, key := range []string{"Title\x00", "Author\x00", "Description\x00", "Creation Time\x00", "Software\x00"} {
		if !bytes.Contains(data, []byte("iTXt"+key)) {
			t.Errorf("no iTXt chunk %q", key)
		}
	}
	if !bytes.Contains(data, []byte("triptych 9.9.9")) || !bytes.Contains(data, []byte("Mon, 21 Apr 2025")) {
		t.Error("Software or Creation Time chunk has the wrong value")
	}
	alt := string(res.Files[1].Data)
	if res.Files[1].Suffix != ".alt.txt" || !strings.Contains(alt, "Software Engineer and Platform SRE") ||
		!strings.Contains(alt, "Typical Metrics: Software Engineer, Code quality") {
		t.Errorf("alt text: %q", alt)
	}
}

// TestPaintsEveryBoxKind runs the painter over every kind of box.
func TestPaintsEveryBoxKind(t *testing.T) {
	var pngBuf bytes.Buffer
	stdpng.Encode(&pngBuf, image.NewGray(image.Rect(0, 0, 4, 4)))
	doc := &layout.Document{Width: 100, Height: 100, Pages: []layout.Page{{Boxes: []layout.Box{
		&layout.Fill{Rect: layout.Rect{X: 1, Y: 1, W: 50, H: 50}, Radius: 4},
		&layout.Text{X: 5, Baseline: 20, Size: 12, Text: "Hi"},
		&layout.Rule{X1: 0, Y1: 60, X2: 90, Y2: 60, Width: 1},
		&layout.Circle{CX: 70, CY: 70, R: 10},
		&layout.Path{Ops: []layout.PathOp{{Kind: 'M', Pts: []float64{1, 1}}, {Kind: 'L', Pts: []float64{9, 9}}, {Kind: 'C', Pts: []float64{1, 2, 3, 4, 5, 6}}, {Kind: 'Z'}}, Stroke: 1, Fill: true},
		&layout.Image{Rect: layout.Rect{X: 80, Y: 80, W: 10, H: 10}, PNG: pngBuf.Bytes()},
	}}}}
	if _, err := Paint(doc, 1); err != nil {
		t.Fatal(err)
	}
}

func TestCanvasLimit(t *testing.T) {
	doc := &layout.Document{Width: 2000, Height: 5000, Pages: []layout.Page{{}}}
	if _, err := Paint(doc, 3); err == nil || !strings.Contains(err.Error(), "outside the limit") {
		t.Errorf("err = %v", err)
	}
}

func benchPNG(b *testing.B, scale int) {
	a := seed(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := painttest.PaintErr(Renderer{}, a, render.Options{Scale: scale}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkPNG1x(b *testing.B) { benchPNG(b, 1) }
func BenchmarkPNG2x(b *testing.B) { benchPNG(b, 2) }

// BenchmarkPNGEncodeFloor encodes a blank image of the poster's size with
// the same encoder: the floor the full render is compared with.
func BenchmarkPNGEncodeFloor(b *testing.B) {
	doc, err := layout.Poster(seed(b), layout.PosterOptions{})
	if err != nil {
		b.Fatal(err)
	}
	img := image.NewRGBA(image.Rect(0, 0, int(doc.Width), int(doc.Height)))
	for i := range img.Pix {
		img.Pix[i] = 0xF3
	}
	b.ReportAllocs()
	for b.Loop() {
		var buf bytes.Buffer
		if err := Encode(&buf, img, nil); err != nil {
			b.Fatal(err)
		}
	}
}

func TestCanvasAtTheLimit(t *testing.T) {
	at := &layout.Document{Width: MaxWidthPx, Height: MaxHeightPx, Pages: []layout.Page{{}}}
	if _, err := Paint(at, 1); err != nil {
		t.Errorf("at the limit: %v", err)
	}
	past := &layout.Document{Width: MaxWidthPx + 1, Height: 10, Pages: []layout.Page{{}}}
	if _, err := Paint(past, 1); err == nil {
		t.Error("past the width limit: no error")
	}
	past = &layout.Document{Width: 10, Height: MaxHeightPx + 1, Pages: []layout.Page{{}}}
	if _, err := Paint(past, 1); err == nil {
		t.Error("past the height limit: no error")
	}
}

// TestEveryBoxKindHasACase: the painter paints every kind of box the
// layout makes (a kind without a case is an error).
func TestEveryBoxKindHasACase(t *testing.T) {
	doc := &layout.Document{Width: 100, Height: 100, Pages: []layout.Page{{Boxes: layout.SampleBoxes()}}}
	if _, err := Paint(doc, 1); err != nil {
		t.Error(err)
	}
}
