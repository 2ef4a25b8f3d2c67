package content

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"unicode"

	"github.com/gosimple/unidecode"
	"golang.org/x/text/unicode/norm"
)

// MaxSlugChars is the longest slug made.
const MaxSlugChars = 80

// transliterations covers letters that do not decompose into an ASCII base
// letter plus marks: Latin ligatures and the Greek and Cyrillic alphabets.
var transliterations = map[rune]string{
	'ß': "ss", 'æ': "ae", 'œ': "oe", 'ø': "o", 'đ': "d", 'ð': "d", 'þ': "th", 'ł': "l", 'ı': "i", 'ŋ': "ng",
	'α': "a", 'β': "v", 'γ': "g", 'δ': "d", 'ε': "e", 'ζ': "z", 'η': "i", 'θ': "th", 'ι': "i", 'κ': "k",
	'λ': "l", 'μ': "m", 'ν': "n", 'ξ': "x", 'ο': "o", 'π': "p", 'ρ': "r", 'σ': "s", 'ς': "s", 'τ': "t",
	'υ': "y", 'φ': "f", 'χ': "ch", 'ψ': "ps", 'ω': "o",
	'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'е': "e", 'ё': "e", 'ж': "zh", 'з': "z", 'и': "i",
	'й': "y", 'к': "k", 'л': "l", 'м': "m", 'н': "n", 'о': "o", 'п': "p", 'р': "r", 'с': "s", 'т': "t",
	'у': "u", 'ф': "f", 'х': "kh", 'ц': "ts", 'ч': "ch", 'ш': "sh", 'щ': "shch", 'ъ': "", 'ы': "y", 'ь': "",
	'э': "e", 'ю': "yu", 'я': "ya", 'і': "i", 'ї': "yi", 'є': "ye", 'ґ': "g",
	'&': " and ", '+': " plus ", '@': " at ",
}

// Slugify turns text into a file-name-safe slug: lower-case ASCII letters
// and digits, words joined by "-", at most MaxSlugChars long. Accents are
// dropped; Greek and Cyrillic are transliterated by the table above and
// every other script (Chinese, Arabic, Hebrew, Hindi, Thai…) by unidecode.
// When letters of another script leave fewer than two meaningful words, a
// short hash of the text is added, so that two different titles never
// share a slug like "vs"; text with no usable letter gets "article-" and
// the hash. changed reports whether the result differs from the input.
func Slugify(text string) (slug string, changed bool) {
	var b strings.Builder
	pendingDash := false
	emit := func(s string) {
		for _, c := range s {
			if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' {
				if pendingDash && b.Len() > 0 {
					b.WriteByte('-')
				}
				pendingDash = false
				b.WriteRune(c)
			} else {
				pendingDash = true
			}
		}
	}
	foreign := false // letters of a script without an ASCII base letter
	for _, r := range norm.NFKD.String(text) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		r = unicode.ToLower(r)
		if t, ok := transliterations[r]; ok {
			emit(t)
			continue
		}
		if r < 0x80 {
			emit(string(r))
			continue
		}
		if unicode.IsLetter(r) {
			foreign = true
			t := strings.ToLower(unidecode.Unidecode(string(r)))
			if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) {
				t = " " + t + " " // each character is a syllable of its own
			}
			emit(t)
			continue
		}
		pendingDash = true
	}
	slug = b.String()
	if len(slug) > MaxSlugChars {
		cut := strings.LastIndexByte(slug[:MaxSlugChars+1], '-')
		if cut < MaxSlugChars/2 {
			cut = MaxSlugChars
		}
		slug = strings.TrimRight(slug[:cut], "-")
	}
	if strings.TrimSpace(text) != "" && (slug == "" || foreign && meaningfulWords(slug) < 2) {
		sum := sha256.Sum256([]byte(text))
		hash := hex.EncodeToString(sum[:4])
		if slug == "" {
			slug = "article-" + hash
		} else {
			slug = strings.TrimRight(slug[:min(len(slug), MaxSlugChars-len(hash)-1)], "-") + "-" + hash
		}
	}
	return slug, slug != text
}

// connectives are the words of a comparison title that name nothing.
var connectives = map[string]bool{"vs": true, "versus": true, "and": true, "or": true, "the": true, "a": true, "of": true}

// meaningfulWords counts the words of a slug that name something.
func meaningfulWords(slug string) int {
	n := 0
	for _, w := range strings.Split(slug, "-") {
		if w != "" && !connectives[w] {
			n++
		}
	}
	return n
}
