package xlsx

import (
	"strings"
	"unicode/utf8"

	"github.com/triptych/triptych/layout"
)

// text prepares an article string for a cell: Excel's own escape syntax
// (_xHHHH_) is escaped so the cell shows what the author wrote, and text
// past Excel's cell limit is cut with a warning.
func (w *workbook) text(s string, line int) string {
	if clean := xmlSafe(s); clean != s {
		w.warnings = append(w.warnings, layout.NewWarning(w.m.Source, line, "removed characters a spreadsheet cannot hold"))
		s = clean
	}
	s = escapeOOXML(s)
	if utf8.RuneCountInString(s) > MaxCellChars {
		r := []rune(s)
		s = string(r[:MaxCellChars-len("…(truncated)")]) + "…(truncated)"
		w.warnings = append(w.warnings, layout.NewWarning(w.m.Source, line, "text longer than Excel's %d-character cell limit was cut", MaxCellChars))
	}
	return s
}

// xmlSafe drops what XML 1.0 cannot carry (most C0 controls, U+FFFE,
// U+FFFF, broken UTF-8), which excelize would otherwise turn into U+FFFD.
func xmlSafe(s string) string {
	ok := true
	for _, r := range s {
		if !xmlChar(r) {
			ok = false
			break
		}
	}
	if ok && utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !(r == utf8.RuneError && n == 1) && xmlChar(r) {
			b.WriteRune(r)
		}
		i += n
	}
	return b.String()
}

func xmlChar(r rune) bool {
	return r == '\t' || r == '\n' || r == '\r' || r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}

// escapeOOXML escapes the underscore that starts each "_xHHHH_" (matches
// may overlap) as "_x005F_", which spreadsheet applications decode back to
// the literal text.
func escapeOOXML(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if isOOXMLEscape(s[i:]) {
			b.WriteString("_x005F_")
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func isOOXMLEscape(s string) bool {
	if len(s) < 7 || s[0] != '_' || s[1] != 'x' || s[6] != '_' {
		return false
	}
	for _, c := range s[2:6] {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}

// set writes a string cell: never a formula, whatever the text looks like.
func (w *workbook) set(sheet, cell, value string, line int) error {
	return w.f.SetCellStr(sheet, cell, w.text(value, line))
}
