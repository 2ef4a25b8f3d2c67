package xlsx

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/triptych/triptych/layout"
	"github.com/triptych/triptych/render"
)

// CSVRenderer writes the comparison table as RFC 4180 CSV in UTF-8.
type CSVRenderer struct{}

var _ render.Renderer = CSVRenderer{}

// Format returns render.CSV.
func (CSVRenderer) Format() render.Format { return render.CSV }

// Needs returns the workbook, whose comparison the CSV holds.
func (CSVRenderer) Needs() layout.Parts { return layout.Parts{Workbook: true} }

// Render writes the table: a header row (the aspect label and the subjects)
// and one row per aspect, lines ending in CRLF. A cell that a spreadsheet
// would run as a formula gets a leading apostrophe, as OWASP advises.
func (CSVRenderer) Render(res *layout.Result, opts render.Options) (render.Result, error) {
	if res.Workbook == nil {
		return render.Result{}, fmt.Errorf("csv: the layout has no workbook")
	}
	var buf bytes.Buffer
	if opts.CSVBOM {
		buf.WriteString("\uFEFF")
	}
	w := csv.NewWriter(&buf)
	w.UseCRLF = true
	records := [][]string{append([]string(nil), res.Workbook.Header...)}
	for _, r := range res.Workbook.Rows {
		records = append(records, append([]string(nil), r.Cells...))
	}
	for _, rec := range records {
		for i := range rec {
			rec[i] = DefuseFormula(rec[i])
		}
		if err := w.Write(rec); err != nil {
			return render.Result{}, err
		}
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return render.Result{}, err
	}
	return render.Result{Files: []render.File{{Suffix: ".csv", Data: buf.Bytes()}}}, nil
}

// formulaTriggers start a value that a spreadsheet may evaluate.
var formulaTriggers = []string{"=", "+", "-", "@", "\t", "\r", "\n"}

// IsFormulaTrigger reports whether a spreadsheet could read s as a
// formula: its first character, folded by NFKC, is a trigger. Folding
// catches the compatibility forms some spreadsheets read as the sign
// itself: full-width "＝", small "﹦", and the like.
func IsFormulaTrigger(s string) bool {
	r, size := utf8.DecodeRuneInString(s)
	if size == 0 {
		return false
	}
	first := norm.NFKC.String(string(r))
	for _, t := range formulaTriggers {
		if strings.HasPrefix(first, t) {
			return true
		}
	}
	return false
}

// DefuseFormula prefixes a formula-like value with an apostrophe.
func DefuseFormula(s string) string {
	if IsFormulaTrigger(s) {
		return "'" + s
	}
	return s
}
