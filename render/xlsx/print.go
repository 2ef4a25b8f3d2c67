package xlsx

import (
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// printSetup prints landscape on A4, one page wide, titleRows (such as
// "$4:$4") repeated on every page, with the title in the page header and
// the page numbers in the footer.
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
	if err := f.SetHeaderFooter(sheet, &excelize.HeaderFooterOptions{OddHeader: "&L&\"Arial,Bold\"" + headerTitle(w.m.Title), OddFooter: "&CPage &P of &N"}); err != nil {
		return err
	}
	if titleRows == "" {
		return nil
	}
	return f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: "'" + sheet + "'!" + titleRows, Scope: sheet})
}

// headerTitle is the title as a page-header text: "&" is the header's
// code character, and a header holds at most 255 characters.
func headerTitle(title string) string {
	if utf8.RuneCountInString(title) > 120 {
		title = string([]rune(title)[:119]) + "…"
	}
	return strings.ReplaceAll(title, "&", "&&")
}
