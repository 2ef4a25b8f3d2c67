package fpdf

import (
	"bytes"
	"crypto/sha1"
	"encoding/json"
	"fmt"
	"os"
	"testing"
	"time"
)

// TestPatchedFontID: the hand-written widths hash the same bytes as
// encoding/json did (triptych patch).
func TestPatchedFontID(t *testing.T) {
	ttf, err := os.ReadFile("font/DejaVuSansCondensed.ttf")
	if err != nil {
		t.Fatal(err)
	}
	pdf := New("P", "mm", "A4", "")
	pdf.AddUTF8FontFromBytes("dejavu", "", ttf)
	def := pdf.fonts[getFontKey("dejavu", "")]
	old := def
	old.File = ""
	b, _ := json.Marshal(&old)
	if want := fmt.Sprintf("%x", sha1.Sum(b)); def.i != want {
		t.Errorf("font id %s, want %s", def.i, want)
	}
}

// TestPatchedFontCache: a document that takes a font from the cache is
// the same bytes as one that parsed it (triptych patch).
func TestPatchedFontCache(t *testing.T) {
	ttf, err := os.ReadFile("font/DejaVuSansCondensed.ttf")
	if err != nil {
		t.Fatal(err)
	}
	doc := func(text string) []byte {
		pdf := New("P", "mm", "A4", "")
		pdf.SetCompression(true)
		pdf.SetCreationDate(patchTime)
		pdf.SetModificationDate(patchTime)
		pdf.AddUTF8FontFromBytes("dejavu", "", ttf)
		pdf.SetFont("dejavu", "", 12)
		pdf.AddPage()
		pdf.Text(10, 20, text)
		var buf bytes.Buffer
		if err := pdf.Output(&buf); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	clear(utf8FontCache.entries)
	first := doc("Ünïcödé Ελληνικά")
	other := doc("something else")
	again := doc("Ünïcödé Ελληνικά")
	if !bytes.Equal(first, again) {
		t.Error("the cached font gives other bytes")
	}
	if bytes.Equal(first, other) {
		t.Error("the subset does not follow the text")
	}
}

var patchTime = time.Date(2020, 1, 2, 3, 4, 5, 0, time.UTC)
