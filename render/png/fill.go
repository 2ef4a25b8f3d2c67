package png

import (
	"image"
	"image/color"
	"math"

	"github.com/golang/freetype/raster"
	"golang.org/x/image/math/fixed"
)

// filler fills rectangles, rounded rectangles and circles into an RGBA
// canvas exactly as gg does (the same path, point by point, through the
// same freetype rasteriser, blended with the same arithmetic as
// raster.RGBAPainter), except that a span the shape fully covers is
// copied in as the colour's bytes instead of blended pixel by pixel: with
// an opaque colour and full coverage the blend gives exactly those bytes.
// Large opaque fills, most of a poster's area, thus cost a memory fill.
//
// A rectangle whose edges fall exactly on whole pixels skips the
// rasteriser too: gg covers those pixels fully and nothing else, so they
// are set to the colour directly.
type filler struct {
	im   *image.RGBA
	r    *raster.Rasterizer
	path raster.Path
	// The gg path state: the start of the subpath and whether there is a
	// current point.
	start      fixed.Point26_6
	hasCurrent bool
	// The colour as raster.RGBAPainter holds it, and as bytes.
	cr, cg, cb, ca uint32
	px             [4]byte
}

func newFiller(im *image.RGBA) *filler {
	w, h := im.Bounds().Dx(), im.Bounds().Dy()
	r := raster.NewRasterizer(w, h)
	r.UseNonZeroWinding = true // gg's default fill rule
	return &filler{im: im, r: r}
}

func (f *filler) setColor(c color.NRGBA) {
	f.cr, f.cg, f.cb, f.ca = c.RGBA()
	f.px = [4]byte{uint8(f.cr >> 8), uint8(f.cg >> 8), uint8(f.cb >> 8), uint8(f.ca >> 8)}
}

// fixp converts as gg does (truncation towards zero, after the identity
// transform).
func fixp(x, y float64) fixed.Point26_6 {
	return fixed.Point26_6{X: fixed.Int26_6(x * 64), Y: fixed.Int26_6(y * 64)}
}

func (f *filler) newSubPath() {
	if f.hasCurrent {
		f.path.Add1(f.start)
	}
	f.hasCurrent = false
}

func (f *filler) moveTo(x, y float64) {
	if f.hasCurrent {
		f.path.Add1(f.start)
	}
	p := fixp(x, y)
	f.path.Start(p)
	f.start = p
	f.hasCurrent = true
}

func (f *filler) lineTo(x, y float64) {
	if !f.hasCurrent {
		f.moveTo(x, y)
		return
	}
	f.path.Add1(fixp(x, y))
}

func (f *filler) quadraticTo(x1, y1, x2, y2 float64) {
	if !f.hasCurrent {
		f.moveTo(x1, y1)
	}
	f.path.Add2(fixp(x1, y1), fixp(x2, y2))
}

func (f *filler) closePath() {
	if f.hasCurrent {
		f.path.Add1(f.start)
	}
}

// ellipticalArc is gg's DrawEllipticalArc: 16 quadratic segments.
func (f *filler) ellipticalArc(x, y, rx, ry, angle1, angle2 float64) {
	const n = 16
	for i := 0; i < n; i++ {
		p1 := float64(i+0) / n
		p2 := float64(i+1) / n
		a1 := angle1 + (angle2-angle1)*p1
		a2 := angle1 + (angle2-angle1)*p2
		x0 := x + rx*math.Cos(a1)
		y0 := y + ry*math.Sin(a1)
		x1 := x + rx*math.Cos((a1+a2)/2)
		y1 := y + ry*math.Sin((a1+a2)/2)
		x2 := x + rx*math.Cos(a2)
		y2 := y + ry*math.Sin(a2)
		cx := 2*x1 - x0/2 - x2/2
		cy := 2*y1 - y0/2 - y2/2
		if i == 0 {
			if f.hasCurrent {
				f.lineTo(x0, y0)
			} else {
				f.moveTo(x0, y0)
			}
		}
		f.quadraticTo(cx, cy, x2, y2)
	}
}

func radians(degrees float64) float64 { return degrees * math.Pi / 180 }

// rectangle fills gg's DrawRectangle(x, y, w, h).
func (f *filler) rectangle(x, y, w, h float64) {
	if r, ok := pixelRect(x, y, w, h); ok {
		f.fillRect(r)
		return
	}
	f.newSubPath()
	f.moveTo(x, y)
	f.lineTo(x+w, y)
	f.lineTo(x+w, y+h)
	f.lineTo(x, y+h)
	f.closePath()
	f.fill()
}

// pixelRect returns the pixels a rectangle covers when its edges, as gg
// computes and fixes them, fall on whole pixels; then gg covers exactly
// those pixels, fully.
func pixelRect(x, y, w, h float64) (image.Rectangle, bool) {
	p0, p1 := fixp(x, y), fixp(x+w, y+h)
	if p0.X&63 != 0 || p0.Y&63 != 0 || p1.X&63 != 0 || p1.Y&63 != 0 || p1.X < p0.X || p1.Y < p0.Y {
		return image.Rectangle{}, false
	}
	// Only edges given exactly (not truncated into place) are taken.
	if x*64 != float64(p0.X) || y*64 != float64(p0.Y) || (x+w)*64 != float64(p1.X) || (y+h)*64 != float64(p1.Y) {
		return image.Rectangle{}, false
	}
	return image.Rect(int(p0.X>>6), int(p0.Y>>6), int(p1.X>>6), int(p1.Y>>6)), true
}

// roundedRectangle fills gg's DrawRoundedRectangle(x, y, w, h, r).
func (f *filler) roundedRectangle(x, y, w, h, r float64) {
	x0, x1, x2, x3 := x, x+r, x+w-r, x+w
	y0, y1, y2, y3 := y, y+r, y+h-r, y+h
	f.newSubPath()
	f.moveTo(x1, y0)
	f.lineTo(x2, y0)
	f.ellipticalArc(x2, y1, r, r, radians(270), radians(360))
	f.lineTo(x3, y2)
	f.ellipticalArc(x2, y2, r, r, radians(0), radians(90))
	f.lineTo(x1, y3)
	f.ellipticalArc(x1, y2, r, r, radians(90), radians(180))
	f.lineTo(x0, y1)
	f.ellipticalArc(x1, y1, r, r, radians(180), radians(270))
	f.closePath()
	f.fill()
}

// circle fills gg's DrawCircle(x, y, r).
func (f *filler) circle(x, y, r float64) {
	f.newSubPath()
	f.ellipticalArc(x, y, r, r, 0, 2*math.Pi)
	f.closePath()
	f.fill()
}

// fill is gg's Fill: close the open subpath, rasterise with the non-zero
// rule, then clear the path.
func (f *filler) fill() {
	if f.hasCurrent {
		f.path.Add1(f.start)
	}
	f.r.Clear()
	f.r.AddPath(f.path)
	f.r.Rasterize(f)
	f.path.Clear()
	f.hasCurrent = false
}

// fillRect sets every pixel of r (clipped to the canvas) to the colour.
func (f *filler) fillRect(r image.Rectangle) {
	r = r.Intersect(f.im.Rect)
	if r.Empty() {
		return
	}
	for y := r.Min.Y; y < r.Max.Y; y++ {
		i0 := (y-f.im.Rect.Min.Y)*f.im.Stride + (r.Min.X-f.im.Rect.Min.X)*4
		f.setRun(f.im.Pix[i0 : i0+4*r.Dx()])
	}
}

// setRun fills a run of pixels with the colour's bytes.
func (f *filler) setRun(run []byte) {
	if len(run) == 0 {
		return
	}
	copy(run, f.px[:])
	for n := 4; n < len(run); n *= 2 {
		copy(run[n:], run[:n])
	}
}

// Paint implements raster.Painter as raster.RGBAPainter does with the
// Over operator, copying fully covered spans of an opaque colour.
func (f *filler) Paint(ss []raster.Span, done bool) {
	im := f.im
	b := im.Bounds()
	const m = 1<<16 - 1
	for _, s := range ss {
		if s.Y < b.Min.Y {
			continue
		}
		if s.Y >= b.Max.Y {
			return
		}
		if s.X0 < b.Min.X {
			s.X0 = b.Min.X
		}
		if s.X1 > b.Max.X {
			s.X1 = b.Max.X
		}
		if s.X0 >= s.X1 {
			continue
		}
		ma := s.Alpha
		i0 := (s.Y-im.Rect.Min.Y)*im.Stride + (s.X0-im.Rect.Min.X)*4
		i1 := i0 + (s.X1-s.X0)*4
		if ma == m && f.ca == m {
			f.setRun(im.Pix[i0:i1])
			continue
		}
		for i := i0; i < i1; i += 4 {
			dr := uint32(im.Pix[i+0])
			dg := uint32(im.Pix[i+1])
			db := uint32(im.Pix[i+2])
			da := uint32(im.Pix[i+3])
			a := (m - (f.ca * ma / m)) * 0x101
			im.Pix[i+0] = uint8((dr*a + f.cr*ma) / m >> 8)
			im.Pix[i+1] = uint8((dg*a + f.cg*ma) / m >> 8)
			im.Pix[i+2] = uint8((db*a + f.cb*ma) / m >> 8)
			im.Pix[i+3] = uint8((da*a + f.ca*ma) / m >> 8)
		}
	}
}
