package content

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// cleanText returns s in NFC with invisible characters that would corrupt
// layout removed (C0/C1 controls, bidi controls, zero-width characters, the
// soft hyphen) and tabs turned into spaces. changed reports whether anything
// other than normalisation happened.
func cleanText(s string) (clean string, changed bool) {
	if isPlainASCII(s) {
		return s, false
	}
	s = norm.NFC.String(s)
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '\t':
			b.WriteByte(' ')
		case r == '\n':
			b.WriteRune(r)
		case isInvisible(r):
			changed = true
		default:
			b.WriteRune(r)
		}
	}
	return b.String(), changed
}

func isPlainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || c < 0x20 || c == 0x7f {
			return false
		}
	}
	return true
}

// isInvisible reports control, bidi and zero-width characters.
func isInvisible(r rune) bool {
	switch {
	case r < 0x20, r >= 0x7f && r < 0xa0:
		return true
	case r == 0xad, r == 0x034f, r == 0x061c, r == 0x180e:
		return true
	case r >= 0x200b && r <= 0x200f, r >= 0x202a && r <= 0x202e, r >= 0x2060 && r <= 0x206f:
		return true
	case r == 0xfeff, r >= 0xfff9 && r <= 0xfffb:
		return true
	}
	return unicode.Is(unicode.Cf, r) && r != 0x200d
}

// clean cleans every text field of the article in place, with one warning
// per place where invisible characters were removed.
func (a *Article) clean() {
	str := func(s *string, line int) {
		c, changed := cleanText(*s)
		*s = strings.TrimSpace(c)
		if changed {
			a.warn(line, "removed invisible control characters from %q", shorten(*s, 40))
		}
	}
	paras := func(ps []Paragraph) {
		for i := range ps {
			for j := range ps[i].Runs {
				r := &ps[i].Runs[j]
				c, changed := cleanText(r.Text)
				r.Text = c
				if changed {
					a.warn(ps[i].Line, "removed invisible control characters")
				}
			}
		}
	}
	str(&a.Title, 1)
	str(&a.Subtitle, 1)
	str(&a.Author, 0)
	str(&a.Figure, 0)
	str(&a.Table.Caption, a.Table.Line)
	str(&a.Table.Label, a.Table.Line)
	for i := range a.Table.Subjects {
		str(&a.Table.Subjects[i], a.Table.Line)
	}
	for i := range a.Table.Rows {
		row := &a.Table.Rows[i]
		str(&row.Aspect, row.Line)
		for j := range row.Cells {
			str(&row.Cells[j], row.Line)
		}
	}
	paras(a.Lead)
	for i := range a.Sections {
		str(&a.Sections[i].Heading, a.Sections[i].Line)
		paras(a.Sections[i].Paragraphs)
	}
	str(&a.TermsHeading, 0)
	for i := range a.Terms {
		str(&a.Terms[i].Name, a.Terms[i].Line)
		paras(a.Terms[i].Definition)
	}
	paras(a.Disclaimer)
}

func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}
