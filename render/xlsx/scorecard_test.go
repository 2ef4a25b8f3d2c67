package xlsx

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/triptych/triptych/content"
	"github.com/triptych/triptych/internal/readers"
	"github.com/triptych/triptych/layout"
	"github.com/triptych/triptych/render"
)

// scorecardOf lays an article out and returns its scorecard model.
func scorecardOf(t testing.TB, a *content.Article) *layout.Scorecard {
	t.Helper()
	lr, err := layout.Layout(a, render.LayoutOptions([]render.Renderer{Renderer{}}, render.Options{}))
	if err != nil {
		t.Fatal(err)
	}
	if lr.Workbook.Scorecard == nil {
		t.Fatal("no scorecard")
	}
	return lr.Workbook.Scorecard
}

// fill is one way a reader fills the scorecard: weights (nil keeps the
// default) and scores per subject (0 leaves the cell empty).
type fill struct {
	name    string
	weights []int
	scores  [][]int // [subject][aspect]
}

// expect computes what the scorecard must show for a fill: each
// subject's weighted score ("" while nothing weighted is scored) and the
// best fit.
func (f fill) expect(sc *layout.Scorecard) (totals []string, best string, values []float64) {
	n := len(sc.Rows)
	top, leaders := math.Inf(-1), []string(nil)
	for i := range sc.Subjects() {
		var num, den float64
		for r := range n {
			w := float64(sc.DefaultWeight)
			if f.weights != nil {
				w = float64(f.weights[r])
			}
			if s := f.scores[i][r]; s != 0 {
				num += w * float64(s)
				den += w
			}
		}
		if den == 0 {
			totals = append(totals, "")
			values = append(values, math.NaN())
			continue
		}
		v := num / den
		totals = append(totals, "n")
		values = append(values, v)
		name := sc.Header[sc.TextColumn(i)-1]
		switch {
		case v > top+1e-12:
			top, leaders = v, []string{name}
		case math.Abs(v-top) <= 1e-12:
			leaders = append(leaders, name)
		}
	}
	switch {
	case len(leaders) > 1:
		best = sc.TiePrefix + strings.Join(leaders, ", ")
	case len(leaders) == 1:
		best = leaders[0]
	}
	return totals, best, values
}

func (f fill) cells(sc *layout.Scorecard) map[string]any {
	cells := map[string]any{}
	for r := range sc.Rows {
		if f.weights != nil {
			cells[cellName(sc.WeightColumn(), headerRow+1+r)] = f.weights[r]
		}
		for i := range sc.Subjects() {
			if s := f.scores[i][r]; s != 0 {
				cells[cellName(sc.ScoreColumn(i), headerRow+1+r)] = s
			}
		}
	}
	return cells
}

// fills are the cases every scorecard is recalculated with.
func fills(sc *layout.Scorecard) []fill {
	n, k := len(sc.Rows), sc.Subjects()
	grid := func(f func(i, r int) int) [][]int {
		out := make([][]int, k)
		for i := range out {
			out[i] = make([]int, n)
			for r := range out[i] {
				out[i][r] = f(i, r)
			}
		}
		return out
	}
	weights := func(f func(r int) int) []int {
		out := make([]int, n)
		for r := range out {
			out[r] = f(r)
		}
		return out
	}
	return []fill{
		{name: "empty", scores: grid(func(int, int) int { return 0 })},
		{name: "scored", weights: weights(func(r int) int { return r % 6 }), scores: grid(func(i, r int) int { return 1 + (r*7+i*3+r*i)%5 })},
		{name: "default-weights", scores: grid(func(i, r int) int { return 1 + (r+2*i)%5 })},
		{name: "tie", scores: grid(func(i, r int) int { return 1 + r%5 })},
		{name: "partly", scores: grid(func(i, r int) int {
			if i == k-1 || r%2 == 1 {
				return 0
			}
			return 5 - r%4
		})},
		{name: "zero-weights", weights: weights(func(r int) int {
			if r == 0 {
				return 4
			}
			return 0
		}), scores: grid(func(i, r int) int {
			if r == 0 {
				return 0
			}
			return 2 + i%3
		})},
	}
}

// TestScorecardRecalculatesInLibreOffice fills the scorecards of a two-
// and a three-subject article with openpyxl, as a reader would, has
// LibreOffice recalculate them headless, and reads the weighted scores and
// the best fit back.
func TestScorecardRecalculatesInLibreOffice(t *testing.T) {
	readers.NeedOpenpyxl(t)
	readers.Need(t, "soffice")
	dir := t.TempDir()
	type job struct {
		Src   string         `json:"src"`
		Out   string         `json:"out"`
		Sheet string         `json:"sheet"`
		Cells map[string]any `json:"cells"`
	}
	var jobs []job
	type check struct {
		path string
		sc   *layout.Scorecard
		f    fill
	}
	var checks []check
	for _, src := range []string{"../../examples/software-engineer-vs-platform-sre.md", "../../testdata/articles/python-vs-java-vs-go.txt"} {
		a := load(t, src)
		sc := scorecardOf(t, a)
		base := safeLabel(src)
		path := filepath.Join(dir, base+".xlsx")
		if err := os.WriteFile(path, renderXLSX(t, a), 0o644); err != nil {
			t.Fatal(err)
		}
		for _, f := range fills(sc) {
			out := filepath.Join(dir, base+"-"+f.name+".xlsx")
			if f.name == "empty" {
				out = path // as written, never touched by openpyxl
			} else {
				jobs = append(jobs, job{Src: path, Out: out, Sheet: SheetScorecard, Cells: f.cells(sc)})
			}
			checks = append(checks, check{out, sc, f})
		}
	}
	enc, _ := json.Marshal(jobs)
	readers.Run(t, readers.Python, "testdata/fill.py", string(enc))
	var paths []string
	for _, c := range checks {
		paths = append(paths, c.path)
	}
	got, err := libreOfficeCSV(dir, paths)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range checks {
		rows := got[c.path].rows[SheetScorecard]
		n := len(c.sc.Rows)
		totalRow, bestRow := headerRow+n, headerRow+n+1 // 0-based
		if len(rows) <= totalRow {
			t.Fatalf("%s: LibreOffice reads %d rows of the scorecard", filepath.Base(c.path), len(rows))
		}
		cell := func(row, col int) string {
			if row >= len(rows) || col-1 >= len(rows[row]) {
				return ""
			}
			return rows[row][col-1]
		}
		totals, best, values := c.f.expect(c.sc)
		for i, want := range totals {
			g := cell(totalRow, c.sc.ScoreColumn(i))
			if want == "" {
				if g != "" {
					t.Errorf("%s: subject %d's total reads %q, want it blank", filepath.Base(c.path), i+1, g)
				}
				continue
			}
			v, err := strconv.ParseFloat(g, 64)
			if err != nil || math.Abs(v-values[i]) > 1e-9 {
				t.Errorf("%s: subject %d's total reads %q, want %.6f", filepath.Base(c.path), i+1, g, values[i])
			}
		}
		if g := cell(bestRow, 2); g != best {
			t.Errorf("%s: best fit reads %q, want %q", filepath.Base(c.path), g, best)
		}
	}
	// make docs: the three-subject scorecard as a reader filled it.
	if docs := os.Getenv("TRIPTYCH_DOCS"); docs != "" {
		filled := filepath.Join(dir, "python-vs-java-vs-go-scored.xlsx")
		if _, err := soffice(dir, "--convert-to", "pdf", "--outdir", dir, filled); err != nil {
			t.Fatal(err)
		}
		savePNG(t, filepath.Join(docs, "scorecard-filled.png"), pageImage(t, strings.TrimSuffix(filled, ".xlsx")+".pdf", 2, 100))
	}
}

// TestScorecardSheet checks the scorecard as excelize reads it back:
// inputs, dropdowns, colour scale, highlight, names, protection.
func TestScorecardSheet(t *testing.T) {
	a := load(t, "../../testdata/articles/python-vs-java-vs-go.txt")
	sc := scorecardOf(t, a)
	data := renderXLSX(t, a)
	x := openX(t, data)
	n, k := len(sc.Rows), sc.Subjects()
	if k != 3 || len(sc.Header) != 2+2*k {
		t.Fatalf("%d subjects, header %q", k, sc.Header)
	}
	for r := range n {
		row := headerRow + 1 + r
		if v, _ := x.GetCellValue(SheetScorecard, cellName(sc.WeightColumn(), row)); v != strconv.Itoa(sc.DefaultWeight) {
			t.Errorf("weight of row %d = %q", row, v)
		}
		for i := range k {
			if v, _ := x.GetCellValue(SheetScorecard, cellName(sc.ScoreColumn(i), row)); v != "" {
				t.Errorf("score %s = %q, want empty", cellName(sc.ScoreColumn(i), row), v)
			}
			if v, _ := x.GetCellValue(SheetScorecard, cellName(sc.TextColumn(i), row)); v != a.Table.Rows[r].Cells[i] {
				t.Errorf("text %s = %q", cellName(sc.TextColumn(i), row), v)
			}
		}
	}
	// Inputs unlocked, everything else locked.
	locked := func(cell string) bool {
		id, _ := x.GetCellStyle(SheetScorecard, cell)
		st, _ := x.GetStyle(id)
		return st.Protection == nil || st.Protection.Locked
	}
	first := headerRow + 1
	for _, c := range []string{cellName(sc.WeightColumn(), first), cellName(sc.ScoreColumn(0), first), cellName(sc.ScoreColumn(k-1), first+n-1)} {
		if locked(c) {
			t.Errorf("input %s is locked", c)
		}
	}
	for _, c := range []string{"A1", cellName(1, first), cellName(sc.TextColumn(0), first), cellName(sc.ScoreColumn(0), first+n), "B" + strconv.Itoa(first+n+1)} {
		if !locked(c) {
			t.Errorf("%s is not locked", c)
		}
	}
	prot, err := x.GetSheetProtection(SheetScorecard)
	if err != nil {
		t.Fatal(err)
	}
	if prot.Password != "" || prot.AlgorithmName != "" || !prot.SelectUnlockedCells {
		t.Errorf("protection %+v", prot)
	}
	parts, _ := sheetParts(data)
	sheetXML := string(parts["xl/worksheets/sheet2.xml"])
	if !strings.Contains(sheetXML, "<sheetProtection") || strings.Contains(sheetXML, "password=") || strings.Contains(sheetXML, "hashValue=") {
		t.Errorf("the sheet is not protected, or with a password")
	}
	// Dropdowns with input messages.
	dvs, _ := x.GetDataValidations(SheetScorecard)
	if len(dvs) != 1+k {
		t.Fatalf("%d data validations", len(dvs))
	}
	for _, dv := range dvs {
		if dv.Type != "list" || !dv.ShowInputMessage || dv.Prompt == nil || !dv.ShowErrorMessage {
			t.Errorf("validation %s: type %s, input %v", dv.Sqref, dv.Type, dv.ShowInputMessage)
		}
	}
	if dvs[0].Formula1 != `"0,1,2,3,4,5"` || dvs[1].Formula1 != `"1,2,3,4,5"` {
		t.Errorf("lists %s and %s", dvs[0].Formula1, dvs[1].Formula1)
	}
	// Colour scales on the scores, a highlight on each total.
	cfs, _ := x.GetConditionalFormats(SheetScorecard)
	scales, highlights := 0, 0
	for _, opts := range cfs {
		for _, o := range opts {
			switch o.Type {
			case "3_color_scale":
				scales++
			case "formula":
				highlights++
			}
		}
	}
	if scales != k || highlights != k {
		t.Errorf("%d colour scales and %d highlights, want %d each", scales, highlights, k)
	}
	names := map[string]string{}
	for _, d := range x.GetDefinedName() {
		if d.Scope == "Workbook" || d.Scope == "" {
			names[d.Name] = d.RefersTo
		}
	}
	wantNames := map[string]string{WeightsName: fmt.Sprintf("'Scorecard'!$B$%d:$B$%d", first, first+n-1)}
	for i := range k {
		col := colName(sc.ScoreColumn(i))
		wantNames[ScoresName+strconv.Itoa(i+1)] = fmt.Sprintf("'Scorecard'!$%s$%d:$%s$%d", col, first, col, first+n-1)
	}
	for name, ref := range wantNames {
		if names[name] != ref {
			t.Errorf("name %s = %q, want %q", name, names[name], ref)
		}
	}
}

// TestSheetsTheLayoutChooses: the scorecard can be turned off, an article
// without terms has no Terms sheet, and About lists only what has a value.
func TestSheetsTheLayoutChooses(t *testing.T) {
	a := seed(t)
	off := openX(t, renderWith(t, a, render.Options{NoScorecard: true}))
	if got := strings.Join(off.GetSheetList(), ","); got != "Comparison,Terms,About" {
		t.Errorf("scorecard off: sheets %s", got)
	}
	var o render.Options
	if err := o.SetScorecard("off"); err != nil || !o.NoScorecard {
		t.Errorf("--scorecard=off: %v %v", err, o.NoScorecard)
	}
	if err := o.SetScorecard("on"); err != nil || o.NoScorecard {
		t.Errorf("--scorecard=on: %v %v", err, o.NoScorecard)
	}
	if o.SetScorecard("maybe") == nil {
		t.Error("--scorecard=maybe is accepted")
	}
	bare := *a
	bare.Terms, bare.Subtitle, bare.Author, bare.SourceURL, bare.Disclaimer = nil, "", "", "", nil
	x := openX(t, renderXLSX(t, &bare))
	if got := strings.Join(x.GetSheetList(), ","); got != "Comparison,Scorecard,About" {
		t.Errorf("no terms: sheets %s", got)
	}
	rows, _ := x.GetRows(SheetAbout)
	var labels []string
	for _, r := range rows {
		labels = append(labels, r[0])
		if len(r) < 2 || strings.TrimSpace(r[1]) == "" {
			t.Errorf("About row %q has no value", r)
		}
	}
	if got := strings.Join(labels, ","); got != "Title,Updated,Generated by" {
		t.Errorf("About lists %s", got)
	}
}
