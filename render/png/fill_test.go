package png

import (
	"bytes"
	"hash/adler32"
	"image"
	"image/color"
	"math/rand/v2"
	"testing"

	"github.com/fogleman/gg"
)

// TestFillerMatchesGG paints random rectangles (whole-pixel and not),
// rounded rectangles and circles with filler and with gg, over each other,
// and compares every pixel.
func TestFillerMatchesGG(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	const w, h = 160, 120
	for round := range 200 {
		mine := image.NewRGBA(image.Rect(0, 0, w, h))
		dc := gg.NewContext(w, h)
		fl := newFiller(mine)
		bg := color.NRGBA{uint8(rng.IntN(256)), uint8(rng.IntN(256)), uint8(rng.IntN(256)), 255}
		dc.SetColor(bg)
		dc.Clear()
		fl.setColor(bg)
		fl.fillRect(mine.Rect)
		coord := func(max float64) float64 {
			switch rng.IntN(3) {
			case 0:
				return float64(rng.IntN(int(max)+20) - 10) // whole pixels, some off the canvas
			case 1:
				return float64(rng.IntN(int(max)*2)) / 2
			}
			return rng.Float64()*(max+20) - 10
		}
		for range 12 {
			c := color.NRGBA{uint8(rng.IntN(256)), uint8(rng.IntN(256)), uint8(rng.IntN(256)), 255}
			dc.SetColor(c)
			fl.setColor(c)
			x, y := coord(w), coord(h)
			rw, rh := coord(w)/2, coord(h)/2
			switch rng.IntN(3) {
			case 0:
				dc.DrawRectangle(x, y, rw, rh)
				dc.Fill()
				fl.rectangle(x, y, rw, rh)
			case 1:
				if rw <= 0 || rh <= 0 {
					continue
				}
				r := min(rng.Float64()*20, rw/2, rh/2)
				dc.DrawRoundedRectangle(x, y, rw, rh, r)
				dc.Fill()
				fl.roundedRectangle(x, y, rw, rh, r)
			case 2:
				r := rng.Float64() * 30
				dc.DrawCircle(x, y, r)
				dc.Fill()
				fl.circle(x, y, r)
			}
		}
		if !bytes.Equal(mine.Pix, dc.Image().(*image.RGBA).Pix) {
			t.Fatalf("round %d: the pixels differ from gg's", round)
		}
	}
}

// TestEncodeKeepsPixels: the RGB encoder, with either filter, decodes to
// the pixels it was given.
func TestEncodeKeepsPixels(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for _, w := range []int{1, 2, 3, 8, 97} {
		img := image.NewRGBA(image.Rect(0, 0, w, 61))
		for i := range img.Pix {
			img.Pix[i] = uint8(rng.IntN(4) * 60)
			if i%4 == 3 {
				img.Pix[i] = 255
			}
		}
		copy(img.Pix[10*img.Stride:11*img.Stride], img.Pix[9*img.Stride:]) // a row equal to the one above
		for _, f := range []Filter{FilterNone, FilterUp} {
			var buf bytes.Buffer
			if err := encodeRGB(&buf, img, []TextChunk{{"Title", "é"}}, f); err != nil {
				t.Fatal(err)
			}
			got, err := decodeRGBA(buf.Bytes())
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got.Pix, img.Pix) {
				t.Errorf("width %d, filter %d: the decoded pixels differ", w, f)
			}
		}
	}
}

func TestAdler(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	var all []byte
	s := adler{a: 1}
	for range 300 {
		if rng.IntN(2) == 0 {
			n := rng.IntN(20000)
			all = append(all, make([]byte, n)...)
			s.zeros(n)
		} else {
			p := make([]byte, rng.IntN(9000))
			for i := range p {
				if rng.IntN(3) == 0 {
					p[i] = byte(rng.IntN(256))
				}
			}
			all = append(all, p...)
			s.update(p)
		}
	}
	if got, want := s.sum(), adler32.Checksum(all); got != want {
		t.Errorf("adler %08x, want %08x", got, want)
	}
}
