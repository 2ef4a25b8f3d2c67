package content

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
)

// expectation is a testdata/*/NAME.expect.json file (see testdata/EXPECT.md):
// what a careful reader says the article holds. Absent fields are not
// checked.
type expectation struct {
	Title            *string   `json:"title"`
	Subtitle         *string   `json:"subtitle"`
	Updated          *string   `json:"updated"`
	Author           *string   `json:"author"`
	Keywords         []string  `json:"keywords"`
	Draft            *bool     `json:"draft"`
	IgnoredKeys      []string  `json:"ignored_keys"`
	Lang             *string   `json:"lang"`
	Table            *expTable `json:"table"`
	Sections         []string  `json:"sections"`
	Headings         []string  `json:"headings"`
	Terms            []string  `json:"terms"`
	Notes            *int      `json:"notes"`
	Lists            *int      `json:"lists"`
	DisclaimerStarts *string   `json:"disclaimer_starts"`
	LeadStarts       *string   `json:"lead_starts"`
	Present          []string  `json:"present"`
	Absent           []string  `json:"absent"`
	Furniture        []string  `json:"furniture"`
	Error            *string   `json:"error"`
}

type expTable struct {
	Label    *string  `json:"label"`
	Subjects []string `json:"subjects"`
	Rows     []struct {
		Aspect string   `json:"aspect"`
		Cells  []string `json:"cells"`
	} `json:"rows"`
}

// corpusFiles returns the articles of a testdata folder that have an
// expectation beside them.
func corpusFiles(t *testing.T, dir string, exts ...string) []string {
	t.Helper()
	var out []string
	for _, ext := range exts {
		files, _ := filepath.Glob(filepath.Join("..", "testdata", dir, "*"+ext))
		for _, f := range files {
			if _, err := os.Stat(expectPath(f)); err == nil {
				out = append(out, f)
			}
		}
	}
	if len(out) == 0 {
		t.Skipf("no articles in testdata/%s", dir)
	}
	return out
}

func expectPath(article string) string {
	return strings.TrimSuffix(article, filepath.Ext(article)) + ".expect.json"
}

func readExpectation(t *testing.T, article string) expectation {
	t.Helper()
	data, err := os.ReadFile(expectPath(article))
	if err != nil {
		t.Fatal(err)
	}
	var e expectation
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&e); err != nil {
		t.Fatalf("%s: %v", expectPath(article), err)
	}
	return e
}

// articleText is everything an output can show of the article, warnings
// aside: the inspect JSON.
func articleText(a *Article) string {
	s := Summarize(a)
	s.Warnings, s.IgnoredKeys, s.Table.Choice = nil, nil, ""
	// convert writes the choice of table into the file's shape, not its words
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s)
	// Decode the JSON escapes so that searches see the characters.
	var back any
	_ = json.Unmarshal(b.Bytes(), &back)
	var flat strings.Builder
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case string:
			flat.WriteString(v + "\n")
		case []any:
			for _, x := range v {
				walk(x)
			}
		case map[string]any:
			keys := make([]string, 0, len(v))
			for k := range v {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			for _, k := range keys {
				walk(v[k])
			}
		}
	}
	walk(back)
	return flat.String() + ParagraphsText(a.Lead)
}

// countLists counts the top-level lists of the body.
func countLists(a *Article) int {
	n := 0
	count := func(ps []Paragraph) {
		for _, p := range ps {
			if p.List != nil {
				n++
			}
		}
	}
	count(a.Lead)
	for _, s := range a.Sections {
		count(s.Paragraphs)
	}
	for _, t := range a.Terms {
		count(t.Definition)
	}
	count(a.Disclaimer)
	return n
}

// checkExpectation compares a loaded article with its expectation and
// returns the differences, one line each.
func checkExpectation(a *Article, e expectation) []string {
	var diffs []string
	str := func(name string, want *string, got string) {
		if want != nil && *want != got {
			diffs = append(diffs, name+": got "+quote(got)+", want "+quote(*want))
		}
	}
	list := func(name string, want, got []string) {
		if want != nil && !reflect.DeepEqual(want, append([]string{}, got...)) {
			diffs = append(diffs, name+": got "+quoteAll(got)+", want "+quoteAll(want))
		}
	}
	str("title", e.Title, a.Title)
	str("subtitle", e.Subtitle, a.Subtitle)
	str("updated", e.Updated, a.Date())
	str("author", e.Author, a.Author)
	list("keywords", e.Keywords, a.Keywords)
	if e.Draft != nil && *e.Draft != a.Draft {
		diffs = append(diffs, "draft differs")
	}
	list("ignored_keys", e.IgnoredKeys, a.IgnoredKeys)
	str("lang", e.Lang, a.Lang)
	if e.Table != nil {
		str("table label", e.Table.Label, a.Table.Label)
		list("subjects", e.Table.Subjects, a.Table.Subjects)
		if len(e.Table.Rows) != len(a.Table.Rows) {
			diffs = append(diffs, "rows: got "+itoa(len(a.Table.Rows))+", want "+itoa(len(e.Table.Rows)))
		}
		for i := 0; i < min(len(e.Table.Rows), len(a.Table.Rows)); i++ {
			w, g := e.Table.Rows[i], a.Table.Rows[i]
			if w.Aspect != g.Aspect || !reflect.DeepEqual(w.Cells, g.Cells) {
				diffs = append(diffs, "row "+itoa(i+1)+": got "+quoteAll(append([]string{g.Aspect}, g.Cells...))+
					", want "+quoteAll(append([]string{w.Aspect}, w.Cells...)))
			}
		}
	}
	var headings []string
	for _, s := range a.Sections {
		if s.Level == 0 {
			headings = append(headings, s.Heading)
		}
	}
	list("sections", e.Sections, headings)
	var terms []string
	for _, t := range a.Terms {
		terms = append(terms, t.Name)
	}
	list("terms", e.Terms, terms)
	if e.Notes != nil && *e.Notes != len(a.Notes) {
		diffs = append(diffs, "notes: got "+itoa(len(a.Notes))+", want "+itoa(*e.Notes))
	}
	if e.Lists != nil && *e.Lists != countLists(a) {
		diffs = append(diffs, "lists: got "+itoa(countLists(a))+", want "+itoa(*e.Lists))
	}
	if e.DisclaimerStarts != nil && !strings.HasPrefix(ParagraphsText(a.Disclaimer), *e.DisclaimerStarts) {
		diffs = append(diffs, "disclaimer starts "+quote(shorten(ParagraphsText(a.Disclaimer), 50)))
	}
	if e.LeadStarts != nil && (len(a.Lead) == 0 || !strings.HasPrefix(a.Lead[0].Text(), *e.LeadStarts)) {
		diffs = append(diffs, "lead starts "+quote(shorten(ParagraphsText(a.Lead), 50)))
	}
	text := articleText(a)
	flat := strings.Join(strings.Fields(text), " ")
	for _, p := range e.Present {
		if !strings.Contains(flat, strings.Join(strings.Fields(p), " ")) {
			diffs = append(diffs, "missing text "+quote(p))
		}
	}
	for _, s := range append(append([]string{}, e.Absent...), e.Furniture...) {
		if strings.Contains(text, s) {
			diffs = append(diffs, "leaked "+quote(s))
		}
	}
	return diffs
}

func quote(s string) string { b, _ := json.Marshal(s); return string(b) }

func quoteAll(s []string) string { b, _ := json.Marshal(s); return string(b) }

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }

// TestMarkdownAndWebCorpus loads every Markdown article and saved web page
// of testdata (written in the styles of Hugo, Jekyll, Obsidian, Quarto and
// common CMSs) and checks every field its expectation gives, then that
// convert's Markdown loads back to the same article.
func TestMarkdownAndWebCorpus(t *testing.T) {
	for _, dir := range []string{"markdown", "html"} {
		t.Run(dir, func(t *testing.T) {
			files := corpusFiles(t, dir, ".md", ".html", ".htm")
			failed := 0
			for _, f := range files {
				e := readExpectation(t, f)
				a, err := Load(f)
				if e.Error != nil {
					if err == nil || !strings.Contains(err.Error(), *e.Error) {
						t.Errorf("%s: error %v, want one containing %q", f, err, *e.Error)
						failed++
					}
					continue
				}
				if err != nil {
					t.Errorf("%v", err)
					failed++
					continue
				}
				// No raw markup of any source syntax reaches what triptych read.
				text := articleText(a)
				for _, raw := range []string{"<!--", "<br", "{{<", "{{%", "[^1]:", "<details", "<summary", "{:", "<script", "javascript:"} {
					if strings.Contains(text, raw) {
						e.Absent = append(e.Absent, raw)
					}
				}
				if diffs := checkExpectation(a, e); len(diffs) > 0 {
					t.Errorf("%s:\n  %s", f, strings.Join(diffs, "\n  "))
					failed++
					continue
				}
				back, err := Parse(strings.TrimSuffix(f, filepath.Ext(f))+".converted.md", MarshalMarkdown(a))
				if err != nil {
					t.Errorf("%s: converted Markdown does not load: %v", f, err)
					failed++
					continue
				}
				if g, w := articleText(back), articleText(a); g != w {
					gl, wl := strings.Split(g, "\n"), strings.Split(w, "\n")
					for i := range min(len(gl), len(wl)) {
						if gl[i] != wl[i] {
							t.Errorf("%s: converted Markdown loads as another article:\n got  %q\n want %q", f, gl[i], wl[i])
							break
						}
					}
					failed++
				}
			}
			t.Logf("testdata/%s: %d articles, %d exact, %d with differences", dir, len(files), len(files)-failed, failed)
		})
	}
}
