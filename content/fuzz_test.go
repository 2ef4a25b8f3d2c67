package content

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// wholeFileErrors are the errors that concern a file as a whole and so
// carry no line; every other error must name one.
var wholeFileErrors = []error{ErrEmpty, ErrNotText, ErrTooLarge, ErrFormat}

func checkLoadError(t *testing.T, name string, err error) {
	t.Helper()
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("error %q is %T, not *content.Error", err, err)
	}
	if e.Path != name || !strings.HasPrefix(err.Error(), name+":") {
		t.Fatalf("error %q does not start with the path %q", err, name)
	}
	if e.Line > 0 {
		return
	}
	for _, k := range wholeFileErrors {
		if errors.Is(err, k) {
			return
		}
	}
	t.Fatalf("error %q carries no line", err)
}

func addCorpusSeeds(f *testing.F, pattern string) {
	files, _ := filepath.Glob(pattern)
	for _, p := range files {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
}

func FuzzPlainText(f *testing.F) {
	addCorpusSeeds(f, "../testdata/articles/*.txt")
	addCorpusSeeds(f, "../examples/*.txt")
	f.Add([]byte("A vs B\n\nAspect A B\nGoal x. y.\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := Parse("f.txt", data)
		if err != nil {
			checkLoadError(t, "f.txt", err)
			return
		}
		// Compare with the text as the loader decoded it (UTF-16 and
		// Windows-1252 files are converted first).
		text, err := decodeText(&Article{Source: "f.txt"}, data)
		if err != nil {
			t.Fatalf("parsed, but decoding alone fails: %v", err)
		}
		lines := splitLines(text)
		for _, r := range a.Table.Rows {
			src := strings.TrimSpace(lines[r.Line-1])
			if c, changed := cleanText(src); changed || c != src {
				continue // cleaning changed the row: the words are compared raw below
			}
			if _, sep := splitSeparated(src); sep {
				continue
			}
			// Exact but for white space at the ends of parts, which the
			// loader trims (a no-break space is white space, not a word).
			got := strings.Join(append([]string{r.Aspect}, r.Cells...), " ")
			if strings.Join(strings.Fields(got), " ") != strings.Join(strings.Fields(src), " ") {
				t.Fatalf("row %d lost words:\n got %q\nwant %q", r.Line, got, src)
			}
		}
	})
}

func FuzzMarkdown(f *testing.F) {
	addCorpusSeeds(f, "../examples/*.md")
	f.Add([]byte("---\ntitle: T\n---\n\n| A | B | C |\n|---|---|---|\n| x | *y* | z |\n\n## S\n\nText [l](http://x).\n"))
	f.Add([]byte("---\ntitle: &a x\n---\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := Parse("f.md", data)
		if err != nil {
			checkLoadError(t, "f.md", err)
			return
		}
		// What loads must convert and load back.
		if _, err := Parse("g.md", MarshalMarkdown(a)); err != nil {
			t.Fatalf("converted article does not load: %v\n%s", err, MarshalMarkdown(a))
		}
	})
}

func FuzzFrontMatterSplit(f *testing.F) {
	f.Add("---\ntitle: x\n---\nbody\n")
	f.Add("---\n---\n")
	f.Add("no front matter\n---\n")
	f.Fuzz(func(t *testing.T, text string) {
		lines := strings.Split(text, "\n")
		yamlText, body, offset, err := splitFrontMatter("f.md", lines)
		if err != nil {
			checkLoadError(t, "f.md", err)
			return
		}
		if offset == 0 {
			if len(body) != len(lines) {
				t.Fatal("body without front matter lost lines")
			}
			return
		}
		rebuilt := append(append([]string{lines[0]}, strings.Split(yamlText, "\n")...), lines[offset-1])
		if yamlText == "" && offset == 2 {
			rebuilt = []string{lines[0], lines[1]}
		}
		rebuilt = append(rebuilt, body...)
		if strings.Join(rebuilt, "\n") != text {
			t.Fatalf("front matter + body != input")
		}
	})
}
