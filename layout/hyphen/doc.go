// Package hyphen finds the points where an English word may be hyphenated,
// with Frank Liang's algorithm, the one TeX uses, over the standard
// American English patterns.
//
// # Use
//
//	h, ok := hyphen.Lang("en-US") // "" and "en" mean en-US too
//	for _, off := range h.Points("(infrastructure,") {
//		// "(in" + "-" | "frastructure," … : off is a byte offset into the
//		// string as given; the hyphen goes before word[off].
//	}
//
// The line breaker hands over words exactly as they stand in the text.
// Points hyphenates only the letters in the middle (punctuation around the
// word stays on its side of the break) and returns nothing for words that
// should not be hyphenated at all; [Hyphenatable] states those rules in
// one place so the breaker and Points never disagree. Each fragment keeps
// at least [Hyphenator.LeftMin] letters before and [Hyphenator.RightMin]
// letters after a point (2 and 3 for en-US, as TeX's \lefthyphenmin and
// \righthyphenmin), exceptions included.
//
// A Hyphenator is immutable once built and safe for concurrent use. The
// en-US table is built on the first call to [Lang] (2 ms or less,
// once per process) so that runs that never set justified text pay
// nothing; after that Points does no I/O and, for words it does not
// hyphenate, no allocation, and its work grows linearly with the length
// of the word (each start position walks a trie at most as deep as the
// longest pattern).
//
// # Data
//
// data/hyph-en-us.pat.txt holds the 4,446 patterns of plain TeX's
// hyphen.tex (Liang and Knuth, 1983) and data/hyph-en-us.hyp.txt the 1,045
// exception words: Knuth's own list and the TUGboat hyphenation exception
// log. Both were converted by gen.go from hyph_en_US.dic in Debian's
// hyphen-en-us 2.8.8-7 package (libhyphen format, László Németh's
// conversion of the same TeX sources); see gen.go for what was skipped
// and why. The converted pattern table equals hyphen.tex except for two
// values that other patterns already imply (f2ly5 → fly5, s1tle dropped),
// which cannot change any result; both tables give the same points for
// all 83,815 hyphenatable words of Debian's wamerican word list. The licences (Knuth's hyphen.tex terms,
// TeX Users Group for the exceptions, and the BSD-style terms of the
// libhyphen conversion) are in third_party/hyphen-en-us-LICENSE.txt.
//
// Exceptions win over the patterns for the whole word, and the margins
// then apply to them too, as in TeX (tex.web §923 clears the first
// \lefthyphenmin and last \righthyphenmin positions after either source):
// "rec-i-proc-i-ty" in the list gives "rec-i-proc-ity".
package hyphen
