package webpage

import (
	"strings"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// reader is the Markdown parser triptych loads articles with (goldmark
// with GFM tables); readsBack checks output against it. It is made on
// first use, not at start-up: most runs read no web page.
var reader = sync.OnceValue(func() goldmark.Markdown {
	return goldmark.New(goldmark.WithExtensions(extension.Table))
})

// readsBack reports whether the Markdown s, read as one block, gives back
// exactly the text of runs.
func readsBack(s string, runs []run, m mode) bool {
	src := s
	if m == headingMode {
		src = "## " + s
	}
	want := plain(runs)
	if m == headingMode {
		want = strings.ReplaceAll(want, "\n", " ")
		want = strings.Join(strings.Fields(want), " ")
	}
	return readText([]byte(src+"\n")) == want
}

// readText returns the text of the first block of a Markdown document as
// triptych's loader reads it: escapes and character references resolved,
// a line break as "\n" (or an HTML "<br>"), other inline HTML as written.
func readText(src []byte) string {
	root := reader().Parser().Parse(text.NewReader(src))
	block := root.FirstChild()
	if block == nil || block.NextSibling() != nil {
		return "\x00not one block"
	}
	var b strings.Builder
	var walk func(n ast.Node)
	walk = func(n ast.Node) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.Text:
				b.WriteString(unescape(c.Value(src)))
				if c.HardLineBreak() {
					b.WriteByte('\n')
				} else if c.SoftLineBreak() {
					b.WriteByte(' ')
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
				var raw strings.Builder
				for i := 0; i < c.Segments.Len(); i++ {
					seg := c.Segments.At(i)
					raw.Write(seg.Value(src))
				}
				if strings.EqualFold(raw.String(), "<br>") {
					b.WriteByte('\n')
				} else {
					b.WriteString(raw.String())
				}
			case *ast.AutoLink:
				b.Write(c.Label(src))
			default:
				walk(c)
			}
		}
	}
	walk(block)
	return b.String()
}

func unescape(raw []byte) string {
	v := util.UnescapePunctuations(raw)
	v = util.ResolveNumericReferences(v)
	v = util.ResolveEntityNames(v)
	return string(v)
}
