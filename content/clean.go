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
// per line where invisible characters were removed. Runs keep their outer
// spaces (they separate words between runs); other fields are trimmed.
func (a *Article) clean() {
	warned := map[int]bool{}
	a.EditText(func(text string, line int) string {
		c, changed := cleanText(text)
		if changed && !warned[line] {
			warned[line] = true
			a.warn(line, "removed invisible control characters from %q", shorten(strings.TrimSpace(c), 40))
		}
		return c
	})
	// One-line fields: a line break (from HTML or a hard break in a
	// heading) reads as a space. Table cells keep theirs.
	oneLine := strings.NewReplacer("\n", " ")
	trim := func(p *string) { *p = strings.TrimSpace(*p) }
	for _, p := range []*string{&a.Title, &a.Subtitle, &a.Author, &a.Figure, &a.TermsHeading, &a.Table.Caption} {
		*p = oneLine.Replace(*p)
	}
	for i := range a.Sections {
		a.Sections[i].Heading = oneLine.Replace(a.Sections[i].Heading)
	}
	for i := range a.Terms {
		a.Terms[i].Name = oneLine.Replace(a.Terms[i].Name)
	}
	for _, p := range []*string{&a.Title, &a.Subtitle, &a.Author, &a.Figure, &a.TermsHeading, &a.Table.Caption, &a.Table.Label} {
		trim(p)
	}
	for i := range a.Table.Subjects {
		trim(&a.Table.Subjects[i])
	}
	for i := range a.Table.Rows {
		trim(&a.Table.Rows[i].Aspect)
		for j := range a.Table.Rows[i].Cells {
			trim(&a.Table.Rows[i].Cells[j])
		}
	}
	for i := range a.Sections {
		trim(&a.Sections[i].Heading)
	}
	for i := range a.Terms {
		trim(&a.Terms[i].Name)
	}
}

func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}
