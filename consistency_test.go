package triptych

import (
	"archive/zip"
	"bytes"
	"compress/zlib"
	"fmt"
	"io"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/triptych/triptych/internal/testkit"
	"github.com/triptych/triptych/layout"
	"github.com/triptych/triptych/render"
)

// The three assets of one article are painted from one layout, so they
// cannot disagree. Each case here was a disagreement once.

func filesOf(t *testing.T, files []render.File) map[string][]byte {
	t.Helper()
	m := map[string][]byte{}
	for _, f := range files {
		m[f.Suffix] = f.Data
	}
	return m
}

// With SOURCE_DATE_EPOCH and no article date, the PDF and the workbook
// were dated differently (2023-11-14 and 1980-01-01).
func TestOneDateInEveryOutput(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1700000000")
	a := testkit.Seed(t)
	a.Updated = time.Time{}
	files, _, err := RenderArticle(a, render.DefaultFormats, render.Options{Version: "1.0.0"})
	if err != nil {
		t.Fatal(err)
	}
	out := filesOf(t, files)
	pdfDate := regexp.MustCompile(`/CreationDate \(D:(\d{8})`).FindSubmatch(out[".pdf"])
	if pdfDate == nil || string(pdfDate[1]) != "20231114" {
		t.Errorf("PDF creation date %q, want 20231114", pdfDate)
	}
	core := zipMember(t, out[".xlsx"], "docProps/core.xml")
	if !strings.Contains(core, "2023-11-14T") {
		t.Errorf("workbook core properties lack 2023-11-14: %s", core)
	}
	if !bytes.Contains(out[".png"], []byte("14 Nov 2023")) {
		t.Errorf("PNG creation time is not 14 Nov 2023")
	}
}

func zipMember(t *testing.T, data []byte, name string) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	f, err := zr.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(f)
	return string(b)
}

// --theme dark gave a dark PNG and a light figure in the PDF; the article's
// own "theme: dark" gave a dark one in both. Now both ways agree.
func TestOneThemeInEveryOutput(t *testing.T) {
	dark := layout.Dark.Background
	fill := fmt.Sprintf("%.3f %.3f %.3f rg", float64(dark.R)/255, float64(dark.G)/255, float64(dark.B)/255)
	byOption := testkit.Seed(t)
	byArticle := testkit.Seed(t)
	byArticle.Theme.Name = "dark"
	for name, opts := range map[string]render.Options{"option": {Theme: "dark"}, "article": {}} {
		a := byOption
		if name == "article" {
			a = byArticle
		}
		files, _, err := RenderArticle(a, []render.Format{render.PNG, render.PDF}, opts)
		if err != nil {
			t.Fatal(err)
		}
		out := filesOf(t, files)
		if !strings.Contains(pdfContent(t, out[".pdf"]), fill) {
			t.Errorf("theme by %s: the PDF's figure is not painted dark (no %q)", name, fill)
		}
	}
}

// pdfContent inflates every compressed stream of a PDF, so that a test can
// read the drawing operators.
func pdfContent(t *testing.T, data []byte) string {
	t.Helper()
	var b strings.Builder
	for _, m := range regexp.MustCompile(`(?s)stream\r?\n(.*?)endstream`).FindAllSubmatch(data, -1) {
		zr, err := zlib.NewReader(bytes.NewReader(m[1]))
		if err != nil {
			continue // an uncompressed or binary stream
		}
		inflated, _ := io.ReadAll(zr)
		b.Write(inflated)
	}
	return b.String()
}

// An accent too light for white text was replaced silently in an
// XLSX-only build; a full build warned.
func TestOneWarningWhateverTheFormats(t *testing.T) {
	a := testkit.Seed(t)
	for _, formats := range [][]render.Format{{render.XLSX}, {render.CSV}, {render.PNG}, {render.PDF}, render.DefaultFormats} {
		_, warnings, err := RenderArticle(a, formats, render.Options{Accents: []string{"#ffff00"}})
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, w := range warnings {
			if strings.Contains(w, "too light") {
				n++
			}
		}
		if n != 1 {
			t.Errorf("%v: %d warnings about the light accent, want 1: %q", formats, n, warnings)
		}
	}
}

// The alt text and the PNG's text chunks carry what the author wrote even
// where the fonts lack the glyph (the picture shows "□"): a screen reader
// must not say "comparing □□ and □□".
func TestTextOutputsKeepRealCharacters(t *testing.T) {
	a := testkit.Seed(t)
	a.Title = "咖啡 vs 茶"
	a.Table.Subjects = []string{"咖啡", "茶"}
	files, _, err := RenderArticle(a, []render.Format{render.PNG, render.XLSX}, render.Options{})
	if err != nil {
		t.Fatal(err)
	}
	out := filesOf(t, files)
	if alt := string(out[".alt.txt"]); !strings.Contains(alt, "comparing 咖啡 and 茶") || strings.Contains(alt, "□") {
		t.Errorf("alt text %q", alt[:min(len(alt), 80)])
	}
	if !bytes.Contains(out[".png"], []byte("咖啡 vs 茶")) {
		t.Error("the PNG's Title chunk lost the characters")
	}
	if core := zipMember(t, out[".xlsx"], "docProps/core.xml"); !strings.Contains(core, "咖啡") {
		t.Error("the workbook's properties lost the characters")
	}
}
