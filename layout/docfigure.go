package layout

import (
	"github.com/triptych/triptych/layout/fonts"
)

// The figure (the poster as a vector drawing) follows the comparison
// table. It floats, as figures do in books: it goes right after the table
// when it fits there, scaled down within limits if need be, and otherwise
// at the top of the next page while the text goes on filling this one, so
// that no page is left a third empty for it.
const (
	figureGap      = 14.0 // above the figure and between it and its caption
	minFigureScale = 0.6  // the smallest share of the full width it shrinks to
	minFigureRoom  = 1.0 / 3.0
)

// figure is the poster waiting for its place, with its caption.
type figure struct {
	poster  *Document
	spans   []Span
	caption para // broken across the full width, for measuring
	// elem and captionTag are the figure's place in the structure, in
	// the article's order wherever the figure floats to.
	elem       *StructElem
	captionTag int
}

// captionAt breaks the caption to a width: one line, two at most.
func (f *flow) captionAt(spans []Span, width float64) para {
	lines := BreakLines(spans, smallSize+1, width, false)
	if len(lines) > 2 {
		lines = append(lines[:1], ellipsize(lines[1], smallSize+1, width))
	}
	return para{lines: lines, size: smallSize + 1, lead: smallLead + 1, color: f.th.Muted, role: RoleCaption, x: f.wideLeft}
}

// figure places the poster after the table, or lets it float to the top
// of the next page.
func (f *flow) figure(poster *Document) {
	if poster == nil || len(poster.Pages) == 0 {
		return
	}
	text := f.a.Figure
	if text == "" {
		text = f.a.Title
	}
	spans := []Span{{Text: "Figure 1. ", Face: fonts.SansBold}, {Text: text, Face: fonts.SansRegular}}
	fig := &figure{poster: poster, spans: spans, caption: f.captionAt(spans, f.wideWidth())}
	fig.elem = f.open("Figure")
	f.close()
	fig.elem.Alt = poster.AltText
	if fig.elem.Alt == "" {
		fig.elem.Alt = "Figure 1. " + text
	}
	fig.captionTag = f.leaf("Caption").Tag
	full := f.fullFigureScale(fig)
	room := f.bottom - f.y - figureGap - fig.captionHeight()
	switch {
	case poster.Height*full <= room:
		f.y += figureGap
		f.placeFigure(fig, full)
	case room >= (f.bottom-f.top)*minFigureRoom && room/poster.Height >= full*minFigureScale:
		f.y += figureGap
		f.placeFigure(fig, room/poster.Height)
	default:
		f.pending = fig // placed by newPage, or at the end
	}
}

func (fig *figure) captionHeight() float64 {
	return figureGap/2 + fig.caption.height(len(fig.caption.lines))
}

// fullFigureScale is the scale of the figure across the full width, or
// smaller when it would not fit a page with its caption.
func (f *flow) fullFigureScale(fig *figure) float64 {
	s := f.wideWidth() / fig.poster.Width
	if maxH := f.bottom - f.top - fig.captionHeight(); fig.poster.Height*s > maxH {
		s = maxH / fig.poster.Height
	}
	return s
}

// placeFigure draws the poster at scale s from f.y, then its caption.
func (f *flow) placeFigure(fig *figure, s float64) {
	poster := fig.poster
	figW, figH := poster.Width*s, poster.Height*s
	x0 := f.wideLeft + (f.wideWidth()-figW)/2
	page := len(f.pages) - 1
	from := len(f.pages[page].Boxes)
	f.add(&Fill{Rect: Rect{x0, f.y, figW, figH}, Color: poster.Background})
	for _, b := range poster.Pages[0].Boxes {
		if t := transformBox(b, s, x0, f.y); t != nil {
			f.add(t)
		}
	}
	fig.elem.Boxes = append(fig.elem.Boxes, BoxRun{Page: page, From: from, To: len(f.pages[page].Boxes)})
	f.y += figH + figureGap/2
	c := f.captionAt(fig.spans, figW)
	c.x, c.tag = x0, fig.captionTag
	f.place(c)
}

// placePending puts a floating figure at the top of the page just begun,
// or, at the end of the document, wherever it fits.
func (f *flow) placePending() {
	fig := f.pending
	if fig == nil {
		return
	}
	f.pending = nil
	s := f.fullFigureScale(fig)
	if !f.atTop() {
		if f.bottom-f.y-figureGap-fig.captionHeight() < fig.poster.Height*s {
			f.newPage() // places nothing: pending is nil
		} else {
			f.y += figureGap
		}
	}
	f.placeFigure(fig, s)
	f.y += figureGap
}
