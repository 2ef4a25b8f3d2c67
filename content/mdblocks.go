package content

import (
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// block handles one top-level block. Block quotes and other containers are
// flattened into their blocks, iteratively; lists stay lists.
func (p *mdParser) block(n ast.Node) error {
	stack := []ast.Node{n}
	for len(stack) > 0 {
		c := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		switch c := c.(type) {
		case *ast.Heading:
			p.heading(c)
		case *east.Table:
			if err := p.table(c); err != nil {
				return err
			}
		case *ast.ThematicBreak, *east.FootnoteList:
		case *ast.List:
			p.addParagraph(p.list(c, 0))
		default:
			if par, ok := p.leaf(c); ok {
				for _, one := range par {
					p.addParagraph(one)
				}
				continue
			}
			var kids []ast.Node
			for k := c.FirstChild(); k != nil; k = k.NextSibling() {
				kids = append(kids, k)
			}
			for i := len(kids) - 1; i >= 0; i-- {
				stack = append(stack, kids[i])
			}
		}
	}
	return nil
}

// leaf converts a block that holds text (a paragraph, a code block, an
// HTML block) into paragraphs; ok is false for containers.
func (p *mdParser) leaf(n ast.Node) (out []Paragraph, ok bool) {
	switch c := n.(type) {
	case *ast.Paragraph, *ast.TextBlock:
		if img := p.loneImage(c); img != nil {
			p.a.warn(p.lineOf(c), "image %q left out: triptych places no images in the article", string(img.Destination))
			return nil, true
		}
		return []Paragraph{p.inline(c)}, true
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		code := rawLines(c, p.src)
		if strings.TrimSpace(code) == "" {
			return nil, true
		}
		return []Paragraph{{Runs: []Run{{Text: code, Style: Code}}, Line: p.lineOf(c)}}, true
	case *ast.HTMLBlock:
		return p.htmlBlock(c), true
	}
	return nil, false
}

// loneImage returns the image that is a paragraph's only content.
func (p *mdParser) loneImage(n ast.Node) *ast.Image {
	var img *ast.Image
	for k := n.FirstChild(); k != nil; k = k.NextSibling() {
		switch k := k.(type) {
		case *ast.Image:
			if img != nil {
				return nil
			}
			img = k
		case *ast.Text:
			if strings.TrimSpace(string(k.Segment.Value(p.src))) != "" {
				return nil
			}
		default:
			return nil
		}
	}
	return img
}

// list converts a list and its nested lists. Depth is bounded by
// MaxNesting, checked on the source before parsing.
func (p *mdParser) list(l *ast.List, depth int) Paragraph {
	out := &List{Ordered: l.IsOrdered(), Start: l.Start}
	if out.Ordered && out.Start == 0 && !strings.HasPrefix(strings.TrimSpace(p.sourceLineOf(l)), "0") {
		out.Start = 1
	}
	for item := l.FirstChild(); item != nil; item = item.NextSibling() {
		var li ListItem
		for c := item.FirstChild(); c != nil; c = c.NextSibling() {
			li.Blocks = append(li.Blocks, p.itemBlocks(c, depth)...)
		}
		out.Items = append(out.Items, li)
	}
	return Paragraph{List: out, Line: p.lineOf(l)}
}

// itemBlocks converts one child of a list item.
func (p *mdParser) itemBlocks(c ast.Node, depth int) []Paragraph {
	switch c := c.(type) {
	case *ast.List:
		return []Paragraph{p.list(c, depth+1)}
	case *east.Table:
		if c == p.comparison {
			if err := p.table(c); err != nil {
				p.a.warn(p.lineOf(c), "%s", err.(*Error).Msg)
			}
			return nil
		}
		return []Paragraph{p.otherTable(c)}
	case *ast.Heading:
		return []Paragraph{{Runs: []Run{{Text: p.inline(c).Text(), Style: Bold}}, Line: p.lineOf(c)}}
	}
	if par, ok := p.leaf(c); ok {
		return par
	}
	var out []Paragraph
	for k := c.FirstChild(); k != nil; k = k.NextSibling() {
		out = append(out, p.itemBlocks(k, depth)...)
	}
	return out
}

func rawLines(n ast.Node, src []byte) string {
	var b strings.Builder
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		b.Write(seg.Value(src))
	}
	return strings.TrimRight(b.String(), "\n")
}

// collectNotes reads the footnote definitions at the end of the tree.
func (p *mdParser) collectNotes(root ast.Node) {
	for n := root.FirstChild(); n != nil; n = n.NextSibling() {
		list, ok := n.(*east.FootnoteList)
		if !ok {
			continue
		}
		for f := list.FirstChild(); f != nil; f = f.NextSibling() {
			fn, ok := f.(*east.Footnote)
			if !ok {
				continue
			}
			note := &Note{Label: string(fn.Ref), Line: p.lineOf(fn)}
			for c := fn.FirstChild(); c != nil; c = c.NextSibling() {
				if par, ok := p.leaf(c); ok {
					note.Paragraphs = append(note.Paragraphs, par...)
				} else if l, ok := c.(*ast.List); ok {
					note.Paragraphs = append(note.Paragraphs, p.list(l, 0))
				}
			}
			p.notes[fn.Index] = note
		}
	}
}

// noteRef returns the number shown for goldmark's footnote index: notes
// are numbered in the order they are first referenced.
func (p *mdParser) noteRef(index int) (int, bool) {
	if _, ok := p.notes[index]; !ok {
		return 0, false
	}
	for i, k := range p.noteOrder {
		if k == index {
			return i + 1, true
		}
	}
	p.noteOrder = append(p.noteOrder, index)
	return len(p.noteOrder), true
}

// finishNotes puts the referenced notes into the article, in order.
func (p *mdParser) finishNotes() {
	for i, k := range p.noteOrder {
		n := *p.notes[k]
		n.Number = i + 1
		p.a.Notes = append(p.a.Notes, n)
	}
}
