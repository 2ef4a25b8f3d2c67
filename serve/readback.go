package serve

import (
	"bytes"
	"fmt"
	"image/png"
	"regexp"

	"github.com/xuri/excelize/v2"
)

// sheet is one worksheet of the workbook as the page shows it: the
// cells as the file holds them, a formula as "=…" rather than its value.
type sheet struct {
	Name string
	Rows [][]cell
}

// cell is one shown cell. A merged range shows as its first cell
// spanning the others, which are Covered and left out.
type cell struct {
	Text             string
	Formula          bool
	ColSpan, RowSpan int
	Covered          bool
}

// maxSheetCells bounds what one sheet shows, so that a huge workbook
// cannot make a page of millions of cells.
const maxSheetCells = 20000

// readSheets reads every sheet of an XLSX file back from its bytes, so
// the page shows what the file holds rather than what triptych meant to
// write.
func readSheets(data []byte) ([]sheet, error) {
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("the workbook cannot be read back: %w", err)
	}
	defer f.Close()
	var sheets []sheet
	for _, name := range f.GetSheetList() {
		rows, err := f.GetRows(name, excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, fmt.Errorf("sheet %q cannot be read back: %w", name, err)
		}
		sh := sheet{Name: name}
		merged, _ := f.GetMergeCells(name)
		width := 0
		for _, r := range rows {
			width = max(width, len(r))
		}
		// A merged range may reach past the last cell with a value.
		for _, m := range merged {
			if c, r, err := excelize.CellNameToCoordinates(m.GetEndAxis()); err == nil && r <= len(rows) && c <= maxMergeWidth {
				width = max(width, c)
			}
		}
		// Formulas are read per cell: GetRows gives the cached value,
		// which a workbook that was never opened in a spreadsheet
		// program does not have.
		formulas := map[[2]int]string{}
		if width > 0 {
			formulas = readFormulas(f, name, len(rows), width)
		}
		count := 0
		for i, r := range rows {
			row := make([]cell, width)
			for j := range width {
				if fm, ok := formulas[[2]int{i, j}]; ok {
					row[j] = cell{Text: "=" + fm, Formula: true}
				} else if j < len(r) {
					row[j] = cell{Text: r[j]}
				}
			}
			sh.Rows = append(sh.Rows, row)
			if count += width; count > maxSheetCells {
				sh.Rows = append(sh.Rows, []cell{{Text: "… (the rest of this sheet is left out of the preview)"}})
				break
			}
		}
		spanMerged(merged, sh.Rows)
		sheets = append(sheets, sh)
	}
	return sheets, nil
}

// maxMergeWidth bounds how far a merged range may widen a sheet.
const maxMergeWidth = 64

// spanMerged marks the sheet's merged ranges: the first cell spans, the
// others are covered. A range that reaches past the rows read is cut.
func spanMerged(merged []excelize.MergeCell, rows [][]cell) {
	for _, m := range merged {
		c1, r1, err1 := excelize.CellNameToCoordinates(m.GetStartAxis())
		c2, r2, err2 := excelize.CellNameToCoordinates(m.GetEndAxis())
		if err1 != nil || err2 != nil || r1 > len(rows) {
			continue
		}
		r2 = min(r2, len(rows))
		c2 = min(c2, len(rows[r1-1]))
		if c1 > c2 {
			continue
		}
		for r := r1; r <= r2; r++ {
			for c := c1; c <= c2 && c <= len(rows[r-1]); c++ {
				rows[r-1][c-1].Covered = r != r1 || c != c1
			}
		}
		rows[r1-1][c1-1].ColSpan, rows[r1-1][c1-1].RowSpan = c2-c1+1, r2-r1+1
	}
}

// readFormulas returns the formula of every cell that has one, by
// position.
func readFormulas(f *excelize.File, sheet string, rows, cols int) map[[2]int]string {
	out := map[[2]int]string{}
	if rows*cols > maxSheetCells {
		return out
	}
	for i := range rows {
		for j := range cols {
			ref, err := excelize.CoordinatesToCellName(j+1, i+1)
			if err != nil {
				continue
			}
			if fm, err := f.GetCellFormula(sheet, ref); err == nil && fm != "" {
				out[[2]int{i, j}] = fm
			}
		}
	}
	return out
}

// pageObject matches a page object's type in a PDF ("/Type /Page", not
// "/Type /Pages"). triptych's PDF writer stores object dictionaries
// uncompressed, so counting them counts the pages.
var pageObject = regexp.MustCompile(`/Type\s*/Page\b`)

// pdfPages counts the pages of a PDF that triptych wrote.
func pdfPages(data []byte) int {
	return len(pageObject.FindAll(data, -1))
}

// pngSize returns a PNG's size in pixels from its header.
func pngSize(data []byte) (int, int, error) {
	cfg, err := png.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return 0, 0, fmt.Errorf("the infographic is not a readable PNG: %w", err)
	}
	return cfg.Width, cfg.Height, nil
}
