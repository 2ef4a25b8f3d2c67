package hyphen

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// FuzzPoints: no panic; points strictly increasing, inside the word,
// between two letters, never next to an apostrophe, with LeftMin letters
// before and RightMin after within the run of letters it splits; and
// nothing for words Hyphenatable rejects.
func FuzzPoints(f *testing.F) {
	for _, s := range []string{"hyphenation", "(machine,", "programmer's", "rock'n'roll", "o’clock",
		"naïve", "Capital", "and/or", "x86", "", "’", "a'b", "table", "supercalifragilisticexpialidocious",
		strings.Repeat("ab", 40), "\xff\xfehyphen", "de\u0301velopment"} {
		f.Add(s)
	}
	h, _ := Lang("")
	f.Fuzz(func(t *testing.T, word string) {
		pts := h.Points(word)
		if len(pts) > 0 && !Hyphenatable(word) {
			t.Fatalf("%q: points %v for a word Hyphenatable rejects", word, pts)
		}
		prev := 0
		for _, p := range pts {
			if p <= prev || p >= len(word) {
				t.Fatalf("%q: points %v not increasing inside the word", word, pts)
			}
			prev = p
			before, _ := utf8.DecodeLastRuneInString(word[:p])
			after, _ := utf8.DecodeRuneInString(word[p:])
			if !unicode.IsLetter(before) || !unicode.IsLetter(after) {
				t.Fatalf("%q: point %d between %q and %q", word, p, before, after)
			}
			if n := lettersBack(word[:p]); n < h.LeftMin() {
				t.Fatalf("%q: point %d leaves %d letters before", word, p, n)
			}
			if n := lettersAhead(word[p:]); n < h.RightMin() {
				t.Fatalf("%q: point %d leaves %d letters after", word, p, n)
			}
		}
	})
}

// lettersBack counts the letters that end s, up to an apostrophe or
// other non-letter.
func lettersBack(s string) int {
	n := 0
	for len(s) > 0 {
		r, size := utf8.DecodeLastRuneInString(s)
		if !unicode.IsLetter(r) {
			break
		}
		n++
		s = s[:len(s)-size]
	}
	return n
}

func lettersAhead(s string) int {
	n := 0
	for _, r := range s {
		if !unicode.IsLetter(r) {
			break
		}
		n++
	}
	return n
}
