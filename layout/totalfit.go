package layout

import (
	"math"
	"strings"

	"github.com/triptych/triptych/layout/hyphen"
)

// Total-fit line breaking (Knuth and Plass, "Breaking Paragraphs into
// Lines", 1981): a paragraph is a row of boxes (word pieces), glue (the
// spaces, which may stretch by half and shrink by a third) and penalties
// (places to break: a hyphenation point, the hyphen or slash already in a
// word, a forced line break). Of all the ways to break it, the one with
// the least total demerits is kept, so that no line is much looser than
// its neighbours, instead of filling each line greedily and leaving the
// next to cope.

// Hyphenate returns the byte offsets in a word where a hyphen may be
// inserted: Liang's algorithm over the en-US patterns (layout/hyphen),
// which also leaves alone what should not be hyphenated (capitalised
// words, acronyms, numbers, URLs). Nil turns hyphenation off.
var Hyphenate = func(word string) []int {
	h, ok := hyphen.Lang("en-US")
	if !ok {
		return nil
	}
	return h.Points(word)
}

// Breaking parameters, in TeX's terms.
const (
	hyphenPenalty       = 50.0   // a break at a hyphenation point
	explicitPenalty     = 50.0   // a break after a hyphen already in the text
	doubleHyphenDemerit = 3000.0 // two hyphenated lines in a row
	finalHyphenDemerit  = 5000.0 // a hyphen ending the second-last line
	fitnessDemerit      = 3000.0 // a very loose line next to a tight one, and so on
	lineBadnessLimit    = 1.5    // first pass: no space past 1.5×, letter spacing within its limit
	looseBadnessLimit   = 3.5    // second pass, for narrow measures: spaces up to 2.5×
	maxConsecutiveHyph  = 2
	// looseLineDemerit makes the second pass stretch as few lines past
	// 1.5× as it can, rather than share the looseness among many.
	looseLineDemerit = 1e7
	// maxTrackEm is the most letter spacing a justified line may take,
	// in ems per letter, once its word spaces have stretched to 1.5×:
	// what a book designer allows (InDesign's letter spacing of a few
	// per cent of a space, pdfTeX's font expansion of 2 %) so that a line
	// of unbreakable names is not left with gaping spaces.
	maxTrackEm = 0.02
)

// tfItem is one element of the paragraph: a box (w > 0 text), glue, or a
// penalty. A penalty with flagged set ends its line with a hyphen (shown
// when hyphen is set: an inserted one; a hyphen already in the text is
// part of the box before it).
type tfItem struct {
	kind    byte // 'b' box, 'g' glue, 'p' penalty
	w       float64
	stretch float64
	shrink  float64
	penalty float64
	flagged bool
	hyphen  float64 // width of the hyphen to add when breaking here
	frag    fragment
	forced  bool
	space   float64 // glue: the space's natural width
	track   float64 // box: how much letter spacing may widen it
}

// breakNode is an active breakpoint: where a line may end.
type breakNode struct {
	pos      int // item index of the break
	line     int // lines before it
	fitness  int
	demerits float64
	hyphens  int // consecutive hyphenated lines ending here
	prev     *breakNode
	// totals up to (and after) the break, for line widths in O(1)
	width, stretch, shrink, track float64
}

// BreakJustified breaks spans into lines of exactly width by total fit,
// with hyphenation, and justifies every line but the last (and those ended
// by a forced break). It tries to keep every space within 1.5× its width,
// then 2.5×, then takes the least bad breaks there are.
func BreakJustified(spans []Span, size, width float64) []Line {
	return breakJustified(spans, size, width, Hyphenate)
}

// hyphenatorFor is the hyphenation of an article in language lang (a BCP
// 47 tag, "" when unknown): the English patterns for English or an
// unknown language, none for any other, since English patterns would
// hyphenate other languages wrongly.
func hyphenatorFor(lang string) func(string) []int {
	if l := strings.ToLower(lang); l == "" || l == "en" || strings.HasPrefix(l, "en-") {
		return Hyphenate
	}
	return nil
}

func breakJustified(spans []Span, size, width float64, hyph func(string) []int) []Line {
	limit := width * slack
	items := tfItems(spans, size, limit, hyph)
	// The last pass takes any stretch: a measure too narrow for its words
	// still gets the breaks of least demerits, never a greedy fill.
	for _, tolerance := range []float64{lineBadnessLimit, looseBadnessLimit, math.Inf(1)} {
		if breaks := totalFit(items, limit, tolerance); breaks != nil {
			return tfLines(items, breaks, size, limit)
		}
	}
	return BreakLines(spans, size, width, true)
}

// totalFit finds the breaks of least total demerits with every line's
// adjustment ratio at most tolerance, or nil when there is none.
func totalFit(items []tfItem, width, tolerance float64) []*breakNode {
	active := []*breakNode{{pos: -1}}
	var sum breakNode // totals of widths, stretch, shrink and letter spacing so far
	for i, it := range items {
		breakable := it.kind == 'p' && it.penalty < math.Inf(1) ||
			it.kind == 'g' && i > 0 && items[i-1].kind == 'b'
		if breakable {
			active = tryBreak(items, active, i, width, tolerance, sum)
			if len(active) == 0 {
				return nil
			}
		}
		if it.kind == 'b' || it.kind == 'g' {
			sum.width += it.w
		}
		sum.track += it.track
		if it.kind == 'g' {
			sum.stretch += it.stretch
			sum.shrink += it.shrink
		}
	}
	var best *breakNode
	for _, a := range active {
		if a.pos == len(items)-1 && (best == nil || a.demerits < best.demerits) {
			best = a
		}
	}
	if best == nil {
		return nil
	}
	var out []*breakNode
	for n := best; n.pos >= 0; n = n.prev {
		out = append(out, n)
	}
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return out
}

// tryBreak considers a break at item i from every active node, keeping the
// best new node per fitness class and dropping nodes that can no longer
// start a line (the line from them is already too long).
func tryBreak(items []tfItem, active []*breakNode, i int, width, tolerance float64, sum breakNode) []*breakNode {
	it := items[i]
	var best [4]*breakNode
	kept := active[:0:0]
	penWidth := 0.0
	if it.kind == 'p' {
		penWidth = it.hyphen
	}
	for _, a := range active {
		lineW := sum.width - a.width + penWidth
		r := looseness(lineW, sum.stretch-a.stretch, sum.shrink-a.shrink, sum.track-a.track, width)
		if r < -1 || it.forced {
			// Too long from here on, or the paragraph ends: this node
			// can start no further line.
		} else {
			kept = append(kept, a)
		}
		if r < -1 || r > tolerance {
			continue
		}
		badness := 100 * math.Pow(math.Abs(r), 3)
		d := math.Pow(1+badness, 2)
		switch {
		case it.kind == 'p' && it.penalty >= 0:
			d = math.Pow(1+badness+it.penalty, 2)
		case it.kind == 'p' && !math.IsInf(it.penalty, -1):
			d = math.Pow(1+badness, 2) - it.penalty*it.penalty
		}
		hyphens := 0
		if it.kind == 'p' && it.flagged {
			hyphens = a.hyphens + 1
			if a.hyphens > 0 {
				d += doubleHyphenDemerit
			}
			if hyphens > maxConsecutiveHyph {
				continue
			}
		}
		if it.forced && i == len(items)-1 && a.prev != nil && a.hyphens > 0 {
			d += finalHyphenDemerit
		}
		fit := fitnessClass(r)
		if a.pos >= 0 && abs(fit-a.fitness) > 1 {
			d += fitnessDemerit
		}
		if r > 1.5 {
			d += looseLineDemerit
		}
		total := a.demerits + d
		if b := best[fit]; b == nil || total < b.demerits {
			best[fit] = &breakNode{pos: i, line: a.line + 1, fitness: fit, demerits: total, hyphens: hyphens, prev: a}
		}
	}
	// Totals after the break: glue and penalties at a break vanish.
	w, y, z := sum.width, sum.stretch, sum.shrink
	for j := i; j < len(items); j++ {
		if items[j].kind == 'b' || items[j].kind == 'p' && items[j].penalty == math.Inf(-1) && j > i {
			break
		}
		if items[j].kind == 'g' {
			w += items[j].w
			y += items[j].stretch
			z += items[j].shrink
		}
	}
	for _, b := range best {
		if b != nil {
			b.width, b.stretch, b.shrink, b.track = w, y, z, sum.track
			kept = append(kept, b)
		}
	}
	return kept
}

// adjustment is how much a line's glue must stretch (> 0) or shrink (< 0),
// as a share of what it can.
func adjustment(w, y, z, width float64) float64 {
	switch {
	case w < width:
		if y <= 0 {
			return math.Inf(1)
		}
		if math.IsInf(y, 1) {
			return 0
		}
		return (width - w) / y
	case w > width:
		if z <= 0 {
			return math.Inf(-1)
		}
		return (width - w) / z
	}
	return 0
}

// looseness is a line's adjustment ratio as total fit weighs it: the
// share of their stretch the word spaces take (1 is 1.5× a space, and
// past it, spaces stay at 1.5× while letter spacing takes up to track,
// counted as 1 to 1.5), then the spaces' own ratio again beyond that.
func looseness(w, y, z, track, width float64) float64 {
	r := adjustment(w, y, z, width)
	if r <= 1 || math.IsInf(y, 1) || track <= 0 {
		return r
	}
	excess := width - w - y // left after the spaces reach 1.5×
	if excess <= track {
		return 1 + 0.5*excess/track
	}
	return 1.5 + (excess-track)/y
}

// fitnessClass sorts lines as tight, decent, loose and very loose.
func fitnessClass(r float64) int {
	switch {
	case r < -0.5:
		return 0
	case r <= 0.5:
		return 1
	case r <= 1:
		return 2
	}
	return 3
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
