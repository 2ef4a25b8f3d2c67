package hyphen

import (
	"unicode"
	"unicode/utf8"
)

// Hyphenatable reports whether word, as it stands in running text, may be
// hyphenated at all. It is the single statement of the rules, shared by
// Points and the line breaker. A word is not hyphenated when it:
//
//   - has an upper-case letter anywhere: capitalised words (names, and, by
//     triptych's choice, sentence starts), all-caps acronyms (NASA, GPUs)
//     and camel-case identifiers (JavaScript, iPhone) would all read badly
//     split;
//   - contains a digit of any script (1990s, x86, v2);
//   - already contains a hyphen, dash or slash (machine-readable, and/or,
//     1–2, well—known): the breaker breaks after that character itself,
//     and a second, invented hyphen in the same word would confuse;
//   - is not letters once leading and trailing punctuation is set aside:
//     any other character inside (a '.', ':', '@', '_', '&', …) means a
//     URL, e-mail address, file name or code, never to be hyphenated.
//
// Punctuation around the word ("(machine," "“word”") is allowed and set
// aside. Apostrophes inside (' and ’) are part of the word, but Points
// never breaks next to one: the letters between apostrophes are hyphenated
// as words of their own.
//
// Hyphenatable says nothing about the language: a word in letters the
// patterns do not cover (naïve, ελληνικά for en-US) passes here, and Points
// returns nil for it. Nor does it check length: short words simply have
// no points.
func Hyphenatable(word string) bool {
	_, _, ok := letters(word)
	return ok
}

// letters applies the Hyphenatable rules and returns the byte range
// [start, end) of the word's letters, from its first to its last letter.
func letters(word string) (start, end int, ok bool) {
	start, end = -1, -1
	for i := 0; i < len(word); {
		c := word[i]
		r, size := rune(c), 1
		if c >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(word[i:])
		}
		switch {
		case c >= 'a' && c <= 'z': // the common case, without table look-ups
		case c < utf8.RuneSelf && (c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || breaksItself(r)):
			return 0, 0, false
		case c < utf8.RuneSelf:
			i++
			continue // punctuation: inside the letters it is caught below
		case unicode.IsLetter(r):
			if unicode.IsUpper(r) || unicode.IsTitle(r) {
				return 0, 0, false
			}
		case unicode.IsDigit(r) || unicode.IsNumber(r) || breaksItself(r):
			return 0, 0, false
		default:
			i += size
			continue
		}
		if start < 0 {
			start = i
		}
		i += size
		end = i
	}
	if start < 0 {
		return 0, 0, false
	}
	// Inside the letters only apostrophes may stand between them.
	for _, r := range word[start:end] {
		if !unicode.IsLetter(r) && !isApostrophe(r) {
			return 0, 0, false
		}
	}
	return start, end, true
}

// isApostrophe: the typewriter and the typographic apostrophe; the latter
// is also the closing single quote, which is harmless because the word's
// letters end there either way.
func isApostrophe(r rune) bool { return r == '\'' || r == '’' }

// breaksItself lists the characters after which the breaker may break a
// word by itself, so the word gets no hyphens of ours.
func breaksItself(r rune) bool {
	switch r {
	case '-', '/', '\\',
		'\u00ad',           // soft hyphen: the author already chose the points
		'\u2044', '\u2215', // fraction slash, division slash
		'\u2212', '\ufe63', '\uff0d', '\uff0f': // minus, small and full-width hyphen-minus, full-width slash
		return true
	}
	return r >= '\u2010' && r <= '\u2015' // hyphen, non-breaking hyphen, figure dash, en and em dash, bar
}
