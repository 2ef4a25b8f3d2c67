package layout

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/triptych/triptych/content"
)

// smartQuotes sets an article's straight quotes as typographic ones for
// the drawn outputs (the poster and the handout): "a" becomes “a”, 'a'
// becomes ‘a’, and an apostrophe in a word becomes ’. Code keeps its
// straight quotes; the workbook and the CSV keep the author's characters.
func smartQuotes(a *content.Article) *content.Article {
	c := a.Clone()
	c.EditProse(func(s string, _ int) string { return curl(s) })
	return c
}

// curl replaces the straight quotes of s by the curly quotes their place
// calls for: opening after a space, an opening bracket or a dash (or at the
// start), closing elsewhere.
func curl(s string) string {
	if !strings.ContainsAny(s, `"'`) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	prev := ' '
	for i, r := range s {
		switch r {
		case '"':
			if opens(prev) {
				b.WriteRune('“')
			} else {
				b.WriteRune('”')
			}
		case '\'':
			next, _ := utf8.DecodeRuneInString(s[i+1:])
			switch {
			case unicode.IsLetter(prev) || unicode.IsDigit(prev):
				b.WriteRune('’') // an apostrophe or a closing quote
			case opens(prev) && unicode.IsDigit(next):
				b.WriteRune('’') // an elision: the '90s
			case opens(prev) && unicode.IsLetter(next):
				b.WriteRune('‘')
			default:
				b.WriteRune('’')
			}
		default:
			b.WriteRune(r)
		}
		prev = r
	}
	return b.String()
}

func opens(prev rune) bool {
	return unicode.IsSpace(prev) || strings.ContainsRune("([{<–—-/“‘", prev)
}
