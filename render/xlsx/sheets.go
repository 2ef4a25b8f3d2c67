package xlsx

import (
	"fmt"

	"github.com/xuri/excelize/v2"
)

// titleRows writes the title (bold, larger) in A1 and the line under it in
// A2.
func (w *workbook) titleRows(sh, line string) error {
	f := w.f
	if err := w.set(sh, "A1", w.wb.Title, 1); err != nil {
		return err
	}
	if err := w.set(sh, "A2", line, 1); err != nil {
		return err
	}
	f.SetCellStyle(sh, "A1", "A1", w.st.title)
	f.SetCellStyle(sh, "A2", "A2", w.st.sub)
	return f.SetRowHeight(sh, 1, 24)
}

// setWidths sets the widths of the first columns.
func (w *workbook) setWidths(sh string, widths []float64) error {
	for i, wd := range widths {
		col := colName(i + 1)
		if err := w.f.SetColWidth(sh, col, col, wd); err != nil {
			return err
		}
	}
	return nil
}

// freezeAbove freezes the rows above row.
func (w *workbook) freezeAbove(sh string, row int) error {
	first := fmt.Sprintf("A%d", row)
	return w.f.SetPanes(sh, &excelize.Panes{Freeze: true, YSplit: row - 1, TopLeftCell: first, ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: first, ActiveCell: first, Pane: "bottomLeft"}}})
}

// comparison writes the comparison table as an Excel Table under the
// title, and returns the range the sheet uses.
func (w *workbook) comparison() (string, error) {
	f, wb, sh := w.f, w.wb, SheetComparison
	last := len(wb.Header)
	if err := w.titleRows(sh, wb.MetaLine); err != nil {
		return "", err
	}
	for i, h := range wb.Header {
		if err := w.set(sh, cellName(i+1, headerRow), h, wb.HeaderLine); err != nil {
			return "", err
		}
		style := w.st.head
		if i > 0 {
			style = w.st.subjectHeads[i-1]
		}
		f.SetCellStyle(sh, cellName(i+1, headerRow), cellName(i+1, headerRow), style)
	}
	f.SetRowHeight(sh, headerRow, w.grid.RowHeights[0])
	for r, row := range wb.Rows {
		n := headerRow + 1 + r
		for c, v := range row.Cells {
			if err := w.set(sh, cellName(c+1, n), v, row.Line); err != nil {
				return "", err
			}
		}
		f.SetCellStyle(sh, cellName(1, n), cellName(1, n), w.st.label)
		f.SetCellStyle(sh, cellName(2, n), cellName(last, n), w.st.cell)
		f.SetRowHeight(sh, n, w.grid.RowHeights[r+1])
	}
	if err := w.setWidths(sh, w.grid.ColWidths); err != nil {
		return "", err
	}
	lastRow := headerRow + len(wb.Rows)
	yes := true
	if err := f.AddTable(sh, &excelize.Table{
		Range: fmt.Sprintf("A%d:%s%d", headerRow, colName(last), lastRow), Name: "Comparison",
		StyleName: "TableStyleMedium2", ShowRowStripes: &yes,
	}); err != nil {
		return "", err
	}
	if err := w.freezeAbove(sh, headerRow+1); err != nil {
		return "", err
	}
	return "A1:" + cellName(last, lastRow), w.printSetup(sh, fmt.Sprintf("$%d:$%d", headerRow, headerRow))
}

// terms writes the related terms as a second Table; the layout leaves the
// sheet out when there are none.
func (w *workbook) terms() (string, error) {
	f, sh := w.f, SheetTerms
	for i, h := range []string{"Term", "Definition"} {
		if err := w.set(sh, cellName(i+1, 1), h, 0); err != nil {
			return "", err
		}
	}
	f.SetCellStyle(sh, "A1", "B1", w.st.head)
	if err := w.setWidths(sh, w.grid.TermWidths); err != nil {
		return "", err
	}
	for i, t := range w.wb.Terms {
		row := i + 2
		for c, v := range t.Cells {
			if err := w.set(sh, cellName(c+1, row), v, t.Line); err != nil {
				return "", err
			}
		}
		f.SetCellStyle(sh, cellName(1, row), cellName(1, row), w.st.label)
		f.SetCellStyle(sh, cellName(2, row), cellName(2, row), w.st.cell)
		f.SetRowHeight(sh, row, w.grid.TermHeight[i])
	}
	lastRow := len(w.wb.Terms) + 1
	yes := true
	if err := f.AddTable(sh, &excelize.Table{Range: fmt.Sprintf("A1:B%d", lastRow), Name: "Terms", StyleName: "TableStyleMedium2", ShowRowStripes: &yes}); err != nil {
		return "", err
	}
	if err := w.freezeAbove(sh, 2); err != nil {
		return "", err
	}
	return fmt.Sprintf("A1:B%d", lastRow), w.printSetup(sh, "$1:$1")
}

// about lists the article's particulars that have a value.
func (w *workbook) about() (string, error) {
	f, sh := w.f, SheetAbout
	if err := w.setWidths(sh, w.grid.AboutWidths); err != nil {
		return "", err
	}
	for i, r := range w.wb.About {
		row := i + 1
		if err := w.set(sh, cellName(1, row), r.Label, 0); err != nil {
			return "", err
		}
		if err := w.set(sh, cellName(2, row), r.Value, 0); err != nil {
			return "", err
		}
		f.SetCellStyle(sh, cellName(1, row), cellName(1, row), w.st.plainLabel)
		f.SetCellStyle(sh, cellName(2, row), cellName(2, row), w.st.plainCell)
		if r.Tall {
			f.SetRowHeight(sh, row, w.grid.DisclaimerHeight)
		}
		if r.Link != "" && len(r.Link) <= 2079 {
			display, tip := r.Value, "Open the source article"
			if err := f.SetCellHyperLink(sh, cellName(2, row), r.Link, "External", excelize.HyperlinkOpts{Display: &display, Tooltip: &tip}); err != nil {
				return "", err
			}
			f.SetCellStyle(sh, cellName(2, row), cellName(2, row), w.st.link)
		}
	}
	used := "A1"
	if n := len(w.wb.About); n > 0 {
		used = fmt.Sprintf("A1:B%d", n)
	}
	return used, w.printSetup(sh, "")
}
