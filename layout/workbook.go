package layout

import (
	"strings"

	"github.com/triptych/triptych/content"
)

// The workbook's sheets, in the order they appear.
const (
	SheetComparison = "Comparison"
	SheetScorecard  = "Scorecard"
	SheetTerms      = "Terms"
	SheetAbout      = "About"
)

// Workbook is the spreadsheet laid out: every sheet's text in order, the
// header colours, and the widths and heights that make every line show on
// first open. Cells hold the author's text as written: a spreadsheet can
// hold characters the fonts cannot draw.
type Workbook struct {
	Title string
	// MetaLine is the line under the title: subtitle, date and author.
	MetaLine string
	// Sheets names the sheets to write, in order: the Comparison, the
	// Scorecard when asked for, Terms only when the article has terms, and
	// About.
	Sheets []string
	// Header is the comparison's header row: the aspect label, then the
	// subjects; HeaderColors has one colour per subject.
	Header       []string
	HeaderColors []Color
	HeaderLine   int
	Rows         []SheetRow
	// Terms are the related terms: a name and a definition each.
	Terms []SheetRow
	// About lists the article's particulars that have a value, label and
	// value.
	About []AboutRow
	// Scorecard is the sheet where a reader weighs the aspects and scores
	// the subjects; nil when it is turned off.
	Scorecard *Scorecard
	Grid      Grid
}

// Has reports whether the workbook has the named sheet.
func (w *Workbook) Has(sheet string) bool {
	for _, s := range w.Sheets {
		if s == sheet {
			return true
		}
	}
	return false
}

// SheetRow is one row of cells and the source line it came from.
type SheetRow struct {
	Cells []string
	Line  int
}

// AboutRow is one line of the About sheet; Link is set when the value is
// an http(s) address to make clickable. Tall marks the one value that may
// wrap over several lines (the disclaimer), which gets Grid's
// DisclaimerHeight.
type AboutRow struct {
	Label, Value, Link string
	Tall               bool
}

// Scorecard is the decision sheet: one row per aspect with a weight the
// reader chooses, and per subject the subject's cell text beside a score
// the reader gives. Its columns are the aspect, the weight, then for each
// subject its text column and its score column (TextColumn, ScoreColumn).
// Below the rows, a totals row holds each subject's weighted score and a
// last row names the best fit; both are formulas of the sheet's own cells.
type Scorecard struct {
	// Note is the line under the title: how to use the sheet.
	Note string
	// Header is the header row, one text per column: the aspect label,
	// "Weight", then each subject's name and "Score".
	Header []string
	// Rows are the aspects: the aspect text, then each subject's cell.
	Rows []SheetRow
	// Weights are whole numbers from MinWeight to MaxWeight, DefaultWeight
	// at first; scores are whole numbers from MinScore to MaxScore, empty
	// at first.
	MinWeight, MaxWeight, DefaultWeight int
	MinScore, MaxScore                  int
	// WeightTitle/WeightPrompt and ScoreTitle/ScorePrompt are the input
	// messages shown beside a selected weight or score cell.
	WeightTitle, WeightPrompt string
	ScoreTitle, ScorePrompt   string
	// TotalLabel heads the totals row, BestLabel the best-fit row, and
	// TiePrefix starts the best-fit text when subjects share the lead.
	TotalLabel, BestLabel, TiePrefix string
	// ColWidths has one width per column (Excel character units);
	// RowHeights the header row's height, one per aspect, then the totals
	// and best-fit rows' (points).
	ColWidths  []float64
	RowHeights []float64
}

// Subjects is the number of subjects scored.
func (s *Scorecard) Subjects() int { return (len(s.Header) - 2) / 2 }

// WeightColumn is the weight column's number (1-based).
func (s *Scorecard) WeightColumn() int { return 2 }

// TextColumn is the number (1-based) of the column showing subject i's
// cell text.
func (s *Scorecard) TextColumn(i int) int { return 3 + 2*i }

// ScoreColumn is the number (1-based) of subject i's score column.
func (s *Scorecard) ScoreColumn(i int) int { return 4 + 2*i }

// workbookFor lays out the spreadsheet of an article.
func workbookFor(a *content.Article, m Meta, colours []Color, scorecard bool) *Workbook {
	t := a.Table
	w := &Workbook{Title: m.Title, HeaderLine: t.Line, Grid: SheetGrid(a)}
	var meta []string
	for _, s := range []string{m.Subtitle, updatedLine(m), m.Author} {
		if s != "" {
			meta = append(meta, s)
		}
	}
	w.MetaLine = strings.Join(meta, " · ")
	w.Header = append([]string{m.AspectLabel}, t.Subjects...)
	for i := range t.Subjects {
		w.HeaderColors = append(w.HeaderColors, colours[i%len(colours)])
	}
	for _, r := range t.Rows {
		w.Rows = append(w.Rows, SheetRow{Cells: append([]string{r.Aspect}, r.Cells...), Line: r.Line})
	}
	for _, term := range a.Terms {
		w.Terms = append(w.Terms, SheetRow{Cells: []string{term.Name, content.ParagraphsText(term.Definition)}, Line: term.Line})
	}
	all := []AboutRow{
		{Label: "Title", Value: m.Title}, {Label: "Subtitle", Value: m.Subtitle}, {Label: "Updated", Value: a.Date()},
		{Label: "Author", Value: m.Author}, {Label: "Source", Value: m.SourceURL, Link: SafeLink(m.SourceURL)},
		{Label: "Disclaimer", Value: content.ParagraphsText(a.Disclaimer), Tall: true}, {Label: "Generated by", Value: m.Creator},
	}
	for _, r := range all {
		if strings.TrimSpace(r.Value) != "" {
			w.About = append(w.About, r)
		}
	}
	w.Sheets = []string{SheetComparison}
	if scorecard && len(t.Subjects) > 0 && len(t.Rows) > 0 {
		w.Scorecard = scorecardFor(w, &w.Grid)
		w.Sheets = append(w.Sheets, SheetScorecard)
	}
	if len(w.Terms) > 0 {
		w.Sheets = append(w.Sheets, SheetTerms)
	}
	w.Sheets = append(w.Sheets, SheetAbout)
	return w
}

// scorecardFor lays out the scorecard of a workbook's comparison.
func scorecardFor(w *Workbook, g *Grid) *Scorecard {
	s := &Scorecard{
		Note:      "Weigh each aspect from 0 to 5 and score each subject from 1 to 5: the weighted scores and the best fit update as you type.",
		Header:    []string{w.Header[0], "Weight"},
		MinWeight: 0, MaxWeight: 5, DefaultWeight: 3,
		MinScore: 1, MaxScore: 5,
		WeightTitle:  "Weight",
		WeightPrompt: "How much this aspect matters: 0 (not at all) to 5 (most).",
		ScoreTitle:   "Score",
		ScorePrompt:  "How well the subject does on this aspect: 1 (poorly) to 5 (very well). Leave empty to skip.",
		TotalLabel:   "Weighted score",
		BestLabel:    "Best fit",
		TiePrefix:    "Tie: ",
	}
	for _, subject := range w.Header[1:] {
		s.Header = append(s.Header, subject, "Score")
	}
	s.Rows = w.Rows
	s.ColWidths, s.RowHeights = scorecardGrid(s, g)
	return s
}

// updatedLine is "Updated 21 April 2025", or "" for an article without a
// date.
func updatedLine(m Meta) string {
	if m.UpdatedText == "" {
		return ""
	}
	return "Updated " + m.UpdatedText
}
