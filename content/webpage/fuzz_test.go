package webpage

import (
	"bytes"
	"errors"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

var fuzzWord = regexp.MustCompile(`[A-Za-z0-9]+`)

// FuzzConvert checks that no page panics, that every refusal is an *Error
// with a message, that the same page always gives the same Markdown with
// one source line per Markdown line and readable front matter, and that a
// page made of one simple table keeps every word of every cell.
func FuzzConvert(f *testing.F) {
	f.Add([]byte(article(prose + `<table><tr><th>Aspect</th><th>A</th></tr><tr><td>x</td><td>y</td></tr></table>`)))
	f.Add([]byte(`<table><tr><td rowspan=2>a<td>b<tr><td>c</table>`))
	f.Add([]byte(`<h1>T</h1><ul><li>a<ol start=9><li>b</ol></ul><pre>` + "```" + `</pre><blockquote>q`))
	f.Add([]byte(`<script type="application/ld+json">{"@graph":[{"@type":"Article","author":[{"@id":"#a"}],"datePublished":"2024-02-30"}]}</script>`))
	f.Add([]byte(`<p>1. *x* | <b>"y"</b>&amp;amp;<br><br>&#8203;<a href="javascript:x">z</a></p>`))
	f.Add([]byte(strings.Repeat("<div>", 40) + "<svg><style><p>x</style></svg>"))
	f.Add([]byte("Aspect Hugo Jekyll\nLanguage Go Ruby"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if !utf8.Valid(data) {
			data = bytes.ToValidUTF8(data, []byte("\uFFFD"))
		}
		res, err := Convert(data)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || e.Msg == "" {
				t.Fatalf("error %v (%T) is not an *Error with a message", err, err)
			}
		} else {
			checkResult(t, res)
			again, _ := Convert(data)
			if again == nil || !bytes.Equal(again.Markdown, res.Markdown) {
				t.Fatalf("two conversions differ")
			}
		}

		// The same input's words, laid out as a table of three columns.
		words := fuzzWord.FindAllString(string(data), 60)
		if len(words) == 0 {
			return
		}
		var page strings.Builder
		page.WriteString("<html><body><table>")
		for i, w := range words {
			if i%3 == 0 {
				page.WriteString("<tr>")
			}
			page.WriteString("<td>" + w + "</td>")
		}
		page.WriteString("</table></body></html>")
		res, err = Convert([]byte(page.String()))
		if err != nil {
			t.Fatalf("table page: %v\n%s", err, page.String())
		}
		checkResult(t, res)
		for _, w := range words {
			if !bytes.Contains(res.Markdown, []byte(w)) {
				t.Fatalf("cell word %q lost:\n%s\n%s", w, page.String(), res.Markdown)
			}
		}
	})
}

func checkResult(t *testing.T, res *Result) {
	t.Helper()
	if n := bytes.Count(res.Markdown, []byte("\n")); n != len(res.SourceLine) {
		t.Fatalf("%d source lines for %d Markdown lines", len(res.SourceLine), n)
	}
	parts := bytes.SplitN(res.Markdown, []byte("---\n"), 3)
	if len(parts) != 3 || len(parts[0]) != 0 {
		t.Fatalf("no front matter:\n%s", res.Markdown)
	}
	var front map[string]any
	if err := yaml.Unmarshal(parts[1], &front); err != nil {
		t.Fatalf("front matter: %v\n%s", err, parts[1])
	}
	if !utf8.Valid(res.Markdown) {
		t.Fatalf("Markdown is not UTF-8")
	}
}
