package content

import (
	"regexp"
	"strings"
	"testing"
)

func TestSlugify(t *testing.T) {
	cases := map[string]string{
		"Software Engineer vs. Platform SRE": "software-engineer-vs-platform-sre",
		"Café Owner vs. Barista":             "cafe-owner-vs-barista",
		"Straße & Co":                        "strasse-and-co",
		"Αθήνα vs Киев":                      "athina-vs-kiev",
		"../../pwned":                        "pwned",
		"  --Hello--World--  ":               "hello-world",
		"🚀🚀":                                 "article-",
		strings.Repeat("word ", 40):          strings.TrimSuffix(strings.Repeat("word-", 16), "-"),
	}
	for in, want := range cases {
		got, _ := Slugify(in)
		if want == "article-" {
			if !strings.HasPrefix(got, want) {
				t.Errorf("Slugify(%q) = %q, want prefix %q", in, got, want)
			}
			continue
		}
		if got != want {
			t.Errorf("Slugify(%q) = %q, want %q", in, got, want)
		}
	}
}

var slugShape = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

func FuzzSlugify(f *testing.F) {
	for _, s := range []string{"Software Engineer vs. Platform SRE", "Café", "Αθήνα", "../x", "", "a\u202eb"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, _ := Slugify(s)
		if strings.TrimSpace(s) == "" {
			return
		}
		if !slugShape.MatchString(got) || len(got) > MaxSlugChars {
			t.Fatalf("Slugify(%q) = %q", s, got)
		}
		if again, _ := Slugify(got); again != got {
			t.Fatalf("not idempotent: %q -> %q", got, again)
		}
	})
}
