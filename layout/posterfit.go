package layout

import (
	"fmt"
	"math"

	"github.com/triptych/triptych/content"
)

// The poster's canvas is at most this many pixels, whatever the scale, so
// that a long table cannot make an image no viewer opens.
const (
	MaxCanvasWidthPx  = 4096
	MaxCanvasHeightPx = 8192
)

// fitPlan says what was given up so that a poster fits its canvas.
type fitPlan struct {
	k            float64 // type and spacing scale
	compact      bool    // a landscape canvas: no eyebrow, tighter header
	dropTerms    bool
	maxCellLines int // 0: no limit
	maxRows      int // 0: all rows
}

// posterFor lays out a sanitised article in a resolved theme at a size
// preset, for painting at scale pixels per point. A fixed size gives up,
// in order, type size, the term chips, cell lines and rows until the
// comparison fits; the "poster" size grows with the content up to the
// canvas limit and then shows the rows that fit. Its warnings say what
// was given up.
func posterFor(clean *content.Article, th Theme, sizeName string, scale int) (*Document, error) {
	size, ok := PosterSizes[sizeName]
	if sizeName == "" {
		sizeName, size, ok = "poster", PosterSizes["poster"], true
	}
	if !ok {
		return nil, fmt.Errorf("unknown size %q: use poster, og, square, portrait, pinterest or a4", sizeName)
	}
	scale = max(scale, 1)
	if size.Width*float64(scale) > MaxCanvasWidthPx {
		return nil, fmt.Errorf("the %s size at scale %d is %.0f pixels wide, more than the limit of %d", sizeName, scale, size.Width*float64(scale), MaxCanvasWidthPx)
	}
	p := &poster{a: clean, th: th, w: size.Width}
	widthScale := size.Width / refWidth
	rows := len(clean.Table.Rows)
	if size.Height == 0 {
		limit := math.Floor(MaxCanvasHeightPx / float64(scale))
		plan := fitPlan{k: widthScale}
		boxes, h, _ := p.layout(plan)
		if h <= limit {
			return p.document(boxes, h, nil), nil
		}
		plan, ok := fewestRowsDropped(p, plan, rows, limit)
		if !ok {
			return nil, fmt.Errorf("%s: the poster does not fit the canvas limit of %d pixels even with one row", clean.Source, MaxCanvasHeightPx)
		}
		boxes, h, _ = p.layout(plan)
		return p.document(boxes, h, fitWarnings(clean, sizeName, plan, rows)), nil
	}
	compact := size.Height < size.Width*0.75
	plans := fitPlans(widthScale, len(clean.Terms) > 0)
	for i := range plans {
		plans[i].compact = compact
	}
	for _, plan := range plans {
		if boxes, h, footer := p.layout(plan); h <= size.Height {
			return p.fixedDocument(boxes, h, footer, size.Height, fitWarnings(clean, sizeName, plan, rows)), nil
		}
	}
	plan, ok := fewestRowsDropped(p, plans[len(plans)-1], rows, size.Height)
	if !ok {
		return nil, fmt.Errorf("%s: the comparison does not fit the %s size even with one row; use --size poster", clean.Source, sizeName)
	}
	boxes, h, footer := p.layout(plan)
	return p.fixedDocument(boxes, h, footer, size.Height, fitWarnings(clean, sizeName, plan, rows)), nil
}

// fixedDocument puts the footer at the bottom of a fixed canvas and
// centres the body in the space left between the header and the footer.
func (p *poster) fixedDocument(boxes []Box, h float64, footer int, height float64, ws []content.Warning) *Document {
	spare := height - h
	for i, b := range boxes {
		switch {
		case i >= footer:
			moveBox(b, spare)
		case i >= p.bodyStart:
			moveBox(b, spare/2)
		}
	}
	return p.document(boxes, height, ws)
}

// fewestRowsDropped finds, by bisection, the most rows that fit height
// with plan: the height grows with the rows, and a table of a thousand
// rows must not be laid out a thousand times.
func fewestRowsDropped(p *poster, plan fitPlan, rows int, height float64) (fitPlan, bool) {
	lo, hi := 0, rows-1 // lo fits (0: none known yet), hi is the most to try
	for lo < hi {
		mid := (lo + hi + 1) / 2
		plan.maxRows = mid
		if _, h, _ := p.layout(plan); h <= height {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	if lo == 0 {
		return plan, false
	}
	plan.maxRows = lo
	return plan, true
}

// fitPlans lists the ways to fit a fixed canvas before dropping rows, in
// order of preference: shrink the type to the floor, then drop term
// chips, then shorten cells.
func fitPlans(widthScale float64, hasTerms bool) []fitPlan {
	var plans []fitPlan
	floor := minBodyPx / bodyPx
	for k := widthScale * 1.15; k >= floor-1e-9; k -= 0.04 {
		plans = append(plans, fitPlan{k: math.Max(k, floor)})
	}
	last := fitPlan{k: floor}
	if hasTerms {
		last.dropTerms = true
		plans = append(plans, last)
	}
	for _, n := range []int{4, 3, 2} {
		last.maxCellLines = n
		plans = append(plans, last)
	}
	return plans
}

func fitWarnings(a *content.Article, size string, plan fitPlan, rows int) []content.Warning {
	var ws []content.Warning
	if plan.dropTerms {
		ws = append(ws, content.NewWarning(a.Source, 0, "the %s poster leaves out the related terms to fit", size))
	}
	if plan.maxCellLines > 0 {
		ws = append(ws, content.NewWarning(a.Source, 0, "the %s poster shortens table cells to %d lines to fit", size, plan.maxCellLines))
	}
	if plan.maxRows > 0 && plan.maxRows < rows {
		ws = append(ws, content.NewWarning(a.Source, 0, "the %s poster shows %d of %d aspects to fit", size, plan.maxRows, rows))
	}
	return ws
}
