package webpage

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
	"go.yaml.in/yaml/v3"
)

// htmlPage wraps head and body markup in a document.
func htmlPage(head, body string) string {
	return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">" + head + "</head>\n<body>\n" + body + "\n</body></html>\n"
}

// article wraps body markup in an <article> under a title, with enough
// prose for readability to recognise it.
func article(body string) string {
	return htmlPage("<title>Test</title>", "<article><h1>Alpha vs. Beta</h1>\n"+body+"\n</article>")
}

func convert(t *testing.T, html string) *Result {
	t.Helper()
	res, err := Convert([]byte(html))
	if err != nil {
		t.Fatalf("Convert: %v", err)
	}
	if len(res.SourceLine) != bytes.Count(res.Markdown, []byte("\n")) {
		t.Fatalf("%d source lines for %d Markdown lines", len(res.SourceLine), bytes.Count(res.Markdown, []byte("\n")))
	}
	return res
}

// convertErr converts a page that must fail, returning the *Error.
func convertErr(t *testing.T, html string) *Error {
	t.Helper()
	_, err := Convert([]byte(html))
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("Convert error = %v, want *Error", err)
	}
	return e
}

// parsed is the Markdown read back: front matter and the body's blocks.
type parsed struct {
	front  map[string]any
	body   string
	blocks []block
}

// block is one top-level Markdown block and its text as goldmark reads it.
type block struct {
	kind  string // "heading2", "paragraph", "list", "table", "code", "quote"
	text  string
	table [][]string
	node  ast.Node
}

func parse(t *testing.T, md []byte) parsed {
	t.Helper()
	parts := bytes.SplitN(md, []byte("---\n"), 3)
	if len(parts) != 3 || len(parts[0]) != 0 {
		t.Fatalf("no front matter:\n%s", md)
	}
	p := parsed{front: map[string]any{}, body: string(parts[2])}
	if err := yaml.Unmarshal(parts[1], &p.front); err != nil {
		t.Fatalf("front matter: %v\n%s", err, parts[1])
	}
	src := parts[2]
	root := reader().Parser().Parse(text.NewReader(src))
	for n := root.FirstChild(); n != nil; n = n.NextSibling() {
		b := block{text: nodeText(n, src), node: n}
		switch n := n.(type) {
		case *ast.Heading:
			b.kind = "heading" + string(rune('0'+n.Level))
		case *ast.Paragraph:
			b.kind = "paragraph"
		case *ast.List:
			b.kind = "list"
		case *ast.FencedCodeBlock:
			b.kind = "code"
		case *ast.Blockquote:
			b.kind = "quote"
		case *east.Table:
			b.kind = "table"
			for r := n.FirstChild(); r != nil; r = r.NextSibling() {
				var row []string
				for c := r.FirstChild(); c != nil; c = c.NextSibling() {
					row = append(row, strings.TrimSpace(nodeText(c, src)))
				}
				b.table = append(b.table, row)
			}
		default:
			b.kind = "other"
		}
		p.blocks = append(p.blocks, b)
	}
	return p
}

// texts returns the text of the blocks of one kind.
func (p parsed) texts(kind string) []string {
	var out []string
	for _, b := range p.blocks {
		if b.kind == kind {
			out = append(out, b.text)
		}
	}
	return out
}

func (p parsed) str(key string) string {
	s, _ := p.front[key].(string)
	return s
}

func (p parsed) list(key string) []string {
	return frontList(p.front[key])
}

// all is every text of the article, front matter included.
func (p parsed) all() string {
	var b strings.Builder
	for _, v := range p.front {
		b.WriteString(strings.Join(frontList(v), "\n") + "\n")
	}
	for _, bl := range p.blocks {
		b.WriteString(bl.text + "\n")
		for _, r := range bl.table {
			b.WriteString(strings.Join(r, "\n") + "\n")
		}
	}
	return b.String()
}
