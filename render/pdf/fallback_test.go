package pdf

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/triptych/triptych/internal/readers"
	"github.com/triptych/triptych/internal/testkit"
	"github.com/triptych/triptych/layout/fonts"
	"github.com/triptych/triptych/render"
)

// TestFallbackFontDrawsCJK builds the Japanese test article with Debian's
// Droid Sans Fallback (CJK) and DejaVu Sans (symbols: ★) as --font, in
// that order, and reads the handout with real readers: pikepdf finds no
// glyph drawn as .notdef (the "□" of a font lacking the character), the
// CJK text drawn by Droid and the stars by DejaVu (Droid lacks them),
// pdffonts lists both as named, embedded subsets, and pdftotext gives the
// Japanese text back.
// Without the fallback, the same check finds the placeholders it replaces.
func TestFallbackFontDrawsCJK(t *testing.T) {
	needPikepdf(t)
	fb, symbols := testkit.FallbackFonts(t)
	a := testkit.Load(t, "testdata/cjk/tokyo-vs-osaka.md")

	type report struct {
		Notdef []struct{ Font, Char string }
		Drawn  map[string]int
	}
	check := func(opts render.Options) (report, string) {
		path := readers.WriteTemp(t, "cjk.pdf", renderPDF(t, a, opts))
		var r report
		if err := json.Unmarshal([]byte(readers.Run(t, readers.Python, "testdata/notdef.py", path)), &r); err != nil {
			t.Fatal(err)
		}
		return r, path
	}

	with, path := check(render.Options{Fonts: []fonts.Face{fb, symbols}})
	for _, n := range with.Notdef {
		t.Errorf("with the fallback font, %q is drawn as .notdef in %s", n.Char, n.Font)
	}
	droid, dejavu := 0, 0
	for name, n := range with.Drawn {
		switch {
		case strings.HasSuffix(name, "+DroidSansFallback"):
			droid += n
		case strings.HasSuffix(name, "+DejaVuSans"):
			dejavu += n
		}
	}
	// The article has about 300 CJK characters, and 10 stars in its table
	// (drawn in the handout's table and again in the poster figure).
	if droid < 300 || dejavu < 20 {
		t.Errorf("Droid draws %d glyphs, DejaVu %d: want the article's CJK text and stars (%v)", droid, dejavu, with.Drawn)
	}
	out := readers.Run(t, "pdffonts", path)
	for _, name := range []string{"+DroidSansFallback ", "+DejaVuSans "} {
		if !strings.Contains(out, name) {
			t.Errorf("pdffonts does not list %s as an embedded subset:\n%s", name, out)
		}
	}
	// Bold text drawn by a fallback font (the headings) is filled and
	// stroked, since the font has no bold.
	plain := readers.WriteTemp(t, "cjk.qdf.pdf", nil)
	readers.Run(t, "qpdf", "--qdf", "--object-streams=disable", path, plain)
	if qdf, err := os.ReadFile(plain); err != nil || bytes.Count(qdf, []byte("2 Tr")) < 3 || bytes.Count(qdf, []byte("2 Tr")) != bytes.Count(qdf, []byte("0 Tr")) {
		t.Errorf("bold CJK text is not emboldened (fill and stroke, then back to fill): %v", err)
	}
	// Lines of Japanese break between any two characters.
	text := strings.ReplaceAll(readers.Run(t, "pdftotext", path, "-"), "\n", "")
	for _, want := range []string{"東京 vs 大阪：住みやすさ比較", "家賃（ワンルーム）", "製造業と商社が強い", "生活費と人の温かさを重視するなら大阪が向いています"} {
		if !strings.Contains(text, want) {
			t.Errorf("pdftotext lacks %q", want)
		}
	}

	// Without it, the embedded faces lack the characters: the layout
	// draws its placeholder, never a .notdef box, and the text layer still
	// says what the author wrote.
	without, path := check(render.Options{})
	for _, n := range without.Notdef {
		t.Errorf("without the fallback font, %q is drawn as .notdef in %s (want the placeholder)", n.Char, n.Font)
	}
	if text := readers.Run(t, "pdftotext", path, "-"); !strings.Contains(text, "製造業と商社が強い") {
		t.Error("without the fallback font, the text layer lost the Japanese text")
	}
}
