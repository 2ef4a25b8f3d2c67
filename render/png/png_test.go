package png

import (
	"bytes"
	"fmt"
	"image"
	"image/draw"
	stdpng "image/png"
	"path/filepath"
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

// laidOut lays the example out for the PNG painter.
func laidOut(b *testing.B, a *content.Article, opts render.Options) *layout.Result {
	lr, err := layout.Layout(a, render.LayoutOptions([]render.Renderer{Renderer{}}, opts))
	if err != nil {
		b.Fatal(err)
	}
	return lr
}

// BenchmarkPNGRender paints and encodes a laid-out poster (no layout): the
// figure compared with the encode floor.
func BenchmarkPNGRender(b *testing.B) {
	for _, scale := range []int{1, 2} {
		b.Run(fmt.Sprintf("%dx", scale), func(b *testing.B) {
			lr := laidOut(b, seed(b), render.Options{Scale: scale})
			b.ReportAllocs()
			for b.Loop() {
				if _, err := (Renderer{}).Render(lr, render.Options{Scale: scale}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkPNGPaint paints a laid-out poster into a pooled canvas.
func BenchmarkPNGPaint(b *testing.B) {
	lr := laidOut(b, seed(b), render.Options{})
	w, h, _ := canvasSize(lr.Poster, 1)
	b.ReportAllocs()
	for b.Loop() {
		c := getCanvas(w, h)
		if err := paint(c, lr.Poster, 1); err != nil {
			b.Fatal(err)
		}
		putCanvas(c)
	}
}

// BenchmarkPNGEncodeFloor encodes, at the poster's size, the poster's own
// pixels and a blank opaque canvas (the background colour), each with the
// encoder Render uses (with the same text chunks) and with image/png at
// BestSpeed: what painting adds is measured against these.
func BenchmarkPNGEncodeFloor(b *testing.B) {
	lr := laidOut(b, seed(b), render.Options{})
	img, err := Paint(lr.Poster, 1)
	if err != nil {
		b.Fatal(err)
	}
	poster := img.(*image.RGBA)
	blank := image.NewRGBA(poster.Rect)
	fl := newFiller(blank)
	fl.setColor(rgb(lr.Poster.Background))
	fl.fillRect(blank.Rect)
	chunks := Metadata(lr.Meta)
	std := stdpng.Encoder{CompressionLevel: stdpng.BestSpeed}
	for _, c := range []struct {
		name string
		img  *image.RGBA
	}{{"poster", poster}, {"blank", blank}} {
		b.Run(c.name+"/shipped", func(b *testing.B) {
			b.ReportAllocs()
			var buf bytes.Buffer
			for b.Loop() {
				buf.Reset()
				if err := encodeRGB(&buf, c.img, chunks, shippedFilter); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(buf.Len()), "png-bytes")
		})
		b.Run(c.name+"/image-png", func(b *testing.B) {
			b.ReportAllocs()
			var buf bytes.Buffer
			for b.Loop() {
				buf.Reset()
				if err := std.Encode(&buf, c.img); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(buf.Len()), "png-bytes")
		})
	}
}

// BenchmarkFilterChoice encodes the posters of the example and the test
// articles with each fixed row filter, reporting time and size: the
// measurement behind shippedFilter.
func BenchmarkFilterChoice(b *testing.B) {
	paths := []string{"examples/software-engineer-vs-platform-sre.md", "testdata/long/long-comparison.md"}
	for _, glob := range []string{"testdata/articles/*.txt"} {
		m, _ := filepath.Glob(testkit.Path(glob))
		for _, p := range m {
			rel, _ := filepath.Rel(testkit.Root(), p)
			paths = append(paths, rel)
		}
	}
	for _, p := range paths {
		a := testkit.Load(b, p)
		for _, opts := range []render.Options{{}, {Theme: "dark", Scale: 2}} {
			lr := laidOut(b, a, opts)
			img, err := Paint(lr.Poster, float64(max(opts.Scale, 1)))
			if err != nil {
				b.Fatal(err)
			}
			name := strings.TrimSuffix(filepath.Base(p), filepath.Ext(p))
			if opts.Theme != "" {
				name += "-dark-2x"
			}
			for _, f := range []struct {
				name string
				f    Filter
			}{{"none", FilterNone}, {"up", FilterUp}} {
				b.Run(name+"/"+f.name, func(b *testing.B) {
					var buf bytes.Buffer
					for b.Loop() {
						buf.Reset()
						if err := encodeRGB(&buf, img.(*image.RGBA), nil, f.f); err != nil {
							b.Fatal(err)
						}
					}
					b.ReportMetric(float64(buf.Len()), "png-bytes")
				})
			}
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

func decodeRGBA(data []byte) (*image.RGBA, error) {
	img, err := stdpng.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	out := image.NewRGBA(img.Bounds())
	draw.Draw(out, out.Rect, img, img.Bounds().Min, draw.Src)
	return out, nil
}
