package png

import (
	"cmp"
	"image"
	"image/color"
	"slices"

	"github.com/soniakeys/quant/median"
)

// A poster is a few flat colours and the anti-aliased edges between
// them: about 1,000 to 4,000 distinct colours, most of them on a handful
// of pixels each. Quantize reduces it to a palette of at most 256 for
// --png-palette (a third of the file size, PSNR near 50 dB on the example
// and the test articles; see TestPaletteQuality).
//
// Median cut (soniakeys/quant) chooses the palette, but from the colour
// histogram rather than from every pixel: each distinct colour stands for
// its pixels in a sample of at most sampleBudget pixels, in proportion to
// its count (at least once). Quantising the whole canvas pixel by pixel
// took 0.3–2 s; the sample takes milliseconds, and the large flat areas,
// which hold nearly all the pixels, keep their exact colours.

// sampleBudget bounds the pixels median cut sees.
const sampleBudget = 1 << 16

// Quantize returns an opaque image as a paletted one of at most 256
// colours: the image's own colours when it has no more, else those median
// cut chooses, each pixel taking the nearest. The result depends only on
// the pixels.
func Quantize(img *image.RGBA) *image.Paletted {
	b := img.Bounds()
	// Runs of one colour are counted once: most of a poster is flat.
	counts := map[uint32]int{}
	for y := b.Min.Y; y < b.Max.Y; y++ {
		row := img.Pix[img.PixOffset(b.Min.X, y):img.PixOffset(b.Max.X, y)]
		run, n := uint32(1<<24), 0 // no colour yet
		for i := 0; i < len(row); i += 4 {
			c := uint32(row[i])<<16 | uint32(row[i+1])<<8 | uint32(row[i+2])
			if c != run {
				if n > 0 {
					counts[run] += n
				}
				run, n = c, 0
			}
			n++
		}
		if n > 0 {
			counts[run] += n
		}
	}
	type entry struct {
		rgb   uint32
		count int
	}
	colors := make([]entry, 0, len(counts))
	for c, n := range counts {
		colors = append(colors, entry{c, n})
	}
	// Most frequent first (the background takes index 0), then by value:
	// map order never reaches the output.
	slices.SortFunc(colors, func(a, b entry) int {
		return cmp.Or(cmp.Compare(b.count, a.count), cmp.Compare(a.rgb, b.rgb))
	})
	rgba := func(c uint32) color.RGBA { return color.RGBA{uint8(c >> 16), uint8(c >> 8), uint8(c), 255} }

	var pal color.Palette
	if len(colors) <= 256 {
		for _, e := range colors {
			pal = append(pal, rgba(e.rgb))
		}
	} else {
		total := b.Dx() * b.Dy()
		per := max(1, total/sampleBudget) // pixels one sample pixel stands for
		n := 0
		for _, e := range colors {
			n += max(1, e.count/per)
		}
		sample := image.NewRGBA(image.Rect(0, 0, n, 1))
		x := 0
		for _, e := range colors {
			for range max(1, e.count/per) {
				sample.SetRGBA(x, 0, rgba(e.rgb))
				x++
			}
		}
		for _, c := range median.Quantizer(256).Quantize(make(color.Palette, 0, 256), sample) {
			pal = append(pal, color.RGBAModel.Convert(c))
		}
	}
	index := make(map[uint32]uint8, len(colors))
	for _, e := range colors {
		index[e.rgb] = uint8(nearest(pal, rgba(e.rgb)))
	}
	out := image.NewPaletted(b, pal)
	for y := b.Min.Y; y < b.Max.Y; y++ {
		row := img.Pix[img.PixOffset(b.Min.X, y):img.PixOffset(b.Max.X, y)]
		dst := out.Pix[out.PixOffset(b.Min.X, y):]
		last, at := uint32(1<<24), uint8(0)
		for i := 0; i < len(row); i += 4 {
			if c := uint32(row[i])<<16 | uint32(row[i+1])<<8 | uint32(row[i+2]); c != last {
				last, at = c, index[c]
			}
			dst[i/4] = at
		}
	}
	return out
}

// nearest returns the index of the palette colour closest to c.
func nearest(pal color.Palette, c color.RGBA) int {
	best, bestD := 0, -1
	for i, p := range pal {
		q := p.(color.RGBA)
		dr, dg, db := int(c.R)-int(q.R), int(c.G)-int(q.G), int(c.B)-int(q.B)
		if d := dr*dr + dg*dg + db*db; bestD < 0 || d < bestD {
			best, bestD = i, d
		}
	}
	return best
}
