package layout

import (
	"math"
	"slices"
	"strings"
	"unicode/utf8"
)

// A paragraph as total fit sees it: boxes, glue and penalties.

// tfItems turns spans into boxes, glue and penalties: each word is split
// at its hyphenation points and after its own hyphens and slashes.
func tfItems(spans []Span, size, limit float64, hyph func(string) []int) []tfItem {
	words := splitWords(spans, size)
	items := make([]tfItem, 0, 3*len(words)+2)
	for _, w := range words {
		if w.w <= limit {
			items = wordItems(items, w, size, hyph)
		} else {
			parts := splitLongWord(w, size, limit)
			for pi, part := range parts {
				items = wordItems(items, part, size, hyph)
				if pi < len(parts)-1 {
					items = append(items, tfItem{kind: 'p', penalty: 0}) // a word longer than the line
				}
			}
		}
		switch {
		case w.brk:
			items = append(items, tfItem{kind: 'g', stretch: math.Inf(1)}, tfItem{kind: 'p', penalty: math.Inf(-1), forced: true})
		case w.space > 0:
			items = append(items, tfItem{kind: 'g', w: w.space, space: w.space, stretch: w.space / 2, shrink: w.space / 3})
		}
	}
	// The last line: fill with infinite glue, then a forced break.
	if n := len(items); n > 0 && items[n-1].kind == 'g' {
		items = items[:n-1]
	}
	return append(items, tfItem{kind: 'g', stretch: math.Inf(1)}, tfItem{kind: 'p', penalty: math.Inf(-1), forced: true})
}

// wordItems appends one word to items, as boxes with penalties between
// them.
func wordItems(items []tfItem, w word, size float64, hyph func(string) []int) []tfItem {
	whole := w.frags[0].text
	if len(w.frags) > 1 {
		var text strings.Builder
		for _, f := range w.frags {
			text.WriteString(f.text)
		}
		whole = text.String()
	}
	// The breaks inside the word, by byte offset, in order: after its
	// own hyphens, slashes and em dashes, or else at its hyphenation
	// points (inserted: a hyphen is shown there).
	type cut struct {
		at       int
		penalty  float64
		inserted bool
	}
	var cuts []cut
	for i := 1; i+1 < len(whole); i++ {
		if c := whole[i]; c == '-' || c == '/' {
			cuts = append(cuts, cut{i + 1, explicitPenalty, false})
		}
	}
	for i := 0; ; {
		k := strings.Index(whole[i:], "—") // a break after an em dash, inside the "word"
		if k < 0 {
			break
		}
		i += k + len("—")
		if i < len(whole) {
			cuts = append(cuts, cut{i, explicitPenalty, false})
		}
	}
	if len(cuts) > 1 {
		slices.SortFunc(cuts, func(a, b cut) int { return a.at - b.at })
		cuts = slices.CompactFunc(cuts, func(a, b cut) bool { return a.at == b.at })
	}
	if hyph != nil && len(cuts) == 0 {
		for _, p := range hyph(whole) {
			cuts = append(cuts, cut{p, hyphenPenalty, true})
		}
	}
	if len(cuts) == 0 {
		for _, f := range w.frags {
			items = append(items, boxOf(f, f.text, size))
		}
		return items
	}
	offset, next := 0, 0
	for _, f := range w.frags {
		start := 0
		for next < len(cuts) && cuts[next].at < offset+len(f.text) {
			c := cuts[next]
			next++
			i := c.at - offset // 0: a break between two fragments
			if i > start {
				items = append(items, boxOf(f, f.text[start:i], size))
			}
			it := tfItem{kind: 'p', penalty: c.penalty, flagged: true}
			if c.inserted {
				it.hyphen = f.face.Width("-", fragSize(f, size))
			}
			items = append(items, it)
			start = i
		}
		if start < len(f.text) {
			items = append(items, boxOf(f, f.text[start:], size))
		}
		offset += len(f.text)
	}
	return items
}

func fragSize(f fragment, size float64) float64 {
	if f.super {
		return size * SuperScale
	}
	return size
}

func boxOf(f fragment, text string, size float64) tfItem {
	g := f
	g.text = text
	g.w = f.face.Width(text, fragSize(f, size))
	gaps := utf8.RuneCountInString(text) - 1
	return tfItem{kind: 'b', w: g.w, frag: g, track: float64(max(gaps, 0)) * maxTrackEm * size}
}
