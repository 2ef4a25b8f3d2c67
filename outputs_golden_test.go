package triptych

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"image"
	"image/draw"
	stdpng "image/png"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/triptych/triptych/content"
	"github.com/triptych/triptych/render"
)

// goldenOutputs records what the outputs of the example and the test
// articles say, as hashes: the PNG's decoded pixels (not its bytes, which
// depend on the encoder), the alt text, the PDF's bytes and its pdftotext
// text, and every XLSX cell. It was written by the code before the speed
// work of issue 14 (PNG encoder, direct fills, fpdf font cache, concurrent
// formats), which must change none of them. UPDATE_GOLDEN=1 rewrites it.
const goldenOutputs = "testdata/golden/outputs.json"

type goldenCase struct {
	PNGPixels string `json:"png_pixels"`
	AltText   string `json:"alt_text"`
	PDF       string `json:"pdf"`
	PDFText   string `json:"pdf_text,omitempty"`
	XLSXCells string `json:"xlsx_cells"`
}

func goldenArticles(t *testing.T) []string {
	paths := []string{"examples/software-engineer-vs-platform-sre.md", "examples/software-engineer-vs-platform-sre.txt", "testdata/long/long-comparison.md"}
	for _, glob := range []string{"testdata/articles/*.txt", "testdata/markdown/*.md"} {
		m, err := filepath.Glob(glob)
		if err != nil {
			t.Fatal(err)
		}
		sort.Strings(m)
		paths = append(paths, m...)
	}
	return paths
}

func sum(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:16])
}

// pixelHash hashes a PNG's decoded pixels as 8-bit NRGBA.
func pixelHash(t *testing.T, data []byte) string {
	img, err := stdpng.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	b := img.Bounds()
	n := image.NewNRGBA(b)
	draw.Draw(n, b, img, b.Min, draw.Src)
	return fmt.Sprintf("%dx%d:%s", b.Dx(), b.Dy(), sum(n.Pix))
}

func cellsHash(t *testing.T, data []byte) string {
	x, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	var all bytes.Buffer
	for _, sheet := range x.GetSheetList() {
		rows, err := x.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&all, "sheet %q\n", sheet)
		for _, r := range rows {
			enc, _ := json.Marshal(r)
			all.Write(enc)
			all.WriteByte('\n')
		}
	}
	return sum(all.Bytes())
}

func pdfTextHash(t *testing.T, data []byte) string {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		return ""
	}
	path := filepath.Join(t.TempDir(), "x.pdf")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	return sum(out)
}

// TestOutputsMatchGolden renders the example and the test articles in
// several option sets and compares what each output says with the golden.
func TestOutputsMatchGolden(t *testing.T) {
	optionSets := map[string]render.Options{
		"default": {Version: "0.0.0-golden"},
	}
	exampleOnly := map[string]render.Options{
		"dark-og-2x":         {Version: "0.0.0-golden", Theme: "dark", Size: "og", Scale: 2},
		"square-letter":      {Version: "0.0.0-golden", Size: "square", Paper: "letter"},
		"pinterest-accented": {Version: "0.0.0-golden", Size: "pinterest", Accents: []string{"#1f6feb", "#d9480f"}, Scale: 3},
	}
	got := map[string]goldenCase{}
	formats := []render.Format{render.PNG, render.PDF, render.XLSX}
	for i, p := range goldenArticles(t) {
		a, err := content.Load(p)
		if err != nil {
			continue // a test article of what is refused
		}
		sets := map[string]render.Options{}
		for k, v := range optionSets {
			sets[k] = v
		}
		if i == 0 {
			for k, v := range exampleOnly {
				sets[k] = v
			}
		}
		for name, opts := range sets {
			files, _, err := RenderArticle(a, formats, opts)
			if err != nil {
				t.Fatalf("%s %s: %v", p, name, err)
			}
			var c goldenCase
			for _, f := range files {
				switch f.Suffix {
				case ".png":
					c.PNGPixels = pixelHash(t, f.Data)
				case ".alt.txt":
					c.AltText = sum(f.Data)
				case ".pdf":
					c.PDF = sum(f.Data)
					c.PDFText = pdfTextHash(t, f.Data)
				case ".xlsx":
					c.XLSXCells = cellsHash(t, f.Data)
				}
			}
			got[filepath.ToSlash(p)+" "+name] = c
		}
	}
	if os.Getenv("UPDATE_GOLDEN") == "1" {
		enc, _ := json.MarshalIndent(got, "", "  ")
		os.MkdirAll(filepath.Dir(goldenOutputs), 0o755)
		if err := os.WriteFile(goldenOutputs, append(enc, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	data, err := os.ReadFile(goldenOutputs)
	if err != nil {
		t.Fatalf("%v (UPDATE_GOLDEN=1 writes it)", err)
	}
	var want map[string]goldenCase
	if err := json.Unmarshal(data, &want); err != nil {
		t.Fatal(err)
	}
	keys := make([]string, 0, len(want))
	for k := range want {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		w, g := want[k], got[k]
		if g.PDFText == "" {
			w.PDFText = "" // pdftotext is not installed here
		}
		if w != g {
			var diffs []string
			if w.PNGPixels != g.PNGPixels {
				diffs = append(diffs, "PNG pixels")
			}
			if w.AltText != g.AltText {
				diffs = append(diffs, "alt text")
			}
			if w.PDF != g.PDF {
				diffs = append(diffs, "PDF bytes")
			}
			if w.PDFText != g.PDFText {
				diffs = append(diffs, "PDF text")
			}
			if w.XLSXCells != g.XLSXCells {
				diffs = append(diffs, "XLSX cells")
			}
			t.Errorf("%s: %s changed", k, strings.Join(diffs, ", "))
		}
	}
	if len(got) != len(want) {
		t.Errorf("%d cases rendered, the golden has %d", len(got), len(want))
	}
}
