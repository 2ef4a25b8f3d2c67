package layout

import (
	"github.com/triptych/triptych/content"
	"github.com/triptych/triptych/layout/fonts"
)

// listGap is the space between a list marker and its text; listIndent
// the indent of a list from the text around it.
const (
	listGap    = 5.0
	listIndent = 10.0
)

// blocks places body blocks (paragraphs, lists, tables) in order, each
// indent points from the left margin. Text smaller than the body is the
// small print: it keeps the caption role.
func (f *flow) blocks(ps []content.Paragraph, size, lead float64, c Color, indent float64) {
	gap := paraGap * size / bodySize * f.squeeze
	for i, p := range ps {
		if i > 0 {
			f.y += gap
		}
		switch {
		case p.List != nil:
			f.list(p.List, size, lead, c, indent+listIndent)
		case p.Table != nil:
			f.otherTable(*p.Table, indent)
			f.y += 2
		default:
			pp := f.runsParaAt(p, size, lead, c, true, indent)
			if size < bodySize {
				pp.role = RoleCaption
			}
			pp.tag = f.leaf("P").Tag
			f.place(pp)
		}
	}
}

// list places a list with hanging indents: markers right-aligned in a
// column as wide as the widest marker, item text aligned after it, nested
// lists under their item's text.
func (f *flow) list(l *content.List, size, lead float64, c Color, indent float64) {
	f.open("L")
	f.listItems(l, size, lead, c, indent)
	f.close()
}

// listItems places the items of a list in the open L element.
func (f *flow) listItems(l *content.List, size, lead float64, c Color, indent float64) {
	face := fonts.SerifRegular
	markerW := 0.0
	for i := range l.Items {
		markerW = max(markerW, face.Width(l.Marker(i), size))
	}
	hang := markerW + listGap
	for i, item := range l.Items {
		if i > 0 {
			f.y += 2
		}
		f.open("LI")
		lbl := f.leaf("Lbl").Tag
		marker := l.Marker(i)
		w := face.Width(marker, size)
		mline := Line{Pieces: []Piece{{Text: marker, Face: face, W: w}}, Width: w}
		if len(item.Blocks) == 0 || item.Blocks[0].List != nil || item.Blocks[0].Table != nil {
			// An item that starts with a nested block still shows its marker.
			f.keepSpace(lead)
			f.block++
			f.add(tagged(lineBoxes(mline, f.left+indent+markerW-w, f.y, size, lead, c, RoleBody, f.block), lbl)...)
			if len(item.Blocks) == 0 {
				f.y += lead
			}
			f.openBody()
			f.blocks(item.Blocks, size, lead, c, indent+hang)
			f.closeBody()
			f.close()
			continue
		}
		first := f.runsParaAt(item.Blocks[0], size, lead, c, false, indent+hang)
		first.marker, first.markerX = &mline, f.left+indent+markerW-w
		f.openBody()
		first.markerTag, first.tag = lbl, f.leaf("P").Tag
		f.keepSpace(firstLines(first))
		f.place(first)
		if len(item.Blocks) > 1 {
			f.y += 2
			f.blocks(item.Blocks[1:], size, lead, c, indent+hang)
		}
		f.closeBody()
		f.close()
	}
}

// openBody opens a list item's body; in the Notes list, the body is also
// a Note (the footnote text, ISO 32000-1 §14.8.4.4).
func (f *flow) openBody() {
	f.open("LBody")
	if f.inNotes {
		f.open("Note")
	}
}

// closeBody closes what openBody opened.
func (f *flow) closeBody() {
	if f.inNotes {
		f.close()
	}
	f.close()
}

// firstHeight is the height of the first lines of a run of blocks, which
// the heading above them keeps on its page.
func (f *flow) firstHeight(ps []content.Paragraph) float64 {
	if len(ps) == 0 {
		return 0
	}
	p := ps[0]
	switch {
	case p.List != nil:
		if len(p.List.Items) > 0 && len(p.List.Items[0].Blocks) > 0 && p.List.Items[0].Blocks[0].List == nil {
			return firstLines(f.runsParaAt(p.List.Items[0].Blocks[0], bodySize, bodyLead, f.th.Text, false, 20))
		}
		return bodyLead
	case p.Table != nil:
		return f.otherTableKeep(*p.Table, 0)
	}
	return firstLines(f.runsPara(p, bodySize, bodyLead, f.th.Text, true))
}

// notes places the footnotes as a numbered "Notes" list after the body.
func (f *flow) notes() {
	if len(f.a.Notes) == 0 {
		return
	}
	f.heading("Notes", 1, 2*smallLead)
	f.open("L")
	f.inNotes = true
	defer func() { f.inNotes = false }()
	for i, n := range f.a.Notes {
		if i > 0 {
			f.y += 3
		}
		list := &content.List{Ordered: true, Start: n.Number, Items: []content.ListItem{{Blocks: n.Paragraphs}}}
		f.listItems(list, bodySize-1, bodyLead-1.5, f.th.Text, 0)
	}
	f.close()
}
