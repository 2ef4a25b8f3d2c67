// Package png paints a laid-out poster with gg and encodes it as PNG, with
// text metadata chunks and an alt-text sidecar.
package png

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"sync"
	"time"

	"github.com/fogleman/gg"
	"github.com/golang/freetype/truetype"
	"golang.org/x/image/font"
	"golang.org/x/image/math/fixed"

	"github.com/triptych/triptych/layout"
	"github.com/triptych/triptych/layout/fonts"
	"github.com/triptych/triptych/render"
)

// MaxPixels bounds the canvas: 4096 × 8192 pixels at the chosen scale.
const (
	MaxWidthPx  = layout.MaxCanvasWidthPx
	MaxHeightPx = layout.MaxCanvasHeightPx
)

// Renderer renders the infographic as PNG.
type Renderer struct{}

var _ render.Renderer = Renderer{}

// Format returns render.PNG.
func (Renderer) Format() render.Format { return render.PNG }

// Needs returns the poster.
func (Renderer) Needs() layout.Parts { return layout.Parts{Poster: true} }

// Render paints the laid-out poster and returns the PNG and its alt-text
// sidecar. The canvas is a pooled one, painted over whole, and encoded
// straight from it.
func (Renderer) Render(res *layout.Result, opts render.Options) (render.Result, error) {
	doc := res.Poster
	if doc == nil {
		return render.Result{}, fmt.Errorf("png: the layout has no poster")
	}
	scale := opts.Scale
	if scale == 0 {
		scale = 1
	}
	if scale < 1 || scale > 3 {
		return render.Result{}, fmt.Errorf("scale %d: use 1, 2 or 3", scale)
	}
	w, h, err := canvasSize(doc, float64(scale))
	if err != nil {
		return render.Result{}, err
	}
	canvas := getCanvas(w, h)
	defer putCanvas(canvas)
	if err := paint(canvas, doc, float64(scale)); err != nil {
		return render.Result{}, err
	}
	var buf bytes.Buffer
	if opts.PNGPalette {
		err = Encode(&buf, Quantize(canvas), Metadata(res.Meta))
	} else {
		err = encodeRGB(&buf, canvas, Metadata(res.Meta), shippedFilter)
	}
	if err != nil {
		return render.Result{}, err
	}
	return render.Result{
		Files: []render.File{
			{Suffix: ".png", Data: buf.Bytes()},
			{Suffix: ".alt.txt", Data: []byte(res.Meta.AltText + "\n")},
		},
	}, nil
}

// canvases keeps canvases for reuse: a fresh one costs a page fault per
// 4 KiB the first time it is painted.
var canvases sync.Pool

func getCanvas(w, h int) *image.RGBA {
	if c, ok := canvases.Get().(*image.RGBA); ok && cap(c.Pix) >= 4*w*h {
		return &image.RGBA{Pix: c.Pix[:4*w*h], Stride: 4 * w, Rect: image.Rect(0, 0, w, h)}
	}
	return image.NewRGBA(image.Rect(0, 0, w, h))
}

func putCanvas(c *image.RGBA) { canvases.Put(c) }

var (
	parseOnce sync.Once
	parsed    [8]*truetype.Font
	parseErr  error
)

// truetypeFonts parses each embedded face once per process for the
// rasteriser; the parsed fonts are safe to share, faces are not.
func truetypeFonts() ([8]*truetype.Font, error) {
	parseOnce.Do(func() {
		for _, f := range fonts.All {
			parsed[f], parseErr = truetype.Parse(f.TTF())
			if parseErr != nil {
				return
			}
		}
	})
	return parsed, parseErr
}

// noKern draws without kerning, as the layout measured.
type noKern struct{ font.Face }

func (noKern) Kern(_, _ rune) fixed.Int26_6 { return 0 }

func canvasSize(doc *layout.Document, scale float64) (int, int, error) {
	w, h := int(doc.Width*scale+0.5), int(doc.Height*scale+0.5)
	if w <= 0 || h <= 0 || w > MaxWidthPx || h > MaxHeightPx {
		return 0, 0, fmt.Errorf("poster of %d×%d pixels is outside the limit of %d×%d", w, h, MaxWidthPx, MaxHeightPx)
	}
	return w, h, nil
}

// Paint rasterises the first page of doc at scale pixels per point.
// Glyphs are rasterised at the scaled size, never scaled as bitmaps.
func Paint(doc *layout.Document, scale float64) (image.Image, error) {
	w, h, err := canvasSize(doc, scale)
	if err != nil {
		return nil, err
	}
	canvas := image.NewRGBA(image.Rect(0, 0, w, h))
	if err := paint(canvas, doc, scale); err != nil {
		return nil, err
	}
	return canvas, nil
}

type faceKey struct {
	f    fonts.Face
	size float64
}

// faceCache holds rasteriser faces and their glyph caches. Faces are not
// safe for concurrent use, so each paint takes a cache from the pool and
// puts it back: the glyphs of one article are ready for the next.
type faceCache struct {
	faces map[faceKey]font.Face
	tts   [8]*truetype.Font
}

// maxCachedFaces bounds a cache: fixed-size posters shrink their type,
// so a batch can ask for many sizes.
const maxCachedFaces = 48

var faceCaches sync.Pool

func (c *faceCache) face(f fonts.Face, size float64) (font.Face, error) {
	key := faceKey{f, size}
	face, ok := c.faces[key]
	if !ok {
		if len(c.faces) >= maxCachedFaces {
			clear(c.faces)
		}
		tt, err := c.font(f)
		if err != nil {
			return nil, err
		}
		face = noKern{truetype.NewFace(tt, &truetype.Options{Size: size, Hinting: font.HintingNone, GlyphCacheEntries: 1024})}
		c.faces[key] = face
	}
	return face, nil
}

func (c *faceCache) font(f fonts.Face) (*truetype.Font, error) {
	if !f.IsFallback() {
		return c.tts[f], nil
	}
	if tt, ok := fallbackFonts.Load(f); ok {
		return tt.(*truetype.Font), nil
	}
	tt, err := truetype.Parse(f.TTF())
	if err != nil {
		return nil, fmt.Errorf("font %s: %w", f, err)
	}
	actual, _ := fallbackFonts.LoadOrStore(f, tt)
	return actual.(*truetype.Font), nil
}

// fallbackFonts holds the fallback fonts parsed for the rasteriser, by
// face: parsed once per process, like the embedded ones.
var fallbackFonts sync.Map

// paint paints the first page of doc onto canvas, all of which it covers.
// Fills (rectangles, rounded rectangles, circles) go through filler, which
// gives gg's pixels faster; rules, icon paths and images go through gg.
func paint(canvas *image.RGBA, doc *layout.Document, scale float64) error {
	tts, err := truetypeFonts()
	if err != nil {
		return err
	}
	fl := newFiller(canvas)
	fl.setColor(rgb(doc.Background))
	fl.fillRect(canvas.Rect)
	if len(doc.Pages) == 0 {
		return nil
	}
	faces, _ := faceCaches.Get().(*faceCache)
	if faces == nil {
		faces = &faceCache{faces: map[faceKey]font.Face{}, tts: tts}
	}
	defer faceCaches.Put(faces)
	var dc *gg.Context // made on first use: one context keeps gg's stroke state
	ggc := func() *gg.Context {
		if dc == nil {
			dc = gg.NewContextForRGBA(canvas)
		}
		return dc
	}
	for _, b := range doc.Pages[0].Boxes {
		switch b := b.(type) {
		case *layout.Fill:
			fl.setColor(rgb(b.Color))
			if b.Radius > 0 {
				r := min(b.Radius, b.W/2, b.H/2) * scale
				fl.roundedRectangle(b.X*scale, b.Y*scale, b.W*scale, b.H*scale, r)
			} else {
				fl.rectangle(b.X*scale, b.Y*scale, b.W*scale, b.H*scale)
			}
		case *layout.Text:
			if err := drawText(canvas, faces, b, scale); err != nil {
				return err
			}
		case *layout.Rule:
			dc := ggc()
			dc.SetColor(rgb(b.Color))
			dc.SetLineWidth(b.Width * scale)
			dc.DrawLine(b.X1*scale, b.Y1*scale, b.X2*scale, b.Y2*scale)
			dc.Stroke()
		case *layout.Circle:
			fl.setColor(rgb(b.Color))
			fl.circle(b.CX*scale, b.CY*scale, b.R*scale)
		case *layout.Path:
			dc := ggc()
			dc.SetColor(rgb(b.Color))
			for _, op := range b.Ops {
				p := op.Pts
				switch op.Kind {
				case 'M':
					dc.MoveTo(p[0]*scale, p[1]*scale)
				case 'L':
					dc.LineTo(p[0]*scale, p[1]*scale)
				case 'C':
					dc.CubicTo(p[0]*scale, p[1]*scale, p[2]*scale, p[3]*scale, p[4]*scale, p[5]*scale)
				case 'Z':
					dc.ClosePath()
				}
			}
			dc.SetLineWidth(b.Stroke * scale)
			dc.SetLineCapRound()
			dc.SetLineJoinRound()
			if b.Fill {
				dc.FillPreserve()
			}
			dc.Stroke()
		case *layout.Image:
			src, err := png.Decode(bytes.NewReader(b.PNG))
			if err != nil {
				return fmt.Errorf("embedded image: %w", err)
			}
			dc := ggc()
			sb := src.Bounds()
			dc.Push()
			dc.Translate(b.X*scale, b.Y*scale)
			dc.Scale(b.W*scale/float64(sb.Dx()), b.H*scale/float64(sb.Dy()))
			dc.DrawImage(src, 0, 0)
			dc.Pop()
		default:
			return fmt.Errorf("png: unknown box kind %T", b)
		}
	}
	return nil
}

func rgb(c layout.Color) color.NRGBA { return color.NRGBA{c.R, c.G, c.B, 255} }

// Metadata returns the PNG text chunks of an article's poster. The
// creation time is the layout's stamp, the same date as the PDF's and the
// workbook's.
func Metadata(m layout.Meta) []TextChunk {
	chunks := []TextChunk{{"Title", m.Title}}
	if m.Author != "" {
		chunks = append(chunks, TextChunk{"Author", m.Author})
	}
	chunks = append(chunks, TextChunk{"Description", m.AltText})
	if m.SourceURL != "" {
		chunks = append(chunks, TextChunk{"Source", m.SourceURL})
	}
	chunks = append(chunks, TextChunk{"Creation Time", m.Stamp.UTC().Format(time.RFC1123Z)})
	return append(chunks, TextChunk{"Software", m.Creator})
}

// drawText draws a text box, in runs when fallback fonts draw some of
// its characters, each run at the advance the layout measured.
func drawText(canvas *image.RGBA, faces *faceCache, b *layout.Text, scale float64) error {
	src := image.NewUniform(rgb(b.Color))
	for _, r := range b.Runs() {
		if err := drawRun(canvas, faces, src, b, r.Face, r.Text, r.X, scale); err != nil {
			return err
		}
		if r.Embolden {
			// Drawn twice, the second time a little to the right.
			if err := drawRun(canvas, faces, src, b, r.Face, r.Text, r.X+b.Size*fonts.SyntheticBold, scale); err != nil {
				return err
			}
		}
	}
	return nil
}

// drawRun draws text in one face from x.
func drawRun(canvas *image.RGBA, faces *faceCache, src image.Image, b *layout.Text, f fonts.Face, text string, x, scale float64) error {
	face, err := faces.face(f, b.Size*scale)
	if err != nil {
		return err
	}
	// gg would push every glyph through a bilinear transform; with an
	// identity matrix a plain Drawer composites the face's cached glyph
	// masks directly, about three times faster.
	d := font.Drawer{Dst: canvas, Src: src, Face: face,
		Dot: fixed.Point26_6{X: fixed.Int26_6(x * scale * 64), Y: fixed.Int26_6(b.Baseline * scale * 64)}}
	if b.Tracking == 0 {
		d.DrawString(text)
	} else {
		drawTracked(&d, text, fixed.Int26_6(b.Tracking*scale*64))
	}
	return nil
}

// drawTracked draws s as font.Drawer.DrawString does, with track added
// after each glyph: the letter spacing of a justified line.
func drawTracked(d *font.Drawer, s string, track fixed.Int26_6) {
	prev := rune(-1)
	for _, c := range s {
		if prev >= 0 {
			d.Dot.X += d.Face.Kern(prev, c) + track
		}
		dr, mask, maskp, advance, _ := d.Face.Glyph(d.Dot, c)
		if !dr.Empty() {
			draw.DrawMask(d.Dst, dr, d.Src, image.Point{}, mask, maskp, draw.Over)
		}
		d.Dot.X += advance
		prev = c
	}
}
