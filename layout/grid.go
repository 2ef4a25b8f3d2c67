package layout

import (
	"math"
	"strings"

	"github.com/triptych/triptych/content"
	"github.com/triptych/triptych/layout/fonts"
)

// Grid is the spreadsheet's geometry: column widths in Excel character
// units and the height each table row needs, in points, so that every line
// shows on first open without relying on the viewer's auto-fit.
type Grid struct {
	ColWidths  []float64 // aspect column first
	RowHeights []float64 // header row first, then one per table row
	TermWidths []float64 // Term and Definition columns of the terms sheet
	TermHeight []float64 // one per term
	// AboutWidths are the label and value columns of the about sheet, and
	// DisclaimerHeight the height of its disclaimer row.
	AboutWidths      []float64
	DisclaimerHeight float64
}

// Spreadsheet metrics: Arial 11 pt (Liberation Sans has Arial's metrics)
// at 96 dpi, Excel's maximum digit width for it, and the padding Excel
// keeps inside a cell.
const (
	sheetFontPt = 11.0
	sheetPx     = sheetFontPt * 96 / 72
	digitPx     = 8.0
	cellPadPx   = 20.0 // room kept beside the longest text of a column
	cellInsetPx = 6.0  // what Excel and LibreOffice keep inside a cell
	sheetLineHt = 1.3 * sheetFontPt
	// CellIndent is the indent level of table cells (their left padding,
	// so that printed neighbouring columns never run together); one level
	// is three spaces of the workbook font, indentPx.
	CellIndent = 1
	indentPx   = CellIndent * 3 * 0.2778 * sheetPx
)

// widthToChars converts a column's pixel width to Excel's width unit.
func widthToChars(px float64) float64 {
	return math.Round((px-5)/digitPx*100) / 100
}

func charsToPx(w float64) float64 { return w*digitPx + 5 }

// measureColumn returns the pixel width for texts: wide enough for the
// longest text up to max, at least min.
func measureColumn(texts []string, face fonts.Face, minPx, maxPx float64) float64 {
	w := minPx
	for _, t := range texts {
		for _, line := range strings.Split(t, "\n") { // a cell's line breaks
			w = math.Max(w, face.Width(line, sheetPx)+cellPadPx+indentPx+2)
		}
	}
	return math.Min(w, maxPx)
}

func linesAt(text string, face fonts.Face, px float64) int {
	return max(1, countLines([]Span{{Text: text, Face: face}}, sheetPx, px-cellInsetPx-indentPx-4))
}

func rowHeight(lines int) float64 {
	return math.Min(409, float64(lines)*sheetLineHt+4)
}

// SheetGrid computes the spreadsheet's column widths and row heights.
func SheetGrid(a *content.Article) Grid {
	t := a.Table
	var g Grid
	label := t.Label
	if label == "" {
		label = DefaultLabel
	}
	aspects := []string{label}
	for _, r := range t.Rows {
		aspects = append(aspects, r.Aspect)
	}
	widths := []float64{measureColumn(aspects, fonts.SansBold, 110, 230)}
	for i, s := range t.Subjects {
		texts := []string{s}
		for _, r := range t.Rows {
			texts = append(texts, r.Cells[i])
		}
		widths = append(widths, measureColumn(texts, fonts.SansRegular, 160, 380))
	}
	for _, px := range widths {
		g.ColWidths = append(g.ColWidths, widthToChars(px))
	}
	heads := append([]string{label}, t.Subjects...)
	lines := 1
	for i, h := range heads {
		lines = max(lines, linesAt(h, fonts.SansBold, charsToPx(g.ColWidths[i])))
	}
	g.RowHeights = append(g.RowHeights, rowHeight(lines))
	for _, r := range t.Rows {
		lines := linesAt(r.Aspect, fonts.SansBold, charsToPx(g.ColWidths[0]))
		for i, c := range r.Cells {
			lines = max(lines, linesAt(c, fonts.SansRegular, charsToPx(g.ColWidths[i+1])))
		}
		g.RowHeights = append(g.RowHeights, rowHeight(lines))
	}
	names := []string{"Term"}
	for _, term := range a.Terms {
		names = append(names, term.Name)
	}
	nameW, defW := measureColumn(names, fonts.SansBold, 110, 260), 560.0
	g.TermWidths = []float64{widthToChars(nameW), widthToChars(defW)}
	for _, term := range a.Terms {
		def := content.ParagraphsText(term.Definition)
		n := max(linesAt(term.Name, fonts.SansBold, charsToPx(g.TermWidths[0])), linesAt(def, fonts.SansRegular, charsToPx(g.TermWidths[1])))
		g.TermHeight = append(g.TermHeight, rowHeight(n))
	}
	g.AboutWidths = []float64{widthToChars(130), widthToChars(725)}
	g.DisclaimerHeight = rowHeight(linesAt(content.ParagraphsText(a.Disclaimer), fonts.SansRegular, charsToPx(g.AboutWidths[1])))
	return g
}

// Scorecard geometry: the weight and score columns hold a number and a
// dropdown button; a subject's text column is narrower than on the
// Comparison sheet, as the scorecard shows twice as many columns.
const (
	scoreMinPx, scoreMaxPx = 56.0, 110.0
	scoreTextMinPx         = 160.0
	scoreTextMaxPx         = 300.0
	dropButtonPx           = 18.0
)

// scorecardGrid measures the scorecard's columns (Excel character units)
// and rows (points): the aspect column as on the Comparison sheet, the
// weight and score columns wide enough for their headers and the dropdown
// button, the text columns wrapped like the Comparison's cells.
func scorecardGrid(s *Scorecard, g *Grid) (widths, heights []float64) {
	widths = make([]float64, len(s.Header))
	widths[0] = g.ColWidths[0]
	number := func(head string) float64 {
		// centred, so without the indent; room for the dropdown button
		px := fonts.SansBold.Width(head, sheetPx) + cellPadPx + dropButtonPx
		return widthToChars(math.Min(math.Max(px, scoreMinPx), scoreMaxPx))
	}
	widths[s.WeightColumn()-1] = number(s.Header[s.WeightColumn()-1])
	aspectW := charsToPx(widths[0])
	total := linesAt(s.TotalLabel, fonts.SansBold, aspectW)
	for i := 0; i < s.Subjects(); i++ {
		texts := []string{s.Header[s.TextColumn(i)-1]}
		for _, r := range s.Rows {
			texts = append(texts, r.Cells[i+1])
		}
		widths[s.TextColumn(i)-1] = widthToChars(measureColumn(texts, fonts.SansRegular, scoreTextMinPx, scoreTextMaxPx))
		widths[s.ScoreColumn(i)-1] = number(s.Header[s.ScoreColumn(i)-1])
	}
	head := 1
	for c, h := range s.Header {
		head = max(head, linesAt(h, fonts.SansBold, charsToPx(widths[c])))
	}
	heights = append(heights, rowHeight(head))
	for _, r := range s.Rows {
		lines := linesAt(r.Cells[0], fonts.SansBold, aspectW)
		for i := 0; i < s.Subjects(); i++ {
			lines = max(lines, linesAt(r.Cells[i+1], fonts.SansRegular, charsToPx(widths[s.TextColumn(i)-1])))
		}
		heights = append(heights, rowHeight(lines))
	}
	heights = append(heights, rowHeight(total), rowHeight(linesAt(s.BestLabel, fonts.SansBold, aspectW)))
	return widths, heights
}
