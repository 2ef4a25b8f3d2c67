package layout

import (
	"math"
	"unicode/utf8"
)

// Setting the lines total fit chose: glue, letter spacing and hyphens.

// setLine places the items of one line: its glue is set by the line's
// adjustment ratio, and when that would stretch the spaces past 1.5× the
// letters are spaced too, up to maxTrackEm, before the spaces take the
// rest. A line ended at a hyphenation point gets its hyphen.
func setLine(seg []tfItem, brk tfItem, hyphen bool, size, width float64) Line {
	var natural, stretch, shrink float64
	gaps := 0 // between letters of a word: what letter spacing widens
	for i, it := range seg {
		switch it.kind {
		case 'b':
			gaps += utf8.RuneCountInString(it.frag.text)
			if i == 0 || seg[i-1].kind == 'g' {
				gaps-- // a word's first letter follows no letter of it
			}
			natural += it.w
		case 'g':
			natural += it.w
			stretch += it.stretch
			shrink += it.shrink
		}
	}
	if hyphen {
		natural += brk.hyphen
		gaps++
	}
	r := adjustment(natural, stretch, shrink, width)
	if math.IsInf(r, 0) || math.IsNaN(r) {
		r = 0
	}
	if brk.forced && r > 0 {
		r = 0 // a last line is set ragged; it may still shrink to fit
	}
	track := 0.0
	if r > 1 && gaps > 0 {
		// The spaces stop at 1.5×; the letters take what is left, up to
		// their limit, and the spaces the rest.
		excess := width - natural - stretch
		track = math.Min(excess/float64(gaps), maxTrackEm*size)
		r = 1 + (excess-track*float64(gaps))/stretch
	}
	var line Line
	x := 0.0
	for i, it := range seg {
		switch it.kind {
		case 'b':
			f := it.frag
			w := it.w + track*float64(utf8.RuneCountInString(f.text))
			n := len(line.Pieces)
			if n > 0 && line.Pieces[n-1].Face == f.face && line.Pieces[n-1].Link == f.link && line.Pieces[n-1].Super == f.super &&
				line.Pieces[n-1].X+line.Pieces[n-1].W >= x-0.001 {
				p := &line.Pieces[n-1]
				p.Text += f.text
				p.W = x + w - p.X
			} else {
				line.Pieces = append(line.Pieces, Piece{Text: f.text, Face: f.face, Link: f.link, X: x, W: w, Super: f.super, Tracking: track})
			}
			x += w
			if i+1 == len(seg) || seg[i+1].kind == 'g' {
				// No letter spacing after a word's last letter.
				line.Pieces[len(line.Pieces)-1].W -= track
				x -= track
			}
		case 'g':
			if math.IsInf(it.stretch, 1) {
				continue
			}
			g := it.w
			if r > 0 {
				g += r * it.stretch
			} else if r < 0 {
				g += r * it.shrink
			}
			x += g
		}
	}
	if hyphen && len(line.Pieces) > 0 {
		p := &line.Pieces[len(line.Pieces)-1]
		p.Actual = p.Text // completed with the next line's first piece by tfLines
		p.Text += "-"
		p.W += track + brk.hyphen
		x += track + brk.hyphen
	}
	line.Width = x
	return line
}

// tfLines places the chosen lines: the glue of each line is set by its
// adjustment ratio, and a line ended at a hyphenation point gets its hyphen.
func tfLines(items []tfItem, breaks []*breakNode, size, width float64) []Line {
	var lines []Line
	start := 0
	for _, b := range breaks {
		end := b.pos
		// Skip glue and penalties at the start of the line.
		for start < end && items[start].kind != 'b' {
			start++
		}
		seg := items[start:end]
		brk := items[end]
		hyphen := brk.kind == 'p' && brk.hyphen > 0
		lines = append(lines, setLine(seg, brk, hyphen, size, width))
		start = end + 1
	}
	for i := 0; i+1 < len(lines); i++ {
		n := len(lines[i].Pieces)
		if n == 0 || lines[i].Pieces[n-1].Actual == "" || len(lines[i+1].Pieces) == 0 {
			continue
		}
		next := &lines[i+1].Pieces[0]
		lines[i].Pieces[n-1].Actual += next.Text
		next.Silent = true
	}
	return lines
}
