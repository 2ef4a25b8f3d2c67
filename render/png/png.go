// Package png paints a laid-out poster with gg and encodes it as PNG, with
// text metadata chunks and an alt-text sidecar.
package png

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
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
// sidecar.
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
	img, err := Paint(doc, float64(scale))
	if err != nil {
		return render.Result{}, err
	}
	var buf bytes.Buffer
	if err := Encode(&buf, img, Metadata(res.Meta)); err != nil {
		return render.Result{}, err
	}
	return render.Result{
		Files: []render.File{
			{Suffix: ".png", Data: buf.Bytes()},
			{Suffix: ".alt.txt", Data: []byte(res.Meta.AltText + "\n")},
		},
	}, nil
}

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

// Paint rasterises the first page of doc at scale pixels per point.
// Glyphs are rasterised at the scaled size, never scaled as bitmaps.
func Paint(doc *layout.Document, scale float64) (image.Image, error) {
	w, h := int(doc.Width*scale+0.5), int(doc.Height*scale+0.5)
	if w <= 0 || h <= 0 || w > MaxWidthPx || h > MaxHeightPx {
		return nil, fmt.Errorf("poster of %d×%d pixels is outside the limit of %d×%d", w, h, MaxWidthPx, MaxHeightPx)
	}
	tts, err := truetypeFonts()
	if err != nil {
		return nil, err
	}
	dc := gg.NewContext(w, h)
	dc.SetColor(rgb(doc.Background))
	dc.Clear()
	canvas, ok := dc.Image().(*image.RGBA)
	if !ok {
		return nil, fmt.Errorf("png: unexpected canvas type %T", dc.Image())
	}
	type faceKey struct {
		f    fonts.Face
		size float64
	}
	faces := map[faceKey]font.Face{}
	if len(doc.Pages) == 0 {
		return dc.Image(), nil
	}
	for _, b := range doc.Pages[0].Boxes {
		switch b := b.(type) {
		case *layout.Fill:
			dc.SetColor(rgb(b.Color))
			if b.Radius > 0 {
				r := min(b.Radius, b.W/2, b.H/2) * scale
				dc.DrawRoundedRectangle(b.X*scale, b.Y*scale, b.W*scale, b.H*scale, r)
			} else {
				dc.DrawRectangle(b.X*scale, b.Y*scale, b.W*scale, b.H*scale)
			}
			dc.Fill()
		case *layout.Text:
			key := faceKey{b.Face, b.Size * scale}
			face, ok := faces[key]
			if !ok {
				face = noKern{truetype.NewFace(tts[b.Face], &truetype.Options{Size: key.size, Hinting: font.HintingNone, GlyphCacheEntries: 1024})}
				faces[key] = face
			}
			// gg would push every glyph through a bilinear transform; with
			// an identity matrix a plain Drawer composites the face's cached
			// glyph masks directly, about three times faster.
			d := font.Drawer{Dst: canvas, Src: image.NewUniform(rgb(b.Color)), Face: face,
				Dot: fixed.Point26_6{X: fixed.Int26_6(b.X * scale * 64), Y: fixed.Int26_6(b.Baseline * scale * 64)}}
			d.DrawString(b.Text)
		case *layout.Rule:
			dc.SetColor(rgb(b.Color))
			dc.SetLineWidth(b.Width * scale)
			dc.DrawLine(b.X1*scale, b.Y1*scale, b.X2*scale, b.Y2*scale)
			dc.Stroke()
		case *layout.Circle:
			dc.SetColor(rgb(b.Color))
			dc.DrawCircle(b.CX*scale, b.CY*scale, b.R*scale)
			dc.Fill()
		case *layout.Path:
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
				return nil, fmt.Errorf("embedded image: %w", err)
			}
			sb := src.Bounds()
			dc.Push()
			dc.Translate(b.X*scale, b.Y*scale)
			dc.Scale(b.W*scale/float64(sb.Dx()), b.H*scale/float64(sb.Dy()))
			dc.DrawImage(src, 0, 0)
			dc.Pop()
		default:
			return nil, fmt.Errorf("png: unknown box kind %T", b)
		}
	}
	return dc.Image(), nil
}

func rgb(c layout.Color) color.Color { return color.NRGBA{c.R, c.G, c.B, 255} }

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
