package layout

import (
	"fmt"
	"math"
	"sort"
	"strings"

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
	maxCellLines int   // 0: no limit
	maxRows      int   // 0: all rows
	pick         []int // the rows a social card shows, in order; nil: all
	noSubtitle   bool  // a social card short of room leaves out the subtitle
	tight        bool  // a social card: large type, tight spacing
	// dropTakeaways leaves out the "Which to pick" cards, the first thing
	// a fixed canvas gives up.
	dropTakeaways bool
}

// posterFor lays out a sanitised article in a resolved theme at a size
// preset, for painting at scale pixels per point. A fixed size gives up,
// in order, type size, the term chips, cell lines and rows until the
// comparison fits; the "poster" size grows with the content up to the
// canvas limit and then shows the rows that fit. Its warnings say what
// was given up.
func posterFor(clean *content.Article, th Theme, sizeName string, scale int, brand Brand, noTakeaways bool) (*Document, error) {
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
	p := &poster{a: clean, th: th, w: size.Width, brand: brand, noTakeaways: noTakeaways}
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
	if sizeName == "og" || sizeName == "square" && rows > socialRowsSquare {
		if plan, ok := socialCard(p, clean, widthScale, size.Height); ok {
			boxes, h, footer := p.layout(plan)
			return p.fixedDocument(boxes, h, footer, size.Height, socialWarnings(clean, sizeName, plan, rows)), nil
		}
	}
	// Fill: the largest type that fits, scaled up as well as down.
	floor := minBodyPx / bodyPx
	top := fitPlan{k: widthScale * maxFillScale, compact: compact}
	if plan, ok := largestFit(p, top, floor, size.Height); ok {
		boxes, h, footer := p.layout(plan)
		return p.fixedDocument(boxes, h, footer, size.Height, nil), nil
	}
	// Then shrink to the floor and give up content, in order; what is
	// given up frees room, which the type grows back into.
	for _, plan := range dropPlans(floor, len(clean.Terms) > 0, compact) {
		if _, h, _ := p.layout(plan); h <= size.Height {
			plan = grow(p, plan, widthScale, floor, size.Height)
			boxes, h, footer := p.layout(plan)
			return p.fixedDocument(boxes, h, footer, size.Height, fitWarnings(clean, sizeName, plan, rows)), nil
		}
	}
	last := dropPlans(floor, len(clean.Terms) > 0, compact)
	plan, ok := fewestRowsDropped(p, last[len(last)-1], rows, size.Height)
	if !ok {
		return nil, fmt.Errorf("%s: the comparison does not fit the %s size even with one row; use --size poster", clean.Source, sizeName)
	}
	plan = grow(p, plan, widthScale, floor, size.Height)
	boxes, h, footer := p.layout(plan)
	return p.fixedDocument(boxes, h, footer, size.Height, fitWarnings(clean, sizeName, plan, rows)), nil
}

// Filling a fixed canvas scales the type up to this many times its size at
// the poster's reference width; a social card shows at most this many
// rows, and a square canvas becomes one when the table is longer than
// socialRowsSquare.
const (
	maxFillScale     = 1.8
	socialMaxRows    = 4
	socialRowsSquare = 6
	socialBodyPx     = 24.0 // body text of a social card at the reference width
	socialMaxScale   = 2.6  // a card's type grows to fill it, up to 44 px body text
)

// grow enlarges a plan's type as far as it still fits height.
func grow(p *poster, plan fitPlan, widthScale, floor, height float64) fitPlan {
	plan.k = widthScale * maxFillScale
	if fit, ok := largestFit(p, plan, floor, height); ok {
		return fit
	}
	plan.k = floor
	return plan
}

// largestFit finds, by bisection, the largest type scale between floor and
// plan.k at which the poster fits height. The height grows with the scale
// (more lines, larger type), so bisection finds it in a few layouts.
func largestFit(p *poster, plan fitPlan, floor, height float64) (fitPlan, bool) {
	lo, hi := floor, plan.k
	plan.k = lo
	if _, h, _ := p.layout(plan); h > height {
		return plan, false
	}
	for hi-lo > 0.005 {
		mid := (lo + hi) / 2
		plan.k = mid
		if _, h, _ := p.layout(plan); h <= height {
			lo = mid
		} else {
			hi = mid
		}
	}
	plan.k = lo
	return plan, true
}

// socialCard plans a social-media card: a large title, the badges and the
// most telling rows (those the article names as highlights, else those with
// the shortest cells) in type that stays legible when a feed shows the card
// small, with "+K more in the full comparison".
func socialCard(p *poster, a *content.Article, widthScale, height float64) (fitPlan, bool) {
	order := tellingRows(a)
	cellLines := 3
	if height < p.w*0.75 { // a landscape card has room for fewer lines
		cellLines = 2
	}
	for n := min(socialMaxRows, len(order)); n >= 2; n-- {
		pick := append([]int(nil), order[:n]...)
		sort.Ints(pick) // in the article's order
		// Whole cells first: a cell is cut only when it cannot fit whole.
		for _, lines := range []int{0, cellLines} {
			for _, noSubtitle := range []bool{false, true} {
				if noSubtitle && a.Subtitle == "" {
					continue
				}
				plan := fitPlan{k: widthScale * socialMaxScale, compact: true, dropTerms: true, dropTakeaways: true, maxCellLines: lines, pick: pick, noSubtitle: noSubtitle, tight: true}
				if n == len(a.Table.Rows) {
					plan.pick = nil
				}
				if fit, ok := largestFit(p, plan, widthScale*socialBodyPx/bodyPx, height); ok {
					return fit, true
				}
			}
		}
	}
	return fitPlan{}, false
}

// tellingRows orders the rows for a social card: the article's highlights
// first, then by the length of their longest cell.
func tellingRows(a *content.Article) []int {
	rows := a.Table.Rows
	order := make([]int, len(rows))
	for i := range order {
		order[i] = i
	}
	highlighted := func(i int) bool {
		for _, h := range a.Highlights {
			if strings.EqualFold(strings.TrimSpace(h), rows[i].Aspect) {
				return true
			}
		}
		return false
	}
	longest := func(i int) int {
		n := 0
		for _, c := range rows[i].Cells {
			n = max(n, len([]rune(c)))
		}
		return n
	}
	sort.SliceStable(order, func(x, y int) bool {
		hx, hy := highlighted(order[x]), highlighted(order[y])
		if hx != hy {
			return hx
		}
		return longest(order[x]) < longest(order[y])
	})
	return order
}

func socialWarnings(a *content.Article, size string, plan fitPlan, rows int) []content.Warning {
	if plan.pick == nil {
		return nil
	}
	return []content.Warning{content.NewWarning(a.Source, 0, "the %s card shows %d of %d aspects, as a social card does; the poster and the handout show them all", size, len(plan.pick), rows)}
}

// fixedDocument puts the footer at the bottom of a fixed canvas and
// centres the body in the space left between the header and the footer.
func (p *poster) fixedDocument(boxes []Box, h float64, footer int, height float64, ws []content.Warning) *Document {
	spare := height - h
	// The spare height is shared out between the table's rows, with half a
	// share above the table and half below it, so that no block of empty
	// canvas is left.
	n := len(p.rowStarts)
	unit := spare / float64(max(n, 1))
	for i, b := range boxes {
		switch {
		case i >= footer:
			moveBox(b, spare)
		case i >= p.rowsEnd && n > 0:
			moveBox(b, spare-unit/2)
		case i >= p.bodyStart && n > 0:
			row := sort.SearchInts(p.rowStarts, i+1) // rows starting at or before i
			moveBox(b, unit/2+unit*float64(max(row-1, 0)))
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

// dropPlans lists, at the smallest type, what a fixed canvas gives up
// before rows, in order: the term chips, then cell lines.
func dropPlans(floor float64, hasTerms, compact bool) []fitPlan {
	last := fitPlan{k: floor, compact: compact, dropTakeaways: true}
	plans := []fitPlan{last}
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
	if plan.dropTakeaways && len(a.Takeaways) > 0 {
		ws = append(ws, content.NewWarning(a.Source, 0, "the %s poster leaves out the takeaways to fit", size))
	}
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
