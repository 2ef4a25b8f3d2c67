package webpage

import (
	"strings"
)

// mode is where inline Markdown goes: it decides how a line break is
// written and which characters need a backslash.
type mode uint8

const (
	paragraphMode mode = iota // a line break is "\" at the end of the line
	headingMode               // a line break becomes a space
	cellMode                  // a line break is "<br>"; "|" is escaped
)

// markdownOf writes runs as inline Markdown. When the styled form would
// not read back as the same text (emphasis next to punctuation can fail to
// close), it writes the text without emphasis, links and code instead, so
// no word is ever changed.
func markdownOf(runs []run, m mode) string {
	s := writeRuns(runs, m, styled(runs))
	if styled(runs) && !readsBack(s, runs, m) {
		s = writeRuns(runs, m, false)
	}
	if m == cellMode {
		// GFM splits table cells before reading inlines, so a pipe inside
		// code or a link needs its backslash too.
		s = strings.ReplaceAll(s, "|", `\|`)
	}
	return s
}

// styled reports whether any run has emphasis, code or a link: plain
// text is escaped character by character and needs no check.
func styled(runs []run) bool {
	for _, r := range runs {
		if r.style != 0 || r.href != "" {
			return true
		}
	}
	return false
}

// writer state for one block of inline content.
type runWriter struct {
	b         []byte
	m         mode
	lineStart bool // nothing written on this line yet
	open      []openSpan
}

// openSpan is an open link or emphasis.
type openSpan struct {
	style style // bold or italic; 0 for a link
	href  string
	delim string
}

func writeRuns(runs []run, m mode, styled bool) string {
	w := &runWriter{m: m, lineStart: true}
	pendingSpace := false
	for _, r := range runs {
		switch r.kind {
		case breakRun:
			w.closeAll()
			pendingSpace = false
			switch m {
			case paragraphMode:
				w.b = append(w.b, "\\\n"...)
				w.lineStart = true
			case headingMode:
				pendingSpace = true
			case cellMode:
				w.b = append(w.b, "<br>"...)
			}
			continue
		case imageRun:
			href := r.href
			if !styled {
				href = ""
			}
			w.transition(r.style&^code, href, styled, pendingSpace)
			pendingSpace = false
			w.image(r.text, r.src)
			continue
		}
		core := strings.TrimLeft(r.text, " ")
		if core != r.text {
			pendingSpace = true
		}
		trimmed := strings.TrimRight(core, " ")
		if trimmed == "" {
			continue
		}
		st, href := r.style, r.href
		if !styled {
			st, href = 0, ""
		}
		w.transition(st&^code, href, styled, pendingSpace)
		pendingSpace = trimmed != core
		if st&code != 0 {
			w.codeSpan(trimmed)
		} else {
			w.text(trimmed)
		}
	}
	w.closeAll()
	return string(w.b)
}

// transition closes and opens links and emphasis so that what follows has
// the given style and link; white space goes outside the delimiters.
func (w *runWriter) transition(st style, href string, styled, space bool) {
	keep := 0
	for keep < len(w.open) {
		o := w.open[keep]
		if o.style == 0 && o.href != href || o.style != 0 && st&o.style == 0 {
			break
		}
		keep++
	}
	for len(w.open) > keep {
		w.closeTop()
	}
	if space {
		w.b = append(w.b, ' ')
	}
	if !styled {
		return
	}
	hasLink := false
	has := style(0)
	for _, o := range w.open {
		if o.style == 0 {
			hasLink = true
		}
		has |= o.style
	}
	if href != "" && !hasLink {
		if n := len(w.b); n > 0 && w.b[n-1] == '!' && (n < 2 || w.b[n-2] != '\\') {
			// "![" would start an image.
			w.b = append(w.b[:n-1], `\!`...)
		}
		w.b = append(w.b, '[')
		w.open = append(w.open, openSpan{href: href})
	}
	for _, s := range []style{bold, italic} {
		if st&s != 0 && has&s == 0 {
			delim := "**"
			if s == italic {
				delim = "*"
				if n := len(w.b); n > 0 && w.b[n-1] == '*' {
					delim = "_"
				}
			}
			w.b = append(w.b, delim...)
			w.open = append(w.open, openSpan{style: s, delim: delim})
		}
	}
}

func (w *runWriter) closeTop() {
	o := w.open[len(w.open)-1]
	w.open = w.open[:len(w.open)-1]
	if o.style == 0 {
		w.b = append(w.b, "]("...)
		w.b = append(w.b, destination(o.href)...)
		w.b = append(w.b, ')')
		return
	}
	w.b = append(w.b, o.delim...)
}

func (w *runWriter) closeAll() {
	for len(w.open) > 0 {
		w.closeTop()
	}
}

func (w *runWriter) text(s string) {
	w.b = appendEscaped(w.b, s, w.lineStart && len(w.open) == 0, w.m)
	w.lineStart = false
}

func (w *runWriter) image(alt, src string) {
	w.b = append(w.b, "!["...)
	w.b = appendEscaped(w.b, alt, false, w.m)
	w.b = append(w.b, "]("...)
	w.b = append(w.b, destination(src)...)
	w.b = append(w.b, ')')
	w.lineStart = false
}

// codeSpan writes s between enough backticks that none inside closes it.
func (w *runWriter) codeSpan(s string) {
	longest, cur := 0, 0
	for i := 0; i < len(s); i++ {
		if s[i] == '`' {
			cur++
			longest = max(longest, cur)
		} else {
			cur = 0
		}
	}
	fence := strings.Repeat("`", longest+1)
	pad := ""
	if s[0] == '`' || s[len(s)-1] == '`' || (s[0] == ' ' && s[len(s)-1] == ' ') {
		pad = " "
	}
	w.b = append(w.b, fence+pad+s+pad+fence...)
	w.lineStart = false
}

// appendEscaped writes text so that Markdown reads it back as written:
// every character that could start markup gets a backslash, and at the
// start of a line so does whatever would start a block (a list marker
// "1." or "-", a quote, a heading, a fence).
func appendEscaped(b []byte, s string, lineStart bool, m mode) []byte {
	start := 0
	if lineStart && m != cellMode {
		// Digits then "." or ")" start an ordered list.
		d := 0
		for d < len(s) && d < 10 && s[d] >= '0' && s[d] <= '9' {
			d++
		}
		if d > 0 && d < 10 && d < len(s) && (s[d] == '.' || s[d] == ')') {
			b = append(b, s[:d]...)
			b = append(b, '\\', s[d])
			start = d + 1
		} else if len(s) > 0 && strings.IndexByte("-+=~#>|", s[0]) >= 0 {
			b = append(b, '\\', s[0])
			start = 1
		}
	}
	for i := start; i < len(s); i++ {
		c := s[i]
		switch c {
		case '\\', '`', '*', '_', '[', ']', '<', '>':
			b = append(b, '\\', c)
		case '&':
			if entityAt(s[i:]) {
				// "&amp;" rather than "\&": a reader that resolves escapes
				// before references would turn "\&amp;" into "&".
				b = append(b, "&amp;"...)
			} else {
				b = append(b, c)
			}
		case '#':
			if m == headingMode && strings.Trim(s[i:], "#") == "" && (i == 0 || s[i-1] == ' ') {
				// A run of "#" ending a heading would be read as its
				// closing sequence.
				b = append(b, '\\')
			}
			b = append(b, c)
		default:
			b = append(b, c)
		}
	}
	return b
}

// entityAt reports whether s starts with something Markdown reads as a
// character reference ("&amp;", "&#38;", "&#x26;").
func entityAt(s string) bool {
	i := 1
	if i < len(s) && s[i] == '#' {
		i++
		hex := i < len(s) && (s[i] == 'x' || s[i] == 'X')
		if hex {
			i++
		}
		j := i
		for j < len(s) && j-i < 8 && (isDigit(s[j]) || hex && isHexLetter(s[j])) {
			j++
		}
		return j > i && j < len(s) && s[j] == ';'
	}
	j := i
	for j < len(s) && j-i < 40 && (isDigit(s[j]) || isLetter(s[j])) {
		j++
	}
	return j > i && isLetter(s[i]) && j < len(s) && s[j] == ';'
}

func isDigit(c byte) bool     { return c >= '0' && c <= '9' }
func isLetter(c byte) bool    { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
func isHexLetter(c byte) bool { return c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' }

// destination writes a link or image target so that Markdown reads it as
// one: characters that would end it or be read as markup are
// percent-encoded or escaped.
func destination(u string) string {
	var b strings.Builder
	for i := 0; i < len(u); i++ {
		c := u[i]
		switch {
		case c <= ' ' || c == 0x7f || c == '<' || c == '>' || c == '|' || c == '`':
			b.WriteString("%" + strings.ToUpper(hexByte(c)))
		case c == '(' || c == ')' || c == '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case c == '&' && entityAt(u[i:]):
			b.WriteString("&amp;")
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

func hexByte(c byte) string {
	const digits = "0123456789abcdef"
	return string([]byte{digits[c>>4], digits[c&15]})
}
