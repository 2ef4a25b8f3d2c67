package content

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/util"
)

// inline converts a node's inline children into runs, iteratively. Inline
// HTML is read as a reader sees it: tags are dropped, <br> is a line break,
// comments and the content of <script> and <style> vanish.
func (p *mdParser) inline(n ast.Node) Paragraph {
	par := Paragraph{Line: p.lineOf(n)}
	type frame struct {
		node  ast.Node
		style Style
		link  string
	}
	stack := []frame{}
	push := func(parent ast.Node, style Style, link string) {
		var kids []ast.Node
		for k := parent.FirstChild(); k != nil; k = k.NextSibling() {
			kids = append(kids, k)
		}
		for i := len(kids) - 1; i >= 0; i-- {
			stack = append(stack, frame{kids[i], style, link})
		}
	}
	hidden := "" // the tag whose content is being skipped (script, style)
	emit := func(s string, style Style, link string) {
		if s == "" || hidden != "" {
			return
		}
		if k := len(par.Runs); k > 0 && par.Runs[k-1].Style == style && par.Runs[k-1].Link == link {
			par.Runs[k-1].Text += s
			return
		}
		par.Runs = append(par.Runs, Run{Text: s, Style: style, Link: link})
	}
	push(n, 0, "")
	for len(stack) > 0 {
		f := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		switch c := f.node.(type) {
		case *ast.Text:
			emit(unescapeMarkdown(c.Value(p.src)), f.style, f.link)
			switch {
			case c.HardLineBreak():
				emit("\n", f.style, f.link)
			case c.SoftLineBreak():
				emit(" ", f.style, f.link)
			}
		case *ast.String:
			emit(string(c.Value), f.style, f.link)
		case *ast.CodeSpan:
			var b strings.Builder
			for k := c.FirstChild(); k != nil; k = k.NextSibling() {
				if t, ok := k.(*ast.Text); ok {
					b.Write(t.Value(p.src))
				} else if s, ok := k.(*ast.String); ok {
					b.Write(s.Value)
				}
			}
			emit(b.String(), f.style|Code, f.link)
		case *ast.Emphasis:
			style := f.style | Italic
			if c.Level >= 2 {
				style = f.style | Bold
			}
			push(c, style, f.link)
		case *ast.Link:
			push(c, f.style, string(c.Destination))
		case *ast.AutoLink:
			emit(string(c.Label(p.src)), f.style, string(c.URL(p.src)))
		case *ast.RawHTML:
			var b strings.Builder
			for i := 0; i < c.Segments.Len(); i++ {
				seg := c.Segments.At(i)
				b.Write(seg.Value(p.src))
			}
			tag := b.String()
			switch name, closing := tagName(tag); {
			case strings.HasPrefix(tag, "<!--"), strings.HasPrefix(tag, "<?"), strings.HasPrefix(tag, "<!"):
			case name == "br":
				emit("\n", f.style, f.link)
			case hiddenTags[name] && !closing && !strings.HasSuffix(tag, "/>"):
				if hidden == "" {
					hidden = name
				}
			case closing && name == hidden:
				hidden = ""
			}
		case *east.FootnoteLink:
			if num, ok := p.noteRef(c.Index); ok {
				emit(strconv.Itoa(num), NoteRef, "")
			}
		case *east.FootnoteBacklink:
		default:
			push(c, f.style, f.link)
		}
	}
	trimRuns(&par)
	return par
}

// hiddenTags are HTML elements whose content is never text of the article.
var hiddenTags = map[string]bool{"script": true, "style": true, "noscript": true, "template": true, "iframe": true, "object": true, "svg": true}

// tagName returns the lower-case name of an HTML tag and whether it closes.
func tagName(tag string) (name string, closing bool) {
	t := strings.TrimPrefix(tag, "<")
	if strings.HasPrefix(t, "/") {
		closing = true
		t = t[1:]
	}
	end := strings.IndexFunc(t, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-')
	})
	if end < 0 {
		end = len(t)
	}
	return strings.ToLower(t[:end]), closing
}

// unescapeMarkdown resolves backslash escapes and character references.
func unescapeMarkdown(raw []byte) string {
	v := util.UnescapePunctuations(raw)
	v = util.ResolveNumericReferences(v)
	v = util.ResolveEntityNames(v)
	s := string(v)
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	return s
}

// trimRuns removes leading and trailing spaces of the paragraph, folds
// runs of spaces and drops spaces around line breaks.
func trimRuns(par *Paragraph) {
	for i := range par.Runs {
		par.Runs[i].Text = foldSpaces(par.Runs[i].Text)
	}
	for len(par.Runs) > 0 {
		r := &par.Runs[0]
		r.Text = strings.TrimLeft(r.Text, " \n")
		if r.Text != "" {
			break
		}
		par.Runs = par.Runs[1:]
	}
	for len(par.Runs) > 0 {
		r := &par.Runs[len(par.Runs)-1]
		r.Text = strings.TrimRight(r.Text, " \n")
		if r.Text != "" {
			break
		}
		par.Runs = par.Runs[:len(par.Runs)-1]
	}
}

// foldSpaces folds runs of spaces and tabs into one space; a line break
// stays, without the spaces around it.
func foldSpaces(s string) string {
	if !strings.Contains(s, "  ") && !strings.ContainsAny(s, "\n\t") {
		return s
	}
	var b strings.Builder
	space, brk := false, false
	for _, r := range s {
		switch r {
		case ' ', '\t':
			space = true
			continue
		case '\n':
			brk = true
			continue
		}
		switch {
		case brk:
			b.WriteByte('\n')
		case space:
			b.WriteByte(' ')
		}
		space, brk = false, false
		b.WriteRune(r)
	}
	switch {
	case brk:
		b.WriteByte('\n')
	case space:
		b.WriteByte(' ')
	}
	return b.String()
}
