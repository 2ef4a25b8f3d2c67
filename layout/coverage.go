package layout

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/triptych/triptych/content"
	"github.com/triptych/triptych/layout/fonts"
)

// Placeholder replaces characters that no embedded font can draw: a white
// square drawn on purpose and reported in a warning, never a silent .notdef
// box (the fonts have no U+FFFD).
const Placeholder = '\u25A1'

// covered reports whether every face can draw r, itself or through a
// fallback font (fonts.SetFallbacks). Runes above U+FFFF are never drawn:
// the PDF library cannot encode them.
func covered(r rune) bool {
	if r > 0xFFFF {
		return false
	}
	if fonts.AllHave(r) {
		return true
	}
	for _, f := range fonts.All {
		if !f.Draws(r) {
			return false
		}
	}
	return true
}

// SanitizeText returns a copy of the article to lay out, with one warning
// per source line naming the characters the embedded fonts cannot draw.
// The text keeps those characters: the measurer gives each the width of
// Placeholder, and Drawable puts Placeholder in their place only in the
// text boxes painters draw, whose Actual keeps what the author wrote (the
// PDF's text layer and screen readers get it).
func SanitizeText(a *content.Article) (*content.Article, []content.Warning) {
	c := a.Clone()
	missing := map[int]map[rune]bool{}
	fix := func(s string, line int) string {
		bad := false
		for _, r := range s {
			if r != ' ' && r != '\n' && !covered(r) {
				bad = true
				break
			}
		}
		if !bad {
			return s
		}
		var b strings.Builder
		for _, r := range s {
			if r == ' ' || r == '\n' || covered(r) {
				b.WriteRune(r)
				continue
			}
			if missing[line] == nil {
				missing[line] = map[rune]bool{}
			}
			missing[line][r] = true
			b.WriteRune(r)
		}
		return b.String()
	}
	c.EditText(fix)
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
		warnings = append(warnings, content.NewWarning(a.Source, l, "%s", noFontSays(strings.Join(runes, ", "))))
	}
	return c, warnings
}

// Drawable returns s with every character the embedded fonts cannot draw
// replaced by Placeholder, and whether anything was replaced.
func Drawable(s string) (string, bool) {
	clean := true
	for _, r := range s {
		if r != ' ' && r != '\n' && !covered(r) {
			clean = false
			break
		}
	}
	if clean {
		return s, false
	}
	var b strings.Builder
	for _, r := range s {
		if r == ' ' || r == '\n' || covered(r) {
			b.WriteRune(r)
		} else {
			b.WriteRune(Placeholder)
		}
	}
	return b.String(), true
}

// newText makes a text box of a piece of text: the characters the fonts
// lack are drawn as Placeholder and kept in Actual.
func newText(t Text) *Text {
	if d, changed := Drawable(t.Text); changed {
		t.Actual, t.Text = t.Text, d
	}
	return &t
}

// noFontSays is the warning for characters no font draws.
func noFontSays(chars string) string {
	if len(fonts.Fallbacks()) == 0 {
		return fmt.Sprintf("the embedded fonts have no glyph for %s; shown as %q (--font adds a font that has them)", chars, string(Placeholder))
	}
	return fmt.Sprintf("no font, embedded or added with --font, has a glyph for %s; shown as %q", chars, string(Placeholder))
}

// TextRun is a stretch of a text box drawn in one face, from X: the
// characters a face lacks are drawn by the fallback font that has them
// (fonts.SetFallbacks), at the advances the layout measured with it.
type TextRun struct {
	Face fonts.Face
	Text string
	X    float64
	// Embolden marks bold text drawn by a fallback font, which has one
	// weight: painters thicken it by fonts.SyntheticBold of the size.
	Embolden bool
}

// Runs returns the runs painters draw the box in: one, in the box's face,
// unless fallback fonts draw some of its characters.
func (t *Text) Runs() []TextRun {
	runs := fonts.Runs(t.Face, t.Text)
	out := make([]TextRun, len(runs))
	bold := strings.Contains(t.Face.Style(), "B") && !t.Face.IsFallback()
	x := t.X
	for i, r := range runs {
		out[i] = TextRun{Face: r.Face, Text: r.Text, X: x, Embolden: bold && r.Face.IsFallback()}
		if i+1 < len(runs) {
			x += r.Face.Width(r.Text, t.Size) + t.Tracking*float64(utf8.RuneCountInString(r.Text))
		}
	}
	return out
}
