package xlsx

import (
	"github.com/xuri/excelize/v2"

	"github.com/triptych/triptych/layout"
)

// styles are the workbook's cell styles, made once.
type styles struct {
	title, sub int
	// head heads a table column; subjectHeads head a subject's columns in
	// its colour, subjectScoreHeads its score column (centred).
	head              int
	subjectHeads      []int
	subjectScoreHeads []int
	// label and cell are the table's bold first column and its wrapped
	// text cells: indented and ruled, so that printed columns never run
	// together. plainLabel and plainCell are the About sheet's.
	label, cell           int
	plainLabel, plainCell int
	link                  int
	// The scorecard's input cells (weights and scores: unlocked), its
	// totals, its best-fit cell, and the leading total's highlight (a
	// conditional format).
	input, total, best int
	lead               int
}

// Colours of the rules between cells, of input cells and of highlights.
const (
	ruleColour  = "C8D0DB"
	inputFill   = "FFFBEB"
	totalFill   = "EEF2F7"
	leadFill    = "C6EFCE"
	leadText    = "0B5A1F"
	scoreLow    = "F8C4C0"
	scoreMiddle = "FBEBA8"
	scoreHigh   = "B9E2C0"
)

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
	indent := layout.CellIndent
	top := &excelize.Alignment{Vertical: "top", WrapText: true}
	padded := &excelize.Alignment{Horizontal: "left", Vertical: "top", WrapText: true, Indent: indent}
	centred := &excelize.Alignment{Horizontal: "center", Vertical: "top", WrapText: true}
	font := func(bold bool, size float64, colour string) *excelize.Font {
		return &excelize.Font{Bold: bold, Size: size, Family: "Arial", Color: colour}
	}
	fill := func(c string) excelize.Fill { return excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{c}} }
	var rules []excelize.Border
	for _, side := range []string{"left", "right", "top", "bottom"} {
		rules = append(rules, excelize.Border{Type: side, Color: ruleColour, Style: 1})
	}
	unlocked := &excelize.Protection{Locked: false}
	w.st = styles{
		title:      mk(&excelize.Style{Font: font(true, 16, "1C2434"), NumFmt: textFmt}),
		sub:        mk(&excelize.Style{Font: font(false, 10, "4A5568"), NumFmt: textFmt}),
		head:       mk(&excelize.Style{Font: font(true, 11, "FFFFFF"), NumFmt: textFmt, Fill: fill("15213B"), Alignment: padded, Border: rules}),
		label:      mk(&excelize.Style{Font: font(true, 11, ""), NumFmt: textFmt, Alignment: padded, Border: rules}),
		cell:       mk(&excelize.Style{Font: font(false, 11, ""), NumFmt: textFmt, Alignment: padded, Border: rules}),
		plainLabel: mk(&excelize.Style{Font: font(true, 11, ""), NumFmt: textFmt, Alignment: top}),
		plainCell:  mk(&excelize.Style{Font: font(false, 11, ""), NumFmt: textFmt, Alignment: top}),
		link:       mk(&excelize.Style{Font: &excelize.Font{Family: "Arial", Color: "1F5FD1", Underline: "single"}, NumFmt: textFmt, Alignment: top}),
		input:      mk(&excelize.Style{Font: font(false, 11, ""), NumFmt: 1, Fill: fill(inputFill), Alignment: centred, Border: rules, Protection: unlocked}),
		total:      mk(&excelize.Style{Font: font(true, 11, ""), NumFmt: 2, Fill: fill(totalFill), Alignment: centred, Border: rules}),
		best:       mk(&excelize.Style{Font: font(true, 11, ""), Fill: fill(totalFill), Alignment: padded, Border: rules}),
	}
	for _, c := range w.colours {
		w.st.subjectHeads = append(w.st.subjectHeads, mk(&excelize.Style{Font: font(true, 11, "FFFFFF"), NumFmt: textFmt, Fill: fill(c), Alignment: padded, Border: rules}))
		w.st.subjectScoreHeads = append(w.st.subjectScoreHeads, mk(&excelize.Style{Font: font(true, 11, "FFFFFF"), NumFmt: textFmt, Fill: fill(c), Alignment: centred, Border: rules}))
	}
	if err != nil {
		return err
	}
	w.st.lead, err = w.f.NewConditionalStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Color: leadText}, Fill: fill(leadFill)})
	return err
}
