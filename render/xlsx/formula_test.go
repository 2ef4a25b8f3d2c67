package xlsx

import (
	"encoding/xml"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/triptych/triptych/content"
	"github.com/triptych/triptych/internal/testkit"
)

// The only functions our formulas call: each of them exists in Excel,
// LibreOffice and Google Sheets.
var allowedFunctions = map[string]bool{
	"IF": true, "SUMPRODUCT": true, "ISNUMBER": true, "COUNT": true, "MAX": true, "MID": true, "AND": true,
}

// The only string literals: empty, the best fit's separator and tie
// prefix, and the dropdowns' lists of whole numbers.
var allowedStrings = regexp.MustCompile(`^(|, |Tie: |[0-9]+(,[0-9]+)*)$`)

// formulaToken matches one token of a formula, in order of preference.
var formulaToken = regexp.MustCompile(`^(?:` +
	`"(?:[^"]|"")*"` + // a string literal
	`|'(?:[^']|'')+'!` + // a quoted sheet name
	`|[A-Za-z_][A-Za-z0-9_.]*\(` + // a function call
	`|\$?[A-Z]{1,3}\$?[0-9]+(?::\$?[A-Z]{1,3}\$?[0-9]+)?` + // a cell or range
	`|\$[0-9]+:\$[0-9]+` + // a row range
	`|[A-Za-z_][A-Za-z0-9_.]*` + // a defined name
	`|[0-9]+(?:\.[0-9]+)?` + // a number
	`|<>|<=|>=|[-+*/&=<>,():^%]` + // an operator
	`)`)

// checkFormula reports what in a formula is not a cell, a range, one of
// our defined names, an allowed function, number, operator or string.
func checkFormula(f string, names map[string]bool) error {
	rest := f
	for rest != "" {
		tok := formulaToken.FindString(rest)
		if tok == "" {
			return fmt.Errorf("formula %q: cannot read %q", f, rest)
		}
		rest = rest[len(tok):]
		switch {
		case strings.HasPrefix(tok, `"`):
			if s := strings.ReplaceAll(tok[1:len(tok)-1], `""`, `"`); !allowedStrings.MatchString(s) {
				return fmt.Errorf("formula %q: string %q is not ours", f, s)
			}
		case strings.HasPrefix(tok, "'"):
			if sheet := strings.TrimSuffix(strings.Trim(tok, "!"), "'")[1:]; sheet != SheetScorecard && sheet != SheetComparison && sheet != SheetTerms {
				return fmt.Errorf("formula %q: refers to sheet %q", f, sheet)
			}
		case len(tok) > 1 && strings.HasSuffix(tok, "("):
			if !allowedFunctions[strings.TrimSuffix(tok, "(")] {
				return fmt.Errorf("formula %q: function %s is not allowed", f, tok)
			}
		case regexp.MustCompile(`^[A-Za-z_]`).MatchString(tok) && !regexp.MustCompile(`^\$?[A-Z]{1,3}\$?[0-9]`).MatchString(tok):
			if !names[tok] {
				return fmt.Errorf("formula %q: %q is not one of our names", f, tok)
			}
		}
	}
	return nil
}

// formulaElements are the XML elements that hold formulas: cell formulas,
// conditional formats, data validations and defined names.
var formulaElements = map[string]bool{"f": true, "formula": true, "formula1": true, "formula2": true, "definedName": true}

// formulasIn returns the text of every formula element of an XML part.
func formulasIn(part []byte) ([]string, error) {
	d := xml.NewDecoder(strings.NewReader(string(part)))
	var out []string
	var in string
	var text strings.Builder
	for {
		tok, err := d.Token()
		if err != nil {
			if err.Error() == "EOF" {
				return out, nil
			}
			return nil, err
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if formulaElements[tok.Name.Local] {
				in = tok.Name.Local
				text.Reset()
			}
		case xml.CharData:
			if in != "" {
				text.Write(tok)
			}
		case xml.EndElement:
			if tok.Name.Local == in && in != "" {
				out = append(out, text.String())
				in = ""
			}
		}
	}
}

// formulaArticles are articles whose every text is a formula or looks
// like one: subjects, aspects, cells, title, terms.
func formulaArticles(t *testing.T) []*content.Article {
	h := hostileArticle(t)
	subjects := *h
	subjects.Table.Subjects = []string{hostile[0], hostile[4], `"&A1&"`}
	subjects.Table.Rows = nil
	for i, s := range hostile {
		subjects.Table.Rows = append(subjects.Table.Rows, content.Row{Aspect: s, Cells: []string{hostile[(i+1)%len(hostile)], s, "Weights"}})
	}
	subjects.Source = "hostile-subjects.md"
	all := []*content.Article{seed(t), h, &subjects}
	paths, _ := filepath.Glob(testkit.Path("testdata/articles/*.txt"))
	for _, p := range paths {
		all = append(all, testkit.Load(t, strings.TrimPrefix(p, testkit.Root()+"/")))
	}
	return all
}

// TestFormulasReferOnlyToOurCells scans every formula in every part of the
// workbooks of ordinary and hostile articles: each may hold only cell
// references, our defined names, allowed functions, numbers, operators
// and our own strings; no text from the article ever.
func TestFormulasReferOnlyToOurCells(t *testing.T) {
	scanned := 0
	for _, a := range formulaArticles(t) {
		parts, err := sheetParts(renderXLSX(t, a))
		if err != nil {
			t.Fatal(err)
		}
		names := map[string]bool{WeightsName: true, "_xlnm.Print_Titles": true}
		for i := range a.Table.Subjects {
			names[fmt.Sprintf("%s%d", ScoresName, i+1)] = true
		}
		for name, part := range parts {
			if !strings.HasSuffix(name, ".xml") {
				continue
			}
			fs, err := formulasIn(part)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			for _, f := range fs {
				scanned++
				if err := checkFormula(f, names); err != nil {
					t.Errorf("%s %s: %v", a.Source, name, err)
				}
			}
		}
	}
	if scanned < 20 {
		t.Errorf("only %d formulas scanned", scanned)
	}
}

// TestFormulaCheckerRejects: the checker itself refuses what article text
// in a formula would look like.
func TestFormulaCheckerRejects(t *testing.T) {
	names := map[string]bool{WeightsName: true}
	for _, f := range []string{`IF(A1="Python","x","")`, `HYPERLINK("http://x")`, `Weights&Platform`, `'Other'!A1`, `A1&"=1+1"`, `CMD|' /C calc'!A0`} {
		if checkFormula(f, names) == nil {
			t.Errorf("%s passes", f)
		}
	}
	for _, f := range []string{TotalFormula(1), BestFitFormula([]string{"D11", "F11"}, []string{"C4", "E4"}, "Tie: "), `"0,1,2"`, `'Scorecard'!$B$5:$B$9`, `AND(ISNUMBER(D11),D11=MAX($D$11,$F$11))`} {
		if err := checkFormula(f, map[string]bool{WeightsName: true, "Scores_1": true}); err != nil {
			t.Error(err)
		}
	}
}
