package content

import (
	"strings"
	"testing"
)

// The article's language comes from the front matter (lang, or language)
// or the page's <html lang>, canonicalised; a value that is no language
// tag is warned about and English assumed; convert keeps it.
func TestArticleLanguage(t *testing.T) {
	page := "<!doctype html>\n<html lang=\"%s\"><head><title>Tea vs Coffee</title></head><body><article><h1>Tea vs Coffee</h1>" +
		"<p>Two drinks compared for a morning.</p><table><tr><th>Aspect</th><th>Tea</th><th>Coffee</th></tr>" +
		"<tr><td>Caffeine</td><td>Less</td><td>More</td></tr><tr><td>Taste</td><td>Mild</td><td>Bitter</td></tr></table></article></body></html>\n"
	for _, tc := range []struct {
		name, src, want, warn string
	}{
		{"t.md", "---\ntitle: T\nlang: de-ch\n---\n" + tableBody, "de-CH", ""},
		{"t.md", "---\ntitle: T\nlanguage: fr\n---\n" + tableBody, "fr", ""},
		{"t.md", "+++\ntitle = \"T\"\nlang = \"pt-BR\"\n+++\n" + tableBody, "pt-BR", ""},
		{"t.md", "---\ntitle: T\nlang: not a language!\n---\n" + tableBody, "", "is not a language tag"},
		{"t.md", "---\ntitle: T\n---\n" + tableBody, "", ""},
		{"p.html", strings.Replace(page, "%s", "es", 1), "es", ""},
		{"p.html", strings.Replace(page, "%s", "EN-gb", 1), "en-GB", ""},
	} {
		a, err := Parse(tc.name, []byte(tc.src))
		if err != nil {
			t.Errorf("%q: %v", tc.src, err)
			continue
		}
		if a.Lang != tc.want {
			t.Errorf("%q: Lang %q, want %q", tc.src, a.Lang, tc.want)
		}
		var warned bool
		for _, w := range a.Warnings {
			warned = warned || tc.warn != "" && strings.Contains(w.Msg, tc.warn)
		}
		if warned != (tc.warn != "") {
			t.Errorf("%q: warned %v, want a warning %q: %v", tc.src, warned, tc.warn, a.Warnings)
		}
		if tc.want != "" {
			again, err := Parse("again.md", MarshalMarkdown(a))
			if err != nil || again.Lang != tc.want {
				t.Errorf("%q: after convert, Lang %q (%v)", tc.src, again.Lang, err)
			}
		}
	}
}
