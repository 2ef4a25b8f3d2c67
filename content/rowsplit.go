package content

import (
	"math"
	"sort"
	"strings"
	"unicode/utf8"
)

// This file recovers the columns of a table row whose separators were lost:
// "Primary Focus Designing software. Keeping it running." must become the
// aspect "Primary Focus" and one cell per subject. Every split of the row's
// words into an aspect (one to six words, none in an index-numbered table)
// and n non-empty cells is scored by how much it looks like a comparison
// row (rowscore.go), and the best one wins. The words are never changed:
// joining the parts with single spaces gives the row back exactly, and no
// part starts inside brackets or quotes.
//
// The search is a dynamic programme over cut positions that keeps the
// topK best partial splits at each position, so that a cell's score may
// also depend on the cell before it (cells of one row tend to start with
// the same word or end with the same unit). Its cost is
// O(n × words² × topK), tens of milliseconds for a row of MaxRowWords
// words and five subjects (BenchmarkSplitLongRow).
//
// The margin between the best and the second-best split measures
// confidence; below ambiguityMargin the row is reported for checking.

const ambiguityMargin = 1.2

// topK is how many partial splits the search keeps per position.
const topK = 3

// maxAspectWords is the longest aspect tried, in words.
const maxAspectWords = 6

// rowSplit is one way to cut a row: parts[0] is the aspect ("" when the
// table has none).
type rowSplit struct {
	parts []string
	score float64
}

// splitContext is what the splitter knows besides the row: the number of
// cells, whether the row starts with an aspect (not in an index-numbered
// table), what the table's confident rows say about each column, and what
// the rest of the article says about words.
type splitContext struct {
	n      int
	aspect bool
	priors []columnPrior
	ev     *evidence
}

// splitter scores splits of one row's words.
type splitter struct {
	ctx   *splitContext
	words []wordInfo
	chars []int // chars[i] = runes in words[:i], plus separating spaces
	sents []float64
	// midOpeners[i] counts, in words[:i], the capitalised openers that
	// do not follow the end of a sentence.
	midOpeners []int
	// midCaps[i] counts, in words[:i], the capitalised words that do not
	// follow the end of a sentence.
	midCaps []int
	// together[i] is set when the article's text has words[i-1] and
	// words[i] side by side.
	together []bool
	n        int // cells
}

// splitRow returns the best split of an unseparated row into an aspect and
// n cells, and the margin by which it beat the next best.
func splitRow(row string, n int, priors []columnPrior) (best rowSplit, margin float64, ok bool) {
	top := rankSplits(row, &splitContext{n: n, aspect: true, priors: priors})
	if len(top) == 0 {
		return rowSplit{}, 0, false
	}
	margin = math.Inf(1)
	if len(top) > 1 {
		margin = top[0].score - top[1].score
	}
	return top[0], margin, true
}

// rankSplits returns the best two splits of a row, best first.
func rankSplits(row string, ctx *splitContext) []rowSplit {
	fields := rowWords(row)
	need := ctx.n
	if ctx.aspect {
		need++
	}
	if len(fields) < need || len(fields) > MaxRowWords {
		return nil
	}
	s := &splitter{n: ctx.n, ctx: ctx}
	s.words = make([]wordInfo, len(fields))
	s.chars = make([]int, len(fields)+1)
	s.sents = make([]float64, len(fields)+1)
	for i, f := range fields {
		s.words[i] = analyseWord(f)
		s.chars[i+1] = s.chars[i] + utf8.RuneCountInString(f) + 1
		s.sents[i+1] = s.sents[i] + s.words[i].terminal
	}
	markDepths(s.words)
	s.midOpeners = make([]int, len(fields)+1)
	s.midCaps = make([]int, len(fields)+1)
	s.together = make([]bool, len(fields))
	for i := 1; i < len(fields); i++ {
		s.together[i] = ctx.ev.together(s.words[i-1], s.words[i])
	}
	for i, w := range s.words {
		s.midCaps[i+1] = s.midCaps[i]
		quoted := wordShape(strings.TrimLeft(w.text, "\"'“‘«(")) == shapeUpper
		if i > 0 && (w.startShape == shapeUpper || quoted) && s.words[i-1].terminal == 0 && !strings.HasSuffix(s.words[i-1].text, ":") {
			s.midCaps[i+1]++
		}
		s.midOpeners[i+1] = s.midOpeners[i]
		if i > 0 && w.opener && w.startShape == shapeUpper && s.words[i-1].terminal == 0 && !s.words[i-1].badEnd {
			s.midOpeners[i+1]++
		}
	}
	if top := s.search(); len(top) > 0 {
		return top
	}
	// Brackets that forbid every cut are not brackets the row closes.
	for i := range s.words {
		s.words[i].depth = 0
	}
	return s.search()
}

// entry is a partial split in the dynamic programme: its score, where the
// cell ending here started, and which kept entry there it extends.
type entry struct {
	score float64
	start int
	rank  int
}

// topEntries keeps the best topK entries of a state, best first.
type topEntries struct {
	e [topK]entry
	n int
}

func (t *topEntries) add(e entry) {
	i := t.n
	if i == topK {
		if e.score <= t.e[topK-1].score {
			return
		}
		i = topK - 1
	} else {
		t.n++
	}
	for i > 0 && t.e[i-1].score < e.score {
		t.e[i] = t.e[i-1]
		i--
	}
	t.e[i] = e
}

// search finds the two best splits by dynamic programming over the cut
// positions.
func (s *splitter) search() []rowSplit {
	W := len(s.words)
	minAspect, maxAspect := 1, min(maxAspectWords, W-s.n)
	if !s.ctx.aspect {
		minAspect, maxAspect = 0, 0
	}
	var results []rowSplit
	layers := make([][]topEntries, s.n+1)
	for j := range layers {
		layers[j] = make([]topEntries, W+1)
	}
	// One programme covers every aspect length: the first layer holds the
	// aspects, the balance terms use the mean of the cells after an aspect
	// of typical length.
	ref := min(2, maxAspect)
	meanChars := float64(s.chars[W]-s.chars[ref]) / float64(s.n)
	meanSents := (s.sents[W-1] - s.sents[ref] + 1) / float64(s.n)
	for k := minAspect; k <= maxAspect; k++ {
		if k < W && s.words[k].depth > 0 {
			continue
		}
		layers[0][k].add(entry{score: s.aspectScore(k), start: -1})
	}
	for j := 0; j < s.n; j++ {
		lastCell := j == s.n-1
		for start := minAspect; start < W; start++ {
			from := &layers[j][start]
			if from.n == 0 {
				continue
			}
			var cut float64
			if j > 0 {
				cut = s.cutScore(start, j) // closes column j, the cell before
			} else {
				cut = s.aspectCutScore(start)
			}
			first, last := start+1, W-(s.n-1-j)
			if lastCell {
				first = W
			}
			for end := first; end <= last; end++ {
				if s.chars[end]-s.chars[start] > MaxCellChars+1 {
					break
				}
				if end < W && s.words[end].depth > 0 {
					continue
				}
				cell := cut + s.cellScore(start, end, j+1, meanChars, meanSents)
				to := &layers[j+1][end]
				for r := 0; r < from.n; r++ {
					prev := from.e[r]
					score := prev.score + cell
					if j > 0 {
						score += s.pairScore(prev.start, start, end)
					}
					to.add(entry{score: score, start: start, rank: r})
				}
			}
		}
	}
	final := &layers[s.n][W]
	for r := 0; r < final.n; r++ {
		cuts := make([]int, s.n)
		pos, rank := W, r
		for j := s.n; j > 0; j-- {
			e := layers[j][pos].e[rank]
			cuts[j-1] = e.start
			pos, rank = e.start, e.rank
		}
		results = append(results, rowSplit{parts: s.partsOf(cuts), score: final.e[r].score})
	}
	sort.SliceStable(results, func(a, b int) bool { return results[a].score > results[b].score })
	// Two entries may describe the same split reached two ways; keep
	// distinct splits only.
	var out []rowSplit
	for _, r := range results {
		if len(out) > 0 && equalParts(out[len(out)-1].parts, r.parts) {
			continue
		}
		out = append(out, r)
		if len(out) == 2 {
			break
		}
	}
	return out
}

func equalParts(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func (s *splitter) partsOf(cuts []int) []string {
	words := make([]string, len(s.words))
	for i, w := range s.words {
		words[i] = w.text
	}
	parts := make([]string, 0, len(cuts)+1)
	prev := 0
	for _, c := range cuts {
		parts = append(parts, strings.Join(words[prev:c], " "))
		prev = c
	}
	return append(parts, strings.Join(words[prev:], " "))
}
