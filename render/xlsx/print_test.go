package xlsx

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/triptych/triptych/internal/readers"
)

// TestPrintedPages prints the workbooks of a two- and a three-subject
// article through LibreOffice (as a reader would, File › Print to PDF) and
// checks the pages: every page has the title in its header and its page
// number in the footer, and on the Comparison and Scorecard pages every
// column is separated from the next by a rule from the header to the last
// row. With TRIPTYCH_DOCS=dir it saves those pages as PNG pictures there
// (make docs).
func TestPrintedPages(t *testing.T) {
	readers.Need(t, "soffice")
	readers.Need(t, "pdftoppm")
	readers.Need(t, "pdftotext")
	dir := t.TempDir()
	cases := []struct {
		src, pictures string
	}{
		{"../../examples/software-engineer-vs-platform-sre.md", "spreadsheet,scorecard"},
		{"../../testdata/articles/python-vs-java-vs-go.txt", "comparison-three-subjects,scorecard-three-subjects"},
	}
	var paths []string
	for _, c := range cases {
		p := filepath.Join(dir, safeLabel(c.src)+".xlsx")
		if err := os.WriteFile(p, renderXLSX(t, load(t, c.src)), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	if _, err := soffice(dir, append([]string{"--convert-to", "pdf", "--outdir", dir}, paths...)...); err != nil {
		t.Fatal(err)
	}
	for i, c := range cases {
		a := load(t, c.src)
		pdf := strings.TrimSuffix(paths[i], ".xlsx") + ".pdf"
		pages := pageTexts(t, pdf)
		if len(pages) < 3 {
			t.Fatalf("%s: %d pages", pdf, len(pages))
		}
		for n, text := range pages {
			if first := strings.TrimSpace(strings.SplitN(strings.TrimSpace(text), "\n", 2)[0]); first != a.Title {
				t.Errorf("%s page %d starts with %q, not the title", filepath.Base(pdf), n+1, first)
			}
			if !strings.Contains(text, fmt.Sprintf("Page %d of %d", n+1, len(pages))) {
				t.Errorf("%s page %d has no page number", filepath.Base(pdf), n+1)
			}
		}
		// The comparison starts on page 1; the scorecard on the page
		// that holds its totals' label.
		comparison, scorecard := 1, 0
		for n, text := range pages {
			if scorecard == 0 && strings.Contains(text, "Weighted score") {
				scorecard = n + 1
			}
		}
		if scorecard == 0 {
			t.Fatalf("%s: no page shows the scorecard", pdf)
		}
		columns := []int{1 + len(a.Table.Subjects), 2 + 2*len(a.Table.Subjects)}
		names := strings.Split(c.pictures, ",")
		for j, page := range []int{comparison, scorecard} {
			img := pageImage(t, pdf, page, 100)
			if rules := verticalRules(img); rules < columns[j]+1 {
				t.Errorf("%s page %d: %d vertical rules, want %d (one each side of %d columns)", filepath.Base(pdf), page, rules, columns[j]+1, columns[j])
			}
			if docs := os.Getenv("TRIPTYCH_DOCS"); docs != "" {
				savePNG(t, filepath.Join(docs, names[j]+".png"), pageImage(t, pdf, page, 100))
			}
		}
	}
}

// pageTexts returns the text of each page of a PDF.
func pageTexts(t *testing.T, pdf string) []string {
	t.Helper()
	out := readers.Run(t, "pdftotext", "-layout", pdf, "-")
	pages := strings.Split(out, "\f")
	if len(pages) > 0 && strings.TrimSpace(pages[len(pages)-1]) == "" {
		pages = pages[:len(pages)-1]
	}
	return pages
}

// pageImage rasterises one page of a PDF in grey.
func pageImage(t *testing.T, pdf string, page, dpi int) image.Image {
	t.Helper()
	cmd := exec.Command("pdftoppm", "-png", "-r", fmt.Sprint(dpi), "-f", fmt.Sprint(page), "-l", fmt.Sprint(page), "-singlefile", pdf)
	var out bytes.Buffer
	cmd.Stdout = &out
	if err := cmd.Run(); err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(&out)
	if err != nil {
		t.Fatal(err)
	}
	return img
}

// verticalRules counts the vertical lines of a page: columns of pixels
// with an unbroken run of ink taller than a tenth of the page (text never
// runs unbroken that far; a rule between two cells runs from the header
// to the last row). Neighbouring columns count as one line.
func verticalRules(img image.Image) int {
	b := img.Bounds()
	minRun := b.Dy() / 10
	rules, prev := 0, false
	for x := b.Min.X; x < b.Max.X; x++ {
		run, best := 0, 0
		for y := b.Min.Y; y < b.Max.Y; y++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			if (r+g+bl)/3>>8 < 240 {
				run++
				best = max(best, run)
			} else {
				run = 0
			}
		}
		line := best >= minRun
		if line && !prev {
			rules++
		}
		prev = line
	}
	return rules
}

func savePNG(t *testing.T, path string, img image.Image) {
	t.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}
