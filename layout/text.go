package layout

import (
	"strings"
	"unicode/utf8"

	"github.com/triptych/triptych/layout/fonts"
)

// Span is a stretch of text in one face; Link makes it a link.
type Span struct {
	Text string
	Face fonts.Face
	Link string
	// Super sets the text as a superscript (a note reference), smaller
	// and raised.
	Super bool
}

// Superscript size and rise, as fractions of the line's type size.
const (
	SuperScale = 0.62
	SuperRise  = 0.33
)

// Piece is a placed part of a line: X is its offset from the line start.
type Piece struct {
	Text  string
	Face  fonts.Face
	Link  string
	X, W  float64
	Super bool
	// Actual is the whole word a piece ending in an inserted hyphen
	// begins ("hyphenation" for "hyphen-"), and Silent marks the piece
	// that ends it on the next line, so that the text layer says the word
	// once, unbroken.
	Actual string
	Silent bool
	// Tracking is the letter spacing a justified line gave the piece:
	// points added after each character but the last (W includes it).
	Tracking float64
}

// Line is one broken line of text.
type Line struct {
	Pieces []Piece
	Width  float64
}

// fragment is a part of a word in one face.
type fragment struct {
	text  string
	face  fonts.Face
	link  string
	w     float64
	super bool
}

// word is a run of fragments with no space inside, and the width of the
// space that follows it.
type word struct {
	frags []fragment
	w     float64
	space float64
	// brk forces a line break after the word (a "\n" in the text); a word
	// with no fragments and brk set is an empty line.
	brk bool
}

// slack keeps every line a little narrower than its box, so that tiny
// differences between the measurer and a renderer never overflow.
const slack = 0.995

// BreakLines breaks spans into lines no wider than width at the given size.
// Words longer than a line are broken after "/" or "-" when they can be,
// otherwise between characters. With justify, every line but the last is
// stretched to the full width by widening its spaces.
func BreakLines(spans []Span, size, width float64, justify bool) []Line {
	lines, forced := greedyLines(spans, size, width*slack)
	out := make([]Line, len(lines))
	for i, ws := range lines {
		out[i] = placeLine(ws, size, width*slack, justify && i < len(lines)-1 && !forced[i])
	}
	return out
}

// countLines is len(BreakLines(spans, size, width, false)) without
// placing the lines: what a spreadsheet row's height needs.
func countLines(spans []Span, size, width float64) int {
	lines, _ := greedyLines(spans, size, width*slack)
	return len(lines)
}

// greedyLines fills lines of at most limit with words, one after the
// other; forced reports the lines that end at a forced break.
func greedyLines(spans []Span, size, limit float64) (lines [][]word, forced []bool) {
	words := splitWords(spans, size)
	var cur []word
	curW := 0.0
	endLine := func(brk bool) {
		lines = append(lines, cur)
		forced = append(forced, brk)
		cur, curW = nil, 0
	}
	// add puts a word on the current line, or on a new one when it would
	// not fit (greedy breaking).
	add := func(w word) {
		if len(cur) > 0 && curW+cur[len(cur)-1].space+w.w > limit {
			endLine(false)
		}
		if len(cur) > 0 {
			curW += cur[len(cur)-1].space
		}
		cur = append(cur, w)
		curW += w.w
	}
	for _, w := range words {
		switch {
		case len(w.frags) == 0:
			endLine(true) // an empty line
			continue
		case w.w <= limit:
			add(w)
		default:
			for _, part := range splitLongWord(w, size, limit) {
				add(part)
			}
		}
		if w.brk {
			endLine(true)
		}
	}
	if len(cur) > 0 {
		endLine(false)
	}
	return lines, forced
}

// splitWords cuts spans at spaces into words, keeping the faces.
func splitWords(spans []Span, size float64) []word {
	var words []word
	var cur word
	flush := func(space float64) {
		if len(cur.frags) > 0 {
			cur.space = space
			words = append(words, cur)
			cur = word{}
		} else if len(words) > 0 && space > words[len(words)-1].space {
			words[len(words)-1].space = space
		}
	}
	// lineBreak ends the word before a "\n"; a second "\n" in a row makes
	// an empty line.
	lineBreak := func(space float64) {
		switch {
		case len(cur.frags) > 0:
			flush(space)
			words[len(words)-1].brk = true
		case len(words) > 0 && !words[len(words)-1].brk:
			words[len(words)-1].brk = true
		case len(words) > 0:
			words = append(words, word{brk: true})
		}
	}
	for _, s := range spans {
		text := s.Text
		for text != "" {
			i := strings.IndexAny(text, " \n\t")
			if i < 0 {
				i = len(text)
			}
			if i > 0 {
				at := size
				if s.Super {
					at = size * SuperScale
				}
				fw := s.Face.Width(text[:i], at)
				if n := len(cur.frags); n > 0 && cur.frags[n-1].face == s.Face && cur.frags[n-1].link == s.Link && cur.frags[n-1].super == s.Super {
					cur.frags[n-1].text += text[:i]
					cur.frags[n-1].w += fw
				} else {
					cur.frags = append(cur.frags, fragment{text[:i], s.Face, s.Link, fw, s.Super})
				}
				cur.w += fw
			}
			if i < len(text) {
				if text[i] == '\n' {
					lineBreak(s.Face.Width(" ", size))
				} else {
					flush(s.Face.Width(" ", size))
				}
				text = text[i+1:]
			} else {
				text = ""
			}
		}
	}
	flush(0)
	return words
}

// splitLongWord cuts a word wider than limit into parts that fit, preferring
// cuts after "/" and "-".
func splitLongWord(w word, size, limit float64) []word {
	type ch struct {
		r     rune
		face  fonts.Face
		link  string
		w     float64
		super bool
	}
	var chars []ch
	for _, f := range w.frags {
		at := size
		if f.super {
			at = size * SuperScale
		}
		for _, r := range f.text {
			chars = append(chars, ch{r, f.face, f.link, f.face.Advance(r) * at, f.super})
		}
	}
	var parts []word
	start := 0
	for start < len(chars) {
		width, end, lastBreak := 0.0, start, -1
		for end < len(chars) && (width+chars[end].w <= limit || end == start) {
			width += chars[end].w
			if r := chars[end].r; (r == '/' || r == '-') && end+1 < len(chars) {
				lastBreak = end + 1
			}
			end++
		}
		if end < len(chars) && lastBreak > start {
			end = lastBreak
		}
		// Kinsoku: a line of Chinese or Japanese never starts with closing
		// punctuation or a small kana, nor ends with an opening bracket;
		// the character before moves down with it.
		for end < len(chars) && end-1 > start && (noLineStart(chars[end].r) || noLineEnd(chars[end-1].r)) {
			end--
		}
		var part word
		for _, c := range chars[start:end] {
			if n := len(part.frags); n > 0 && part.frags[n-1].face == c.face && part.frags[n-1].link == c.link && part.frags[n-1].super == c.super {
				part.frags[n-1].text += string(c.r)
				part.frags[n-1].w += c.w
			} else {
				part.frags = append(part.frags, fragment{string(c.r), c.face, c.link, c.w, c.super})
			}
			part.w += c.w
		}
		parts = append(parts, part)
		start = end
	}
	parts[len(parts)-1].space = w.space
	parts[len(parts)-1].brk = w.brk
	return parts
}

// placeLine positions a line's words; adjacent words in the same face are
// merged into one piece unless the line is justified.
func placeLine(ws []word, size, width float64, justify bool) Line {
	natural := 0.0
	for i, w := range ws {
		natural += w.w
		if i < len(ws)-1 {
			natural += w.space
		}
	}
	extra := 0.0
	if justify && len(ws) > 1 {
		extra = (width - natural) / float64(len(ws)-1)
		// A line with very few words would look gappy: leave it ragged.
		if extra > size*0.6 || extra < 0 {
			extra = 0
		}
	}
	var line Line
	x := 0.0
	for i, w := range ws {
		for _, f := range w.frags {
			n := len(line.Pieces)
			if n > 0 && extra == 0 && line.Pieces[n-1].Face == f.face && line.Pieces[n-1].Link == f.link && line.Pieces[n-1].Super == f.super &&
				line.Pieces[n-1].X+line.Pieces[n-1].W <= x+0.001 {
				p := &line.Pieces[n-1]
				gap := x - (p.X + p.W)
				if gap > 0.001 {
					p.Text += " "
				}
				p.Text += f.text
				p.W = x + f.w - p.X
			} else {
				line.Pieces = append(line.Pieces, Piece{Text: f.text, Face: f.face, Link: f.link, X: x, W: f.w, Super: f.super})
			}
			x += f.w
		}
		if i < len(ws)-1 {
			x += w.space + extra
		}
	}
	line.Width = x
	return line
}

// Text returns the line's text with single spaces between pieces that are
// apart.
func (l Line) Text() string {
	var b strings.Builder
	for i, p := range l.Pieces {
		if i > 0 && p.X > l.Pieces[i-1].X+l.Pieces[i-1].W+0.001 {
			b.WriteByte(' ')
		}
		b.WriteString(p.Text)
	}
	return b.String()
}

// ellipsize shortens a line so that it ends with "…" within width.
func ellipsize(l Line, size, width float64) Line {
	if len(l.Pieces) == 0 {
		return l
	}
	last := l.Pieces[len(l.Pieces)-1]
	ell := last.Face.Width("…", size)
	for len(l.Pieces) > 0 {
		p := &l.Pieces[len(l.Pieces)-1]
		for p.X+p.W+ell > width*slack && p.Text != "" {
			_, n := utf8.DecodeLastRuneInString(p.Text)
			p.Text = strings.TrimRight(p.Text[:len(p.Text)-n], " ,;:")
			p.W = p.Face.Width(p.Text, size)
		}
		if p.Text != "" {
			p.Text += "…"
			p.W += ell
			l.Width = p.X + p.W
			return l
		}
		l.Pieces = l.Pieces[:len(l.Pieces)-1]
	}
	return l
}

// noLineStart and noLineEnd are the kinsoku rules of CJK text (JIS X 4051,
// simplified): characters that may not begin a line, and brackets that
// may not end one.
func noLineStart(r rune) bool {
	return strings.ContainsRune("、。，．・：；？！）」』】〕〉》｝］ー〜ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々,.;:!?)]}", r)
}

func noLineEnd(r rune) bool { return strings.ContainsRune("「『（【〔〈《｛［([{", r) }
