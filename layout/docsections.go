package layout

import (
	"strings"

	"github.com/triptych/triptych/content"
	"github.com/triptych/triptych/layout/fonts"
)

// The handout's blocks in reading order: the title block, sections with
// their headings, the related terms and the disclaimer.

func (f *flow) titleBlock() {
	f.bookmark(f.a.Title, 0)
	title := f.balanced(f.a.Title, fonts.SansBold, 22, 26.4, f.th.Text)
	title.tag = f.leaf("H1").Tag
	f.place(title)
	if f.a.Subtitle != "" {
		f.y += 3
		sub := f.balanced(f.a.Subtitle, fonts.SansRegular, 13, 16.9, f.th.Muted)
		sub.tag = f.leaf("P").Tag
		f.place(sub)
	}
	var meta []string
	if !f.a.Updated.IsZero() {
		meta = append(meta, "Updated "+UpdatedText(f.a.Updated))
	}
	if f.a.Author != "" {
		meta = append(meta, f.a.Author)
	}
	if len(meta) > 0 {
		f.y += 6
		line := f.plain(strings.Join(meta, " · "), fonts.SansRegular, 9, 12, f.th.Muted, RoleOther)
		line.tag = f.leaf("P").Tag
		f.place(line)
	}
	f.y += 8
	f.add(&Rule{X1: f.left, Y1: f.y, X2: f.right, Y2: f.y, Width: 0.75, Color: f.th.Rule})
	f.y += 12
}

func (f *flow) bodyParagraphs(ps []content.Paragraph) {
	f.blocks(ps, bodySize, bodyLead, f.th.Text, 0)
}

// heading places a heading that keeps with the first lines of what follows
// (next, measured by the caller).
func (f *flow) heading(text string, level int, next float64) {
	size, lead, above := f.headingMetrics(level - 1)
	h := f.plain(text, fonts.SansBold, size, lead, f.th.Text, RoleHeading)
	if f.atTop() {
		above = 0
	}
	f.keepSpace(above + h.height(len(h.lines)) + headingBelow + next)
	if !f.atTop() {
		f.y += above
	}
	f.bookmark(text, level)
	if level > 1 {
		h.tag = f.leaf("H3").Tag
	} else {
		h.tag = f.leaf("H2").Tag
	}
	f.place(h)
	f.y += headingBelow
}

// firstLines is the height of the lines a heading must keep with.
// A paragraph too short to split (fewer than 2*minSplit lines) moves
// whole, so all of it must fit.
func firstLines(p para) float64 {
	if n := len(p.lines); n < 2*minSplit {
		return p.height(n)
	}
	return p.height(minSplit)
}

// section places a section; a heading with no text of its own (a
// "Frequently Asked Questions" whose questions are sub-sections) keeps
// with the next section's heading and first lines instead.
func (f *flow) section(s content.Section, rest []content.Section) {
	next := f.firstHeight(s.Paragraphs)
	if len(s.Paragraphs) == 0 && len(rest) > 0 {
		size, lead, above := f.headingMetrics(rest[0].Level)
		h := f.plain(rest[0].Heading, fonts.SansBold, size, lead, f.th.Text, RoleHeading)
		next = above + h.height(len(h.lines)) + headingBelow + f.firstHeight(rest[0].Paragraphs)
	}
	f.heading(s.Heading, 1+min(s.Level, 1), next)
	f.bodyParagraphs(s.Paragraphs)
}

// headingMetrics returns the size, leading and space above of a heading
// of a section at level (0 a section, 1 a sub-section: a bold line in the
// body size).
func (f *flow) headingMetrics(level int) (size, lead, above float64) {
	if level > 0 {
		return bodySize + 0.5, bodyLead, headingAbove * 0.6
	}
	return headingSize, headingLead, headingAbove * f.squeeze
}

func (f *flow) terms() {
	if len(f.a.Terms) == 0 {
		return
	}
	heading := f.a.TermsHeading
	if heading == "" {
		heading = content.DefaultTermsHeading
	}
	termHead := func(t content.Term) para {
		return f.plain(t.Name, fonts.SansBold, bodySize, bodyLead, f.th.Text, RoleHeading)
	}
	firstTerm := termHead(f.a.Terms[0])
	f.heading(heading, 1, firstTerm.height(len(firstTerm.lines))+bodyLead*minSplit)
	for i, t := range f.a.Terms {
		if i > 0 {
			f.y += (paraGap + 2) * f.squeeze
		}
		name := termHead(t)
		if t.Name != "" {
			f.keepSpace(name.height(len(name.lines)) + 1 + f.firstHeight(t.Definition))
			name.tag = f.leaf("H3").Tag
			f.place(name)
			f.y += 1
		}
		f.bodyParagraphs(t.Definition)
	}
}

func (f *flow) disclaimer() {
	if len(f.a.Disclaimer) == 0 {
		return
	}
	f.y += 18 * f.squeeze
	label := f.plain("Disclaimer", fonts.SansBold, smallSize, smallLead, f.th.Muted, RoleCaption)
	first := f.runsPara(f.a.Disclaimer[0], smallSize, smallLead, f.th.Muted, true)
	f.keepSpace(label.height(1) + firstLines(first))
	label.tag = f.leaf("P").Tag
	f.place(label)
	f.blocks(f.a.Disclaimer, smallSize, smallLead, f.th.Muted, 0)
}
