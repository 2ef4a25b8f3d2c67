package content

import (
	"strings"

	"github.com/yuin/goldmark/ast"
	"golang.org/x/net/html"
)

// htmlBlock reads a raw HTML block as a reader sees it: comments vanish,
// tags are dropped, block elements and <br> break lines, a <summary> is a
// bold lead-in, and the content of scripts and styles never shows.
func (p *mdParser) htmlBlock(n *ast.HTMLBlock) []Paragraph {
	var b strings.Builder
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		b.Write(seg.Value(p.src))
	}
	if n.HasClosure() {
		seg := n.ClosureLine
		b.Write(seg.Value(p.src))
	}
	return htmlToParagraphs(b.String(), p.lineOf(n))
}

// blockTags end the paragraph they appear in.
var blockTags = map[string]bool{
	"p": true, "div": true, "section": true, "article": true, "details": true, "summary": true,
	"ul": true, "ol": true, "li": true, "table": true, "tr": true, "blockquote": true, "figure": true,
	"figcaption": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"pre": true, "dl": true, "dt": true, "dd": true, "aside": true, "header": true, "footer": true, "hr": true,
}

// htmlToParagraphs turns an HTML fragment into paragraphs of runs.
func htmlToParagraphs(src string, line int) []Paragraph {
	var out []Paragraph
	cur := Paragraph{Line: line}
	var style Style
	hidden := ""
	flush := func() {
		trimRuns(&cur)
		if len(cur.Runs) > 0 {
			out = append(out, cur)
		}
		cur = Paragraph{Line: line}
	}
	emit := func(s string) {
		if s == "" || hidden != "" {
			return
		}
		if k := len(cur.Runs); k > 0 && cur.Runs[k-1].Style == style {
			cur.Runs[k-1].Text += s
			return
		}
		cur.Runs = append(cur.Runs, Run{Text: s, Style: style})
	}
	z := html.NewTokenizer(strings.NewReader(src))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		tok := z.Token()
		name := tok.Data
		switch tt {
		case html.TextToken:
			emit(strings.NewReplacer("\n", " ", "\u00a0", " ").Replace(tok.Data))
		case html.StartTagToken, html.SelfClosingTagToken:
			switch {
			case hiddenTags[name]:
				if hidden == "" && tt == html.StartTagToken {
					hidden = name
				}
			case name == "br":
				emit("\n")
			case blockTags[name]:
				flush()
				if name == "summary" {
					style |= Bold
				}
			case name == "b" || name == "strong":
				style |= Bold
			case name == "i" || name == "em":
				style |= Italic
			case name == "code" || name == "kbd":
				style |= Code
			}
		case html.EndTagToken:
			switch {
			case name == hidden:
				hidden = ""
			case blockTags[name]:
				flush()
				if name == "summary" {
					style &^= Bold
				}
			case name == "b" || name == "strong":
				style &^= Bold
			case name == "i" || name == "em":
				style &^= Italic
			case name == "code" || name == "kbd":
				style &^= Code
			}
		}
	}
	flush()
	return out
}
