package xlsx

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/triptych/triptych/layout"
)

// Defined names of the scorecard's input ranges: the weights, and the
// scores of subject i (1-based) as ScoresName + i. Formulas use them, so
// that they read as what they compute.
const (
	WeightsName = "Weights"
	ScoresName  = "Scores_"
)

// scorecard writes the decision sheet the layout decided (see
// layout.Scorecard): the aspects with a weight each, every subject's cell
// text beside its score, a totals row and a best-fit cell. Every article
// text is a string cell; the formulas refer only to the sheet's own cells
// and defined names. The sheet is protected without a password, so that
// only the weights and scores take input until a reader unprotects it.
func (w *workbook) scorecard() (string, error) {
	f, sh, sc := w.f, SheetScorecard, w.wb.Scorecard
	k := sc.Subjects()
	first, last := headerRow+1, headerRow+len(sc.Rows)
	totalRow, bestRow := last+1, last+2
	lastCol := len(sc.Header)
	if err := w.titleRows(sh, sc.Note); err != nil {
		return "", err
	}
	// Header: the aspect label, Weight, each subject's name and Score.
	for c, h := range sc.Header {
		cell := cellName(c+1, headerRow)
		if err := w.set(sh, cell, h, w.wb.HeaderLine); err != nil {
			return "", err
		}
		style := w.st.head
		if c >= 2 {
			i := (c - 2) / 2
			style = w.st.subjectHeads[i]
			if c+1 == sc.ScoreColumn(i) {
				style = w.st.subjectScoreHeads[i]
			}
		}
		f.SetCellStyle(sh, cell, cell, style)
	}
	f.SetRowHeight(sh, headerRow, sc.RowHeights[0])
	// One row per aspect: the aspect, its weight, each subject's text and
	// an empty score.
	wc := sc.WeightColumn()
	for r, row := range sc.Rows {
		n := first + r
		if err := w.set(sh, cellName(1, n), row.Cells[0], row.Line); err != nil {
			return "", err
		}
		f.SetCellStyle(sh, cellName(1, n), cellName(1, n), w.st.label)
		if err := f.SetCellInt(sh, cellName(wc, n), int64(sc.DefaultWeight)); err != nil {
			return "", err
		}
		for i := range k {
			text := cellName(sc.TextColumn(i), n)
			if err := w.set(sh, text, row.Cells[i+1], row.Line); err != nil {
				return "", err
			}
			f.SetCellStyle(sh, text, text, w.st.cell)
		}
		f.SetRowHeight(sh, n, sc.RowHeights[r+1])
	}
	f.SetCellStyle(sh, cellName(wc, first), cellName(wc, last), w.st.input)
	for i := range k {
		col := sc.ScoreColumn(i)
		f.SetCellStyle(sh, cellName(col, first), cellName(col, last), w.st.input)
	}
	if err := w.setWidths(sh, sc.ColWidths); err != nil {
		return "", err
	}
	if err := w.scoreNames(sc, first, last); err != nil {
		return "", err
	}
	if err := w.scoreInputs(sc, first, last); err != nil {
		return "", err
	}
	if err := w.scoreTotals(sc, totalRow, bestRow); err != nil {
		return "", err
	}
	f.SetRowHeight(sh, totalRow, sc.RowHeights[len(sc.Rows)+1])
	f.SetRowHeight(sh, bestRow, sc.RowHeights[len(sc.Rows)+2])
	if err := w.freezeAbove(sh, first); err != nil {
		return "", err
	}
	if err := f.ProtectSheet(sh, &excelize.SheetProtectionOptions{
		SelectLockedCells: true, SelectUnlockedCells: true, FormatColumns: true, FormatRows: true,
	}); err != nil {
		return "", err
	}
	return "A1:" + cellName(lastCol, bestRow), w.printSetup(sh, fmt.Sprintf("$%d:$%d", headerRow, headerRow))
}

// absRange is an absolute reference to rows first..last of column col.
func absRange(col, first, last int) string {
	c := colName(col)
	return fmt.Sprintf("$%s$%d:$%s$%d", c, first, c, last)
}

// scoreNames defines Weights and Scores_1…Scores_k over the input cells.
func (w *workbook) scoreNames(sc *layout.Scorecard, first, last int) error {
	ref := func(col int) string { return "'" + SheetScorecard + "'!" + absRange(col, first, last) }
	if err := w.f.SetDefinedName(&excelize.DefinedName{Name: WeightsName, RefersTo: ref(sc.WeightColumn())}); err != nil {
		return err
	}
	for i := range sc.Subjects() {
		if err := w.f.SetDefinedName(&excelize.DefinedName{Name: ScoresName + strconv.Itoa(i+1), RefersTo: ref(sc.ScoreColumn(i))}); err != nil {
			return err
		}
	}
	return nil
}

// scoreInputs adds the dropdowns (with an input message and a stop on any
// other value) and the colour scale of the scores.
func (w *workbook) scoreInputs(sc *layout.Scorecard, first, last int) error {
	whole := func(lo, hi int) []string {
		var v []string
		for n := lo; n <= hi; n++ {
			v = append(v, strconv.Itoa(n))
		}
		return v
	}
	add := func(col int, lo, hi int, title, prompt string) error {
		dv := excelize.NewDataValidation(true)
		dv.SetSqref(cellName(col, first) + ":" + cellName(col, last))
		if err := dv.SetDropList(whole(lo, hi)); err != nil {
			return err
		}
		dv.SetInput(title, prompt)
		dv.SetError(excelize.DataValidationErrorStyleStop, title, fmt.Sprintf("Choose a whole number from %d to %d.", lo, hi))
		return w.f.AddDataValidation(SheetScorecard, dv)
	}
	if err := add(sc.WeightColumn(), sc.MinWeight, sc.MaxWeight, sc.WeightTitle, sc.WeightPrompt); err != nil {
		return err
	}
	for i := range sc.Subjects() {
		col := sc.ScoreColumn(i)
		if err := add(col, sc.MinScore, sc.MaxScore, sc.ScoreTitle, sc.ScorePrompt); err != nil {
			return err
		}
		mid := (sc.MinScore + sc.MaxScore) / 2
		if err := w.f.SetConditionalFormat(SheetScorecard, cellName(col, first)+":"+cellName(col, last), []excelize.ConditionalFormatOptions{{
			Type: "3_color_scale", Criteria: "=",
			MinType: "num", MinValue: strconv.Itoa(sc.MinScore), MinColor: "#" + scoreLow,
			MidType: "num", MidValue: strconv.Itoa(mid), MidColor: "#" + scoreMiddle,
			MaxType: "num", MaxValue: strconv.Itoa(sc.MaxScore), MaxColor: "#" + scoreHigh,
		}}); err != nil {
			return err
		}
	}
	return nil
}

// scoreTotals writes each subject's weighted score (blank while nothing
// with a weight is scored), highlights the leading one, and names the best
// fit (ties say so).
func (w *workbook) scoreTotals(sc *layout.Scorecard, totalRow, bestRow int) error {
	f, sh := w.f, SheetScorecard
	lastCol := len(sc.Header)
	if err := w.set(sh, cellName(1, totalRow), sc.TotalLabel, 0); err != nil {
		return err
	}
	if err := w.set(sh, cellName(1, bestRow), sc.BestLabel, 0); err != nil {
		return err
	}
	f.SetCellStyle(sh, cellName(1, totalRow), cellName(1, bestRow), w.st.best)
	f.SetCellStyle(sh, cellName(2, totalRow), cellName(lastCol, totalRow), w.st.total)
	var totals []string
	for i := range sc.Subjects() {
		totals = append(totals, cellName(sc.ScoreColumn(i), totalRow))
	}
	for i, cell := range totals {
		if err := f.SetCellFormula(sh, cell, TotalFormula(i+1)); err != nil {
			return err
		}
		abs := make([]string, len(totals))
		for j, t := range totals {
			abs[j] = absCell(t)
		}
		if err := f.SetConditionalFormat(sh, cell, []excelize.ConditionalFormatOptions{{
			Type: "formula", Criteria: fmt.Sprintf("AND(ISNUMBER(%s),%s=MAX(%s))", cell, cell, strings.Join(abs, ",")), Format: &w.st.lead,
		}}); err != nil {
			return err
		}
	}
	var names []string
	for i := range sc.Subjects() {
		names = append(names, cellName(sc.TextColumn(i), headerRow))
	}
	best := cellName(2, bestRow)
	if err := f.MergeCell(sh, best, cellName(lastCol, bestRow)); err != nil {
		return err
	}
	f.SetCellStyle(sh, best, cellName(lastCol, bestRow), w.st.best)
	return f.SetCellFormula(sh, best, BestFitFormula(totals, names, sc.TiePrefix))
}

// TotalFormula is subject i's (1-based) weighted score: the weights times
// the scores, over the weights of the rows scored; blank ("") while no row
// with a weight is scored.
func TotalFormula(i int) string {
	s := ScoresName + strconv.Itoa(i)
	scored := fmt.Sprintf("SUMPRODUCT(%s,--ISNUMBER(%s))", WeightsName, s)
	return fmt.Sprintf(`IF(%s=0,"",SUMPRODUCT(%s,%s)/%s)`, scored, WeightsName, s, scored)
}

// BestFitFormula names the subject with the highest total: totals are the
// total cells, names the cells holding the subjects' names. When several
// share the lead it lists them after tie; blank while nothing is scored.
func BestFitFormula(totals, names []string, tie string) string {
	top := "MAX(" + strings.Join(totals, ",") + ")"
	var leaders, count []string
	for i, t := range totals {
		leaders = append(leaders, fmt.Sprintf(`IF(%s=%s,", "&%s,"")`, t, top, names[i]))
		count = append(count, fmt.Sprintf("(%s=%s)", t, top))
	}
	return fmt.Sprintf(`IF(COUNT(%s)=0,"",IF(%s>1,"%s","")&MID(%s,3,32767))`,
		strings.Join(totals, ","), strings.Join(count, "+"), strings.ReplaceAll(tie, `"`, `""`), strings.Join(leaders, "&"))
}

// absCell makes a cell reference absolute ("D11" → "$D$11").
func absCell(cell string) string {
	i := strings.IndexAny(cell, "0123456789")
	return "$" + cell[:i] + "$" + cell[i:]
}
