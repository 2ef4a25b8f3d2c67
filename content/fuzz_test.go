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
var wholeFileErrors = []error{ErrEmpty, ErrNotText, ErrTooLarge, ErrFormat, ErrNoTable}

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
	addCorpusSeeds(f, "../testdata/markdown/*.md")
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

// FuzzWebPage: a saved page never panics the loader, every error names
// the file, and what loads converts to Markdown that loads back.
func FuzzWebPage(f *testing.F) {
	addCorpusSeeds(f, "../testdata/html/*.html")
	f.Add([]byte("<h1>A vs B</h1><table><tr><th>Aspect<th>A<th>B<tr><td>Goal<td>x<br>y<td>z<tr><td>Cost<td>1<td>2</table>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := Parse("f.html", data)
		if err != nil {
			checkLoadError(t, "f.html", err)
			return
		}
		if _, err := Parse("g.md", MarshalMarkdown(a)); err != nil {
			t.Fatalf("converted page does not load: %v\n%s", err, MarshalMarkdown(a))
		}
	})
}

func FuzzFrontMatterSplit(f *testing.F) {
	f.Add("---\ntitle: x\n---\nbody\n")
	f.Add("---\n---\n")
	f.Add("no front matter\n---\n")
	f.Add("+++\ntitle = \"x\"\ndate = 2024-03-05T10:00:00+01:00\n[cover]\nimage = \"a.png\"\n+++\nbody\n")
	f.Add("{\n  \"title\": \"x\",\n  \"tags\": [\"a\", \"b\"]\n}\nbody\n")
	f.Fuzz(func(t *testing.T, text string) {
		lines := strings.Split(text, "\n")
		_, body, offset, err := splitFrontMatter("f.md", lines)
		if err != nil {
			checkLoadError(t, "f.md", err)
			return
		}
		if offset+len(body) != len(lines) || strings.Join(body, "\n") != strings.Join(lines[offset:], "\n") {
			t.Fatalf("the body is not the lines after the front matter")
		}
	})
}
