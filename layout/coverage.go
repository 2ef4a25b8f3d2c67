package layout

import (
	"fmt"
	"sort"
	"strings"

	"github.com/triptych/triptych/content"
	"github.com/triptych/triptych/layout/fonts"
)

// Placeholder replaces characters that no embedded font can draw: a white
// square drawn on purpose and reported in a warning, never a silent .notdef
// box (the fonts have no U+FFFD).
const Placeholder = '\u25A1'

// covered reports whether every face can draw r. Runes above U+FFFF are
// never drawn: the PDF library cannot encode them.
func covered(r rune) bool {
	if r > 0xFFFF {
		return false
	}
	for _, f := range fonts.All {
		if !f.Has(r) {
			return false
		}
	}
	return true
}

// SanitizeText returns a copy of the article in which every character that
// the embedded fonts cannot draw is replaced by Placeholder, with one
// warning per source line naming the characters.
func SanitizeText(a *content.Article) (*content.Article, []content.Warning) {
	c := *a
	missing := map[int]map[rune]bool{}
	fix := func(s string, line int) string {
		bad := false
		for _, r := range s {
			if r != ' ' && !covered(r) {
				bad = true
				break
			}
		}
		if !bad {
			return s
		}
		var b strings.Builder
		for _, r := range s {
			if r == ' ' || covered(r) {
				b.WriteRune(r)
				continue
			}
			if missing[line] == nil {
				missing[line] = map[rune]bool{}
			}
			missing[line][r] = true
			b.WriteRune(Placeholder)
		}
		return b.String()
	}
	paras := func(ps []content.Paragraph) []content.Paragraph {
		out := make([]content.Paragraph, len(ps))
		for i, p := range ps {
			out[i] = content.Paragraph{Line: p.Line, Runs: make([]content.Run, len(p.Runs))}
			for j, r := range p.Runs {
				r.Text = fix(r.Text, p.Line)
				out[i].Runs[j] = r
			}
		}
		return out
	}
	c.Title, c.Subtitle, c.Author = fix(a.Title, 1), fix(a.Subtitle, 1), fix(a.Author, 1)
	c.Figure, c.TermsHeading = fix(a.Figure, 0), fix(a.TermsHeading, 0)
	c.Table.Caption, c.Table.Label = fix(a.Table.Caption, a.Table.Line), fix(a.Table.Label, a.Table.Line)
	c.Table.Subjects = make([]string, len(a.Table.Subjects))
	for i, s := range a.Table.Subjects {
		c.Table.Subjects[i] = fix(s, a.Table.Line)
	}
	c.Table.Rows = make([]content.Row, len(a.Table.Rows))
	for i, r := range a.Table.Rows {
		row := content.Row{Aspect: fix(r.Aspect, r.Line), Line: r.Line, Cells: make([]string, len(r.Cells))}
		for j, cell := range r.Cells {
			row.Cells[j] = fix(cell, r.Line)
		}
		c.Table.Rows[i] = row
	}
	c.Lead, c.Disclaimer = paras(a.Lead), paras(a.Disclaimer)
	c.Sections = make([]content.Section, len(a.Sections))
	for i, s := range a.Sections {
		c.Sections[i] = content.Section{Heading: fix(s.Heading, s.Line), Line: s.Line, Paragraphs: paras(s.Paragraphs)}
	}
	c.Terms = make([]content.Term, len(a.Terms))
	for i, t := range a.Terms {
		c.Terms[i] = content.Term{Name: fix(t.Name, t.Line), Line: t.Line, Definition: paras(t.Definition)}
	}
	var warnings []content.Warning
	lines := make([]int, 0, len(missing))
	for l := range missing {
		lines = append(lines, l)
	}
	sort.Ints(lines)
	for _, l := range lines {
		var runes []string
		for r := range missing[l] {
			runes = append(runes, fmt.Sprintf("%q (U+%04X)", string(r), r))
		}
		sort.Strings(runes)
		warnings = append(warnings, content.NewWarning(a.Source, l,
			"the fonts have no glyph for %s; shown as %q", strings.Join(runes, ", "), string(Placeholder)))
	}
	return &c, warnings
}
