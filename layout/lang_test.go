package layout

import (
	"strings"
	"testing"
)

// An article in another language than English is not hyphenated with the
// English patterns: it breaks as if hyphenation were off, while the same
// text marked English (or unmarked) is hyphenated.
func TestOnlyEnglishIsHyphenated(t *testing.T) {
	breaks := func(lang string) int {
		a := load(t, "../testdata/long/long-comparison.md")
		a.Lang = lang
		res, err := Layout(a, Options{Parts: Parts{Handout: true}})
		if err != nil {
			t.Fatal(err)
		}
		if lang != "" && res.Meta.Lang != lang || lang == "" && res.Meta.Lang != "en" {
			t.Errorf("Meta.Lang %q for %q", res.Meta.Lang, lang)
		}
		n := 0
		for _, p := range res.Handout.Pages {
			for _, b := range p.Boxes {
				if tx, ok := b.(*Text); ok && tx.Role == RoleBody && strings.HasSuffix(tx.Text, "-") {
					n++
				}
			}
		}
		return n
	}
	english, unmarked, german, swiss := breaks("en-GB"), breaks(""), breaks("de"), breaks("de-CH")
	saved := Hyphenate
	Hyphenate = nil
	off := breaks("")
	Hyphenate = saved
	if german != off || swiss != off {
		t.Errorf("German breaks at %d/%d hyphens, with hyphenation off %d", german, swiss, off)
	}
	if english <= off || unmarked != english {
		t.Errorf("English breaks at %d hyphens (unmarked %d), with hyphenation off %d: it should hyphenate", english, unmarked, off)
	}
}
