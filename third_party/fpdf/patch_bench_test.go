package fpdf

import (
	"bytes"
	"os"
	"testing"
)

// The benchmarks behind PATCHES.md: they run unchanged on the upstream
// module, for the before figures.

func benchTTF(b *testing.B) []byte {
	ttf, err := os.ReadFile("font/DejaVuSansCondensed.ttf")
	if err != nil {
		b.Fatal(err)
	}
	return ttf
}

// BenchmarkPatchFontID: the font id of a UTF-8 font definition.
func BenchmarkPatchFontID(b *testing.B) {
	pdf := New("P", "mm", "A4", "")
	pdf.AddUTF8FontFromBytes("dejavu", "", benchTTF(b))
	def := pdf.fonts[getFontKey("dejavu", "")]
	for b.Loop() {
		generateFontID(def)
	}
}

// BenchmarkPatchDocument: a one-page document with two UTF-8 fonts, as
// each handout of a batch adds them.
func BenchmarkPatchDocument(b *testing.B) {
	ttf := benchTTF(b)
	bold, err := os.ReadFile("font/DejaVuSansCondensed-Bold.ttf")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		pdf := New("P", "mm", "A4", "")
		pdf.SetCompression(true)
		pdf.AddUTF8FontFromBytes("dejavu", "", ttf)
		pdf.AddUTF8FontFromBytes("dejavu", "B", bold)
		pdf.AddPage()
		pdf.SetFont("dejavu", "", 11)
		for i := range 40 {
			pdf.Text(10, 10+float64(i)*6, "The quick brown fox jumps over the lazy dog, 0123456789 Ελληνικά")
		}
		pdf.SetFont("dejavu", "B", 14)
		pdf.Text(10, 280, "A heading in bold")
		var buf bytes.Buffer
		if err := pdf.Output(&buf); err != nil {
			b.Fatal(err)
		}
	}
}
