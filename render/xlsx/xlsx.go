// Package xlsx writes the comparison table as a share-ready spreadsheet
// (with excelize) and as CSV. Every value from the article is written as a
// string, never as a formula.
package xlsx

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"io"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/triptych/triptych/layout"
	"github.com/triptych/triptych/render"
)

// Sheet and table names.
const (
	SheetComparison = "Comparison"
	SheetTerms      = "Terms"
	SheetAbout      = "About"
	headerRow       = 4 // the comparison table's header row
)

// MaxCellChars is what Excel keeps of a cell; longer text is cut with a
// warning instead of silently.
const MaxCellChars = 32767

// Renderer renders the spreadsheet.
type Renderer struct{}

var _ render.Renderer = Renderer{}

// Format returns render.XLSX.
func (Renderer) Format() render.Format { return render.XLSX }

// Needs returns the workbook.
func (Renderer) Needs() layout.Parts { return layout.Parts{Workbook: true} }

// Render paints the laid-out workbook.
func (Renderer) Render(res *layout.Result, opts render.Options) (render.Result, error) {
	if res.Workbook == nil {
		return render.Result{}, fmt.Errorf("xlsx: the layout has no workbook")
	}
	w := &workbook{m: res.Meta, wb: res.Workbook, f: excelize.NewFile(), grid: res.Workbook.Grid}
	defer w.f.Close()
	w.f.SetZipWriter(fastZip)
	for _, c := range res.Workbook.HeaderColors {
		w.colours = append(w.colours, strings.TrimPrefix(c.Hex(), "#"))
	}
	if err := w.build(); err != nil {
		return render.Result{}, fmt.Errorf("xlsx: %w", err)
	}
	var buf bytes.Buffer
	if _, err := w.f.WriteTo(&buf); err != nil {
		return render.Result{}, fmt.Errorf("xlsx: %w", err)
	}
	return render.Result{Files: []render.File{{Suffix: ".xlsx", Data: buf.Bytes()}}, Warnings: w.warnings}, nil
}

// fastZip compresses the package's parts at deflate's fastest level: the
// parts are small XML, so the file grows by a few percent while writing
// takes less time. excelize still orders the parts itself. The flate
// writers are pooled, as archive/zip does for its own.
func fastZip(w io.Writer) excelize.ZipWriter {
	zw := zip.NewWriter(w)
	zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
		fw, ok := flatePool.Get().(*flate.Writer)
		if ok {
			fw.Reset(out)
		} else {
			var err error
			if fw, err = flate.NewWriter(out, flate.BestSpeed); err != nil {
				return nil, err
			}
		}
		return pooledFlate{fw}, nil
	})
	return zw
}

var flatePool sync.Pool

type pooledFlate struct{ *flate.Writer }

func (p pooledFlate) Close() error {
	err := p.Writer.Close()
	flatePool.Put(p.Writer)
	return err
}

type workbook struct {
	m        layout.Meta
	wb       *layout.Workbook
	f        *excelize.File
	grid     layout.Grid
	colours  []string
	warnings []layout.Warning
	st       styles
}

// styles are the workbook's cell styles, made once.
type styles struct {
	title, sub, head, label, cell int
	subjectHeads                  []int
}

// text prepares an article string for a cell: Excel's own escape syntax
// (_xHHHH_) is escaped so the cell shows what the author wrote, and text
// past Excel's cell limit is cut with a warning.
func (w *workbook) text(s string, line int) string {
	if clean := xmlSafe(s); clean != s {
		w.warnings = append(w.warnings, layout.NewWarning(w.m.Source, line, "removed characters a spreadsheet cannot hold"))
		s = clean
	}
	s = escapeOOXML(s)
	if utf8.RuneCountInString(s) > MaxCellChars {
		r := []rune(s)
		s = string(r[:MaxCellChars-len("…(truncated)")]) + "…(truncated)"
		w.warnings = append(w.warnings, layout.NewWarning(w.m.Source, line, "text longer than Excel's %d-character cell limit was cut", MaxCellChars))
	}
	return s
}

// xmlSafe drops what XML 1.0 cannot carry (most C0 controls, U+FFFE,
// U+FFFF, broken UTF-8), which excelize would otherwise turn into U+FFFD.
func xmlSafe(s string) string {
	ok := true
	for _, r := range s {
		if !xmlChar(r) {
			ok = false
			break
		}
	}
	if ok && utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !(r == utf8.RuneError && n == 1) && xmlChar(r) {
			b.WriteRune(r)
		}
		i += n
	}
	return b.String()
}

func xmlChar(r rune) bool {
	return r == '\t' || r == '\n' || r == '\r' || r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}

// escapeOOXML escapes the underscore that starts each "_xHHHH_" (matches
// may overlap) as "_x005F_", which spreadsheet applications decode back to
// the literal text.
func escapeOOXML(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if isOOXMLEscape(s[i:]) {
			b.WriteString("_x005F_")
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func isOOXMLEscape(s string) bool {
	if len(s) < 7 || s[0] != '_' || s[1] != 'x' || s[6] != '_' {
		return false
	}
	for _, c := range s[2:6] {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}

// set writes a string cell: never a formula, whatever the text looks like.
func (w *workbook) set(sheet, cell, value string, line int) error {
	return w.f.SetCellStr(sheet, cell, w.text(value, line))
}

func cellName(col, row int) string {
	name, _ := excelize.CoordinatesToCellName(col, row)
	return name
}

func (w *workbook) build() error {
	f := w.f
	if err := f.SetDefaultFont("Arial"); err != nil {
		return err
	}
	if err := f.SetSheetName("Sheet1", SheetComparison); err != nil {
		return err
	}
	if err := w.makeStyles(); err != nil {
		return err
	}
	if err := w.comparison(); err != nil {
		return err
	}
	if _, err := f.NewSheet(SheetTerms); err != nil {
		return err
	}
	if err := w.terms(); err != nil {
		return err
	}
	if _, err := f.NewSheet(SheetAbout); err != nil {
		return err
	}
	if err := w.about(); err != nil {
		return err
	}
	f.SetActiveSheet(0)
	return w.properties()
}

func (w *workbook) makeStyles() error {
	var err error
	mk := func(s *excelize.Style) int {
		if err != nil {
			return 0
		}
		var id int
		id, err = w.f.NewStyle(s)
		return id
	}
	const textFmt = 49 // "@": edits stay text
	top := &excelize.Alignment{Vertical: "top", WrapText: true}
	font := func(bold bool, size float64, colour string) *excelize.Font {
		return &excelize.Font{Bold: bold, Size: size, Family: "Arial", Color: colour}
	}
	fill := func(c string) excelize.Fill { return excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{c}} }
	w.st = styles{
		title: mk(&excelize.Style{Font: font(true, 16, "1C2434"), NumFmt: textFmt}),
		sub:   mk(&excelize.Style{Font: font(false, 10, "4A5568"), NumFmt: textFmt}),
		head:  mk(&excelize.Style{Font: font(true, 11, "FFFFFF"), NumFmt: textFmt, Fill: fill("15213B"), Alignment: top}),
		label: mk(&excelize.Style{Font: font(true, 11, ""), NumFmt: textFmt, Alignment: top}),
		cell:  mk(&excelize.Style{Font: font(false, 11, ""), NumFmt: textFmt, Alignment: top}),
	}
	for _, c := range w.colours {
		w.st.subjectHeads = append(w.st.subjectHeads, mk(&excelize.Style{Font: font(true, 11, "FFFFFF"), NumFmt: textFmt, Fill: fill(c), Alignment: top}))
	}
	return err
}

func (w *workbook) comparison() error {
	f, wb, sh := w.f, w.wb, SheetComparison
	titleS, subS, headS, aspectS, cellS, subjectS := w.st.title, w.st.sub, w.st.head, w.st.label, w.st.cell, w.st.subjectHeads
	last := len(wb.Header)
	lastCol, _ := excelize.ColumnNumberToName(last)
	if err := w.set(sh, "A1", wb.Title, 1); err != nil {
		return err
	}
	if err := w.set(sh, "A2", wb.MetaLine, 1); err != nil {
		return err
	}
	f.SetCellStyle(sh, "A1", "A1", titleS)
	f.SetCellStyle(sh, "A2", "A2", subS)
	f.SetRowHeight(sh, 1, 24)
	for i, h := range wb.Header {
		if err := w.set(sh, cellName(i+1, headerRow), h, wb.HeaderLine); err != nil {
			return err
		}
		style := headS
		if i > 0 {
			style = subjectS[i-1]
		}
		f.SetCellStyle(sh, cellName(i+1, headerRow), cellName(i+1, headerRow), style)
	}
	f.SetRowHeight(sh, headerRow, w.grid.RowHeights[0])
	for r, row := range wb.Rows {
		n := headerRow + 1 + r
		for c, v := range row.Cells {
			if err := w.set(sh, cellName(c+1, n), v, row.Line); err != nil {
				return err
			}
		}
		f.SetCellStyle(sh, cellName(1, n), cellName(1, n), aspectS)
		f.SetCellStyle(sh, cellName(2, n), cellName(last, n), cellS)
		f.SetRowHeight(sh, n, w.grid.RowHeights[r+1])
	}
	for i, wd := range w.grid.ColWidths {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(sh, col, col, wd); err != nil {
			return err
		}
	}
	lastRow := headerRow + len(wb.Rows)
	yes := true
	if err := f.AddTable(sh, &excelize.Table{
		Range: fmt.Sprintf("A%d:%s%d", headerRow, lastCol, lastRow), Name: "Comparison",
		StyleName: "TableStyleMedium2", ShowRowStripes: &yes,
	}); err != nil {
		return err
	}
	if err := f.SetPanes(sh, &excelize.Panes{Freeze: true, YSplit: headerRow, TopLeftCell: fmt.Sprintf("A%d", headerRow+1), ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: fmt.Sprintf("A%d", headerRow+1), ActiveCell: fmt.Sprintf("A%d", headerRow+1), Pane: "bottomLeft"}}}); err != nil {
		return err
	}
	return w.printSetup(sh, fmt.Sprintf("$%d:$%d", headerRow, headerRow))
}

// printSetup prints landscape, one page wide, the header row on every
// page, with the title and page numbers in the header and footer.
func (w *workbook) printSetup(sheet, titleRows string) error {
	f := w.f
	landscape, a4, one, zero, yes := "landscape", 9, 1, 0, true
	if err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &a4, Orientation: &landscape, FitToWidth: &one, FitToHeight: &zero}); err != nil {
		return err
	}
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &yes}); err != nil {
		return err
	}
	m := func(v float64) *float64 { return &v }
	if err := f.SetPageMargins(sheet, &excelize.PageLayoutMarginsOptions{Left: m(0.5), Right: m(0.5), Top: m(0.75), Bottom: m(0.75), Header: m(0.3), Footer: m(0.3)}); err != nil {
		return err
	}
	title := strings.ReplaceAll(w.m.Title, "&", "&&")
	if utf8.RuneCountInString(title) > 120 {
		title = string([]rune(title)[:119]) + "…"
	}
	if err := f.SetHeaderFooter(sheet, &excelize.HeaderFooterOptions{OddHeader: "&L&\"Arial,Bold\"" + title, OddFooter: "&CPage &P of &N"}); err != nil {
		return err
	}
	if titleRows == "" {
		return nil
	}
	return f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: "'" + sheet + "'!" + titleRows, Scope: sheet})
}

func (w *workbook) terms() error {
	f, sh := w.f, SheetTerms
	headS, aspectS, cellS := w.st.head, w.st.label, w.st.cell
	for i, h := range []string{"Term", "Definition"} {
		if err := w.set(sh, cellName(i+1, 1), h, 0); err != nil {
			return err
		}
	}
	f.SetCellStyle(sh, "A1", "B1", headS)
	for i, wd := range w.grid.TermWidths {
		col, _ := excelize.ColumnNumberToName(i + 1)
		f.SetColWidth(sh, col, col, wd)
	}
	if len(w.wb.Terms) == 0 {
		return w.printSetup(sh, "")
	}
	for i, t := range w.wb.Terms {
		row := i + 2
		for c, v := range t.Cells {
			if err := w.set(sh, cellName(c+1, row), v, t.Line); err != nil {
				return err
			}
		}
		f.SetCellStyle(sh, cellName(1, row), cellName(1, row), aspectS)
		f.SetCellStyle(sh, cellName(2, row), cellName(2, row), cellS)
		f.SetRowHeight(sh, row, w.grid.TermHeight[i])
	}
	yes := true
	if err := f.AddTable(sh, &excelize.Table{Range: fmt.Sprintf("A1:B%d", len(w.wb.Terms)+1), Name: "Terms", StyleName: "TableStyleMedium2", ShowRowStripes: &yes}); err != nil {
		return err
	}
	if err := f.SetPanes(sh, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}}}); err != nil {
		return err
	}
	return w.printSetup(sh, "$1:$1")
}

func (w *workbook) about() error {
	f, sh := w.f, SheetAbout
	labelS, cellS := w.st.label, w.st.cell
	f.SetColWidth(sh, "A", "A", w.grid.AboutWidths[0])
	f.SetColWidth(sh, "B", "B", w.grid.AboutWidths[1])
	for i, r := range w.wb.About {
		row := i + 1
		if err := w.set(sh, cellName(1, row), r.Label, 0); err != nil {
			return err
		}
		if err := w.set(sh, cellName(2, row), r.Value, 0); err != nil {
			return err
		}
		f.SetCellStyle(sh, cellName(1, row), cellName(1, row), labelS)
		f.SetCellStyle(sh, cellName(2, row), cellName(2, row), cellS)
		if r.Label == "Disclaimer" && r.Value != "" {
			f.SetRowHeight(sh, row, w.grid.DisclaimerHeight)
		}
		if r.Link != "" && len(r.Link) <= 2079 {
			display, tip := r.Value, "Open the source article"
			if err := f.SetCellHyperLink(sh, cellName(2, row), r.Link, "External", excelize.HyperlinkOpts{Display: &display, Tooltip: &tip}); err != nil {
				return err
			}
			linkS, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Family: "Arial", Color: "1F5FD1", Underline: "single"}, NumFmt: 49})
			if err != nil {
				return err
			}
			f.SetCellStyle(sh, cellName(2, row), cellName(2, row), linkS)
		}
	}
	return w.printSetup(sh, "")
}

// properties replaces every default of the library with the article's.
func (w *workbook) properties() error {
	m := w.m
	stamp := m.Stamp.UTC().Format("2006-01-02T15:04:05Z")
	version := strings.TrimPrefix(m.Creator, "triptych ")
	if err := w.f.SetDocProps(&excelize.DocProperties{
		Title: m.Title, Subject: m.Subtitle, Creator: m.Author, Keywords: strings.Join(m.Keywords, ", "),
		Description: m.AltText, LastModifiedBy: m.Creator, Created: stamp, Modified: stamp,
		Category: "Comparison", Language: "en", Revision: "1", Version: version,
	}); err != nil {
		return err
	}
	return w.f.SetAppProps(&excelize.AppProperties{Application: "triptych", AppVersion: appVersion(version), Company: ""})
}

// appVersion writes a version as Office's "XX.YYYY" form.
func appVersion(v string) string {
	var major, minor int
	fmt.Sscanf(v, "%d.%d", &major, &minor)
	return fmt.Sprintf("%02d.%04d", major, minor)
}
