package webpage

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
	"go.yaml.in/yaml/v3"
)

// expectation is the part of testdata/EXPECT.md this package can check
// on its own Markdown (the content package checks the loaded article).
type expectation struct {
	Title    string   `json:"title"`
	Subtitle *string  `json:"subtitle"`
	Updated  string   `json:"updated"`
	Author   string   `json:"author"`
	Keywords []string `json:"keywords"`
	Table    *struct {
		Label    string   `json:"label"`
		Subjects []string `json:"subjects"`
		Rows     []struct {
			Aspect string   `json:"aspect"`
			Cells  []string `json:"cells"`
		} `json:"rows"`
	} `json:"table"`
	Sections         []string `json:"sections"`
	Terms            []string `json:"terms"`
	Lists            *int     `json:"lists"`
	LeadStarts       string   `json:"lead_starts"`
	DisclaimerStarts string   `json:"disclaimer_starts"`
	Present          []string `json:"present"`
	Absent           []string `json:"absent"`
	Error            string   `json:"error"`
}

// readMarkdown is a small reader of the Markdown this package writes, in
// the terms of EXPECT.md.
type readArticle struct {
	front      map[string]any
	table      [][]string
	sections   []string
	terms      []string
	lists      int
	lead       []string
	disclaimer []string
	text       []string
}

func readMarkdown(t *testing.T, md []byte) *readArticle {
	t.Helper()
	parts := bytes.SplitN(md, []byte("---\n"), 3)
	if len(parts) != 3 || len(parts[0]) != 0 {
		t.Fatalf("no front matter in:\n%s", md)
	}
	a := &readArticle{front: map[string]any{}}
	if err := yaml.Unmarshal(parts[1], &a.front); err != nil {
		t.Fatalf("front matter: %v\n%s", err, parts[1])
	}
	src := parts[2]
	root := reader().Parser().Parse(text.NewReader(src))
	heading, inTerms, inDisclaimer := false, false, false
	for n := root.FirstChild(); n != nil; n = n.NextSibling() {
		s := nodeText(n, src)
		switch n := n.(type) {
		case *ast.Heading:
			heading = true
			if n.Level == 2 {
				inTerms = strings.EqualFold(s, "Related Important Terms")
				inDisclaimer = strings.EqualFold(s, "Disclaimer")
				if !inTerms && !inDisclaimer {
					a.sections = append(a.sections, s)
				}
			} else if n.Level == 3 && inTerms {
				a.terms = append(a.terms, s)
			}
			continue
		case *east.Table:
			if a.table == nil {
				for r := n.FirstChild(); r != nil; r = r.NextSibling() {
					var row []string
					for c := r.FirstChild(); c != nil; c = c.NextSibling() {
						row = append(row, strings.TrimSpace(nodeText(c, src)))
					}
					a.table = append(a.table, row)
				}
			}
			continue
		case *ast.List:
			a.lists++
		case *ast.Paragraph:
			if !heading {
				a.lead = append(a.lead, s)
			}
			if inDisclaimer {
				a.disclaimer = append(a.disclaimer, s)
			}
		}
		a.text = append(a.text, s)
	}
	return a
}

// nodeText is the plain text of a node, blocks separated by spaces.
func nodeText(n ast.Node, src []byte) string {
	var b strings.Builder
	var walk func(n ast.Node)
	walk = func(n ast.Node) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.Text:
				b.WriteString(unescape(c.Value(src)))
				if c.SoftLineBreak() {
					b.WriteByte(' ')
				}
				if c.HardLineBreak() {
					b.WriteByte('\n')
				}
			case *ast.String:
				b.Write(c.Value)
			case *ast.CodeSpan:
				for k := c.FirstChild(); k != nil; k = k.NextSibling() {
					if t, ok := k.(*ast.Text); ok {
						b.Write(t.Value(src))
					}
				}
			case *ast.RawHTML:
				b.WriteByte('\n')
			case *ast.FencedCodeBlock:
				for i := 0; i < c.Lines().Len(); i++ {
					seg := c.Lines().At(i)
					b.Write(seg.Value(src))
				}
			default:
				if c.Type() == ast.TypeBlock && b.Len() > 0 && !strings.HasSuffix(b.String(), " ") {
					b.WriteByte(' ')
				}
				walk(c)
			}
		}
	}
	walk(n)
	return b.String()
}

func frontList(v any) []string {
	switch v := v.(type) {
	case string:
		return []string{v}
	case []any:
		var out []string
		for _, e := range v {
			out = append(out, e.(string))
		}
		return out
	}
	return nil
}

func proseJoin(names []string) string {
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// TestPages converts the realistic saved pages of testdata/html and checks
// them against their expect files.
func TestPages(t *testing.T) {
	files, _ := filepath.Glob("../../testdata/html/*.html")
	if len(files) == 0 {
		t.Skip("no pages in testdata/html")
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), filepath.Ext(file))
		t.Run(name, func(t *testing.T) {
			var want expectation
			raw, err := os.ReadFile(strings.TrimSuffix(file, filepath.Ext(file)) + ".expect.json")
			if err != nil {
				t.Skip("no expect file")
			}
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal(raw, &want); err != nil {
				t.Fatal(err)
			}
			res, err := Convert(data)
			if want.Error != "" {
				if err == nil || !strings.Contains(err.Error(), want.Error) {
					t.Fatalf("error = %v, want one containing %q", err, want.Error)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			checkPage(t, res.Markdown, &want)
			if t.Failed() {
				t.Logf("Markdown:\n%s", res.Markdown)
			}
		})
	}
}

func checkPage(t *testing.T, md []byte, want *expectation) {
	a := readMarkdown(t, md)
	str := func(k string) string { s, _ := a.front[k].(string); return s }
	if want.Title != "" && str("title") != want.Title {
		t.Errorf("title = %q, want %q", str("title"), want.Title)
	}
	if want.Subtitle != nil && str("subtitle") != *want.Subtitle {
		t.Errorf("subtitle = %q, want %q", str("subtitle"), *want.Subtitle)
	}
	if want.Updated != "" {
		if got := max(str("date"), str("lastmod")); got != want.Updated {
			t.Errorf("updated = %q, want %q", got, want.Updated)
		}
	}
	if want.Author != "" {
		if got := proseJoin(frontList(a.front["author"])); got != want.Author {
			t.Errorf("author = %q, want %q", got, want.Author)
		}
	}
	if want.Keywords != nil && !slices.Equal(frontList(a.front["keywords"]), want.Keywords) {
		t.Errorf("keywords = %q, want %q", frontList(a.front["keywords"]), want.Keywords)
	}
	if want.Table != nil {
		wantRows := [][]string{append([]string{want.Table.Label}, want.Table.Subjects...)}
		for _, r := range want.Table.Rows {
			wantRows = append(wantRows, append([]string{r.Aspect}, r.Cells...))
		}
		if len(a.table) != len(wantRows) {
			t.Errorf("table has %d rows, want %d: %q", len(a.table), len(wantRows), a.table)
		}
		for i := range min(len(a.table), len(wantRows)) {
			if !slices.Equal(a.table[i], wantRows[i]) {
				t.Errorf("table row %d = %q, want %q", i, a.table[i], wantRows[i])
			}
		}
	}
	if want.Sections != nil && !slices.Equal(a.sections, want.Sections) {
		t.Errorf("sections = %q, want %q", a.sections, want.Sections)
	}
	if want.Terms != nil && !slices.Equal(a.terms, want.Terms) {
		t.Errorf("terms = %q, want %q", a.terms, want.Terms)
	}
	if want.Lists != nil && a.lists != *want.Lists {
		t.Errorf("lists = %d, want %d", a.lists, *want.Lists)
	}
	if want.LeadStarts != "" && (len(a.lead) == 0 || !strings.HasPrefix(a.lead[0], want.LeadStarts)) {
		t.Errorf("lead = %q, want it to start %q", a.lead, want.LeadStarts)
	}
	if want.DisclaimerStarts != "" && (len(a.disclaimer) == 0 || !strings.HasPrefix(a.disclaimer[0], want.DisclaimerStarts)) {
		t.Errorf("disclaimer = %q, want it to start %q", a.disclaimer, want.DisclaimerStarts)
	}
	all := strings.Join(a.text, "\n")
	for _, p := range want.Present {
		if !strings.Contains(all, p) {
			t.Errorf("missing text %q", p)
		}
	}
	var front []string
	for _, v := range a.front {
		front = append(front, frontList(v)...)
	}
	everything := all + "\n" + strings.Join(front, "\n")
	for _, tab := range a.table {
		everything += "\n" + strings.Join(tab, "\n")
	}
	for _, s := range want.Absent {
		if strings.Contains(everything, s) {
			t.Errorf("page furniture %q is in the article", s)
		}
	}
}
