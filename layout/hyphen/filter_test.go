package hyphen

import "testing"

func TestHyphenatable(t *testing.T) {
	for _, c := range []struct {
		word string
		want bool
		why  string
	}{
		{"hyphenation", true, "plain word"},
		{"(machine,", true, "punctuation around the word"},
		{"“quoted”", true, "curly quotes around the word"},
		{"end.", true, "sentence end"},
		{"programmer's", true, "apostrophe inside"},
		{"programmer’s", true, "curly apostrophe inside"},
		{"’tis", true, "leading apostrophe"},
		{"naïve", true, "non-ASCII letters pass here; Points decides on the alphabet"},

		{"Hyphenation", false, "capitalised"},
		{"(Machine,", false, "capitalised after punctuation"},
		{"NASA", false, "acronym"},
		{"GPUs", false, "acronym plural"},
		{"JavaScript", false, "camel case"},
		{"iPhone", false, "inner capital"},
		{"Ǆemal", false, "title-case letter"},

		{"1990s", false, "digits"},
		{"x86", false, "digits"},
		{"(2024)", false, "digits in parentheses"},
		{"development²", false, "superscript digit"},
		{"٣rd", false, "Arabic-Indic digit"},

		{"https://example.com/infrastructure", false, "URL"},
		{"www.example.com", false, "bare domain"},
		{"example.com,", false, "domain with trailing comma"},
		{"someone@example.org", false, "e-mail"},
		{"<someone@example.org>", false, "e-mail in brackets"},
		{"file_name", false, "underscore"},
		{"rock&roll", false, "ampersand"},
		{"e.g.", false, "inner full stop"},

		{"machine-readable", false, "hyphen"},
		{"well‐known", false, "U+2010 hyphen"},
		{"non‑breaking", false, "non-breaking hyphen"},
		{"hy\u00adphen", false, "soft hyphen"},
		{"pages–leaves", false, "en dash"},
		{"word—word", false, "em dash"},
		{"and/or", false, "slash"},
		{"C:\\path", false, "backslash"},
		{"-prefix", false, "leading hyphen"},
		{"suffix-", false, "trailing hyphen"},

		{"", false, "empty"},
		{"...", false, "no letters"},
		{"’", false, "apostrophe alone"},
	} {
		if got := Hyphenatable(c.word); got != c.want {
			t.Errorf("Hyphenatable(%q) = %v, want %v (%s)", c.word, got, c.want, c.why)
		}
	}
}
