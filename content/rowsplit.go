package content

import (
	"math"
	"sort"
	"strings"
	"sync"
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
// the same word or end with the same unit). Bounds on the scores let it
// skip most pairs of cut positions without changing what it keeps (see
// search): about a millisecond for a row of MaxRowWords words and five
// subjects (BenchmarkSplitLongRow), and a table at the limits (MaxGuessedRows
// such rows) well under a second (BenchmarkSplitTable).
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

	// What the scores need of each word, worked out once per row rather
	// than once per cut (see prepare): keyID and sigID number the words'
	// keys and signatures (0 for none), so that comparing two words is
	// comparing two numbers; opening holds, per word, what starting a cell
	// of several words there costs; closing[end] is closeScore of a cell
	// of several words ending before word end.
	keyID, sigID []int32
	opening      []cellOpening
	closing      []float64
	// lengthScore[c] is the balance term of a cell of c characters; it
	// depends on the mean cell length of the search (see search).
	lengthScore []float64
	// phrases[k] is phraseScore(k), known when bit k of phraseKnown is.
	phrases     [maxAspectWords + 1]float64
	phraseKnown uint

	// work counts what the searches did, for the tests that bound it.
	work splitWork
}

// cellOpening is what starting a cell of two words or more at a word
// costs (see cellScore): a stutter ("npm npm"), a lone answer ("Yes $20"),
// a capitalised word before another capital.
type cellOpening struct {
	stutter, answer bool
	caps            float64
}

// splitWork counts the searches' work: cells scored (at most one per pair
// of cut positions, whatever the column), upper bounds of blocks of starts
// and of single starts, and extensions scored exactly (a cell added to one
// of the partial splits kept at its start).
type splitWork struct {
	searches, cells, blocks, starts, extensions int
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
	s := newSplitter(row, ctx)
	if s == nil {
		return nil
	}
	return s.rank()
}

// newSplitter analyses a row's words for the search, or returns nil when
// the row has too few words or too many to split. The analysis does not
// depend on ctx.priors: the splitter may rank again after they change.
func newSplitter(row string, ctx *splitContext) *splitter {
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
	if ctx.ev != nil {
		keys := make([]string, len(fields))
		for i, w := range s.words {
			keys[i] = phraseKey(w.text)
		}
		for i := 1; i < len(fields); i++ {
			s.together[i] = ctx.ev.together(keys[i-1], keys[i])
		}
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
	s.prepare()
	return s
}

// rank runs the search, again without brackets when they forbid every
// cut.
func (s *splitter) rank() []rowSplit {
	if top := s.search(); len(top) > 0 {
		return top
	}
	// Brackets that forbid every cut are not brackets the row closes.
	depths := make([]int, len(s.words))
	for i := range s.words {
		depths[i], s.words[i].depth = s.words[i].depth, 0
	}
	top := s.search()
	for i := range s.words {
		s.words[i].depth = depths[i]
	}
	return top
}

// prepare works out, once per row, the per-word facts that the scores of
// cells and pairs of cells look up.
func (s *splitter) prepare() {
	W := len(s.words)
	ids := map[string]int32{"": 0}
	id := func(k string) int32 {
		v, ok := ids[k]
		if !ok {
			v = int32(len(ids))
			ids[k] = v
		}
		return v
	}
	s.keyID = make([]int32, W)
	s.sigID = make([]int32, W)
	for i, w := range s.words {
		s.keyID[i], s.sigID[i] = id(w.key), id(w.sig)
	}
	s.opening = make([]cellOpening, W)
	for i := 0; i+1 < W; i++ {
		w, next := s.words[i], s.words[i+1]
		o := &s.opening[i]
		o.stutter = w.key != "" && next.key == w.key
		o.answer = (w.key == "yes" || w.key == "no") && !w.innerPunct
		if (w.startShape == shapeUpper || w.startShape == shapeAcronym) && !w.innerPunct {
			switch next.startShape {
			case shapeUpper:
				o.caps = 0.8
			case shapeAcronym:
				o.caps = 0.5
			}
		}
	}
	s.closing = make([]float64, W+1)
	for end := 2; end <= W; end++ {
		s.closing[end] = s.closeScoreOf(end-2, end)
	}
}

// entry is a partial split in the dynamic programme: its score, where the
// cell ending here started, and which kept entry there it extends.
type entry struct {
	score float64
	start int
	rank  int
}

// before orders the entries of a state: the higher score first, and of
// equal scores the earlier start, then the better ranked entry there
// extended. It is the order in which the plain programme, adding the
// extensions start by start and keeping the first of equal scores, ranks
// them, so that the entries kept do not depend on the order they come in.
// (Scores are finite: every term of them is.)
func (e entry) before(o entry) bool {
	if e.score != o.score {
		return e.score > o.score
	}
	if e.start != o.start {
		return e.start < o.start
	}
	return e.rank < o.rank
}

// topEntries keeps the first topK entries of a state, in entry.before
// order.
type topEntries struct {
	e [topK]entry
	n int
}

func (t *topEntries) add(e entry) {
	i := t.n
	if i == topK {
		if !e.before(t.e[topK-1]) {
			return
		}
		i = topK - 1
	} else {
		t.n++
	}
	for i > 0 && e.before(t.e[i-1]) {
		t.e[i] = t.e[i-1]
		i--
	}
	t.e[i] = e
}

// admits reports whether an entry scoring at most bound could be kept.
func (t *topEntries) admits(bound float64) bool {
	return t.n < topK || !(bound < t.e[topK-1].score-pruneSlack)
}

// pruneSlack absorbs the rounding of sums of scores, so that a bound never
// skips an extension that the exact sum would keep.
const pruneSlack = 1e-9

// search finds the two best splits by dynamic programming over the cut
// positions: for each column j and each end of its cell, every start of
// the cell extends every partial split kept at the start, and the state at
// the end keeps the topK best.
//
// It keeps exactly what the plain programme keeps (for each column, each
// start, each end, score each extension and keep the first topK, ties
// going to the one added first; rowsplit_ref_test.go holds it), with every
// score summed in the same order, to the bit. What makes it fast:
//   - the states are filled end by end: a cell's score does not depend on
//     its column (but for the last cell, the only one that ends the row),
//     so it is worked out once for all columns;
//   - the scores look up what prepare worked out once per row;
//   - entry.before orders ties as the plain programme does, so the
//     extensions may come in any order. For each state, extend meets the
//     starts by their upper bounds (the two nearest the end, then blocks
//     of blockSize starts, the block of highest bound first) and keeps the
//     three best lower bounds met; a block, or a start, whose upper bound
//     is below the third is skipped, for three extensions (or three that
//     beat them) score more, and the rest are scored exactly.
//
// The bounds are cheap: everything about an extension that does not depend
// on the end of its cell (the partial split, the cut, how the cell opens,
// pairScore but for its 0.6 for cells that end alike) is summed once per
// start (boundsAt), and what depends on both ends is bounded once per
// block and end (cellBound). At worst a search scores one cell per pair of
// cut positions and bounds one block of starts, and one start, per column
// and pair: O(n × words²) additions and comparisons, a few milliseconds at
// MaxRowWords even when every score ties; the extensions scored exactly,
// which cost more, are a few per state (TestSplitWorkBounded).
func (s *splitter) search() []rowSplit {
	s.work.searches++
	W := len(s.words)
	minAspect, maxAspect := 1, min(maxAspectWords, W-s.n)
	if !s.ctx.aspect {
		minAspect, maxAspect = 0, 0
	}
	b := getBuffers(s.n, W)
	defer searchPool.Put(b)
	layers := b.layers
	// One programme covers every aspect length: the first layer holds the
	// aspects, the balance terms use the mean of the cells after an aspect
	// of typical length.
	ref := min(2, maxAspect)
	meanChars := float64(s.chars[W]-s.chars[ref]) / float64(s.n)
	meanSents := (s.sents[W-1] - s.sents[ref] + 1) / float64(s.n)
	s.lengthScore = s.lengthScore[:0]
	for c := 0; c <= min(s.chars[W], MaxCellChars+1); c++ {
		s.lengthScore = append(s.lengthScore, -0.3*math.Abs(math.Log(float64(c)/meanChars)))
	}
	cells := cellBounds{meanChars: meanChars, meanSents: meanSents}
	if p := s.prior(s.n); p.weight > 0 {
		cells.lastBonus = max(0, p.weight*(2*p.endsSentence-1)*(2*s.words[W-1].terminal-1)*1.5)
	}
	for k := minAspect; k <= maxAspect; k++ {
		if k < W && s.words[k].depth > 0 {
			continue
		}
		layers[0][k].add(entry{score: s.aspectScore(k), start: -1})
	}
	lo := minAspect // the first start whose cell may reach end
	for end := minAspect + 1; end <= W; end++ {
		// The states at end-1 are complete: bound their extensions.
		if at := end - 1; at >= minAspect {
			for j := 0; j < s.n; j++ {
				if layers[j][at].n > 0 {
					sb := &b.bounds[j][at]
					s.boundsAt(sb, &layers[j][at], j, at)
					hb := &b.blockHigh[j][at/blockSize]
					*hb = max(*hb, sb.key)
				}
			}
		}
		for s.chars[end]-s.chars[lo] > MaxCellChars+1 {
			lo++
		}
		if end < W && s.words[end].depth > 0 {
			continue
		}
		// The columns whose cell may end here: the last ends the row,
		// the others leave a word for each column after them.
		jFirst, jLast := max(0, end-W+s.n-1), s.n-2
		cells.col = 0
		if end == W {
			jFirst, jLast, cells.col = s.n-1, s.n-1, s.n
		}
		if jFirst > jLast || lo >= end {
			continue
		}
		// The cells from each block of starts (but the two nearest end),
		// bounded once for all columns.
		b.blockCell = b.blockCell[:0]
		for k := lo / blockSize; lo <= end-3 && k <= (end-3)/blockSize; k++ {
			first, last := max(k*blockSize, lo), min(k*blockSize+blockSize-1, end-3)
			b.blockCell = append(b.blockCell, s.cellBound(first, last, end, &cells))
		}
		for j := jFirst; j <= jLast; j++ {
			s.extend(b, j, lo, end, &cells)
		}
	}
	var results []rowSplit
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

// blockSize is how many starts share an upper bound in extend.
const blockSize = 8

// searchBuffers are a search's working memory, reused across searches
// (searchPool).
type searchBuffers struct {
	// layers[j][pos] keeps the partial splits of the aspect and j cells
	// (j = 0: the aspect alone) that end before word pos.
	states []topEntries
	layers [][]topEntries
	// bounds[j][start] bounds the extensions of layers[j][start], and
	// blockHigh[j][k] is the highest key over the starts of block k.
	boundData []startBounds
	bounds    [][]startBounds
	highData  []float64
	blockHigh [][]float64
	// cellRow[start] scores words[start:cellEnd[start]] as a cell.
	cellRow []float64
	cellEnd []int
	// blockCell[i] bounds the cells to the current end from the starts
	// of the i-th block from lo (cellBound).
	blockCell []float64
	blocks    []blockBound
	starts    []int
}

var searchPool = sync.Pool{New: func() any { return new(searchBuffers) }}

// getBuffers returns cleared buffers for a search of n cells over W words.
func getBuffers(n, W int) *searchBuffers {
	b := searchPool.Get().(*searchBuffers)
	nb := W/blockSize + 1
	b.states = resize(b.states, (n+1)*(W+1))
	clear(b.states)
	b.layers = resize(b.layers, n+1)
	for j := range b.layers {
		b.layers[j] = b.states[j*(W+1) : (j+1)*(W+1)]
	}
	b.boundData = resize(b.boundData, n*(W+1))
	b.bounds = resize(b.bounds, n)
	b.highData = resize(b.highData, n*nb)
	b.blockHigh = resize(b.blockHigh, n)
	for j := 0; j < n; j++ {
		b.bounds[j] = b.boundData[j*(W+1) : (j+1)*(W+1)]
		b.blockHigh[j] = b.highData[j*nb : (j+1)*nb]
	}
	for i := range b.highData {
		b.highData[i] = math.Inf(-1)
	}
	b.cellRow = resize(b.cellRow, W)
	b.cellEnd = resize(b.cellEnd, W)
	clear(b.cellEnd)
	return b
}

// resize returns a slice of length n, reusing x's memory when it can.
func resize[T any](x []T, n int) []T {
	if cap(x) < n {
		return make([]T, n)
	}
	return x[:n]
}

// startBounds is what the extensions of the partial splits kept at a
// start need, whatever the end of their cell: the cut's score, and upper
// bounds of the extensions' scores less the cell's own score. pairScore
// depends on the end only through its 0.6 for cells that end alike,
// counted in highLong; for a cell of one word (highShort) it is known.
type startBounds struct {
	cut                 float64
	low, lowShort       [topK]float64
	highLong, highShort float64
	// key is highLong plus the part of the score of a cell of three
	// words or more that is known at its start: what opening the cell
	// costs, and the start's share of the capitals counted inside it
	// (see cellBound).
	key float64
}

// blockBound bounds the extensions from the starts first to last.
type blockBound struct {
	first, last int
	high        float64
}

// boundsAt works out the bounds of the extensions of the partial splits t,
// kept in column j at start.
func (s *splitter) boundsAt(b *startBounds, t *topEntries, j, start int) {
	if j > 0 {
		b.cut = s.cutScore(start, j) // closes column j, the cell before
	} else {
		b.cut = s.aspectCutScore(start)
	}
	b.highLong, b.highShort = math.Inf(-1), math.Inf(-1)
	for r := 0; r < t.n; r++ {
		base := t.e[r].score + b.cut
		long, short, alike := 0.0, 0.0, 0.0
		if j > 0 {
			// pairScore's terms, at their most for a cell of several
			// words.
			prevStart := t.e[r].start
			switch a, c := prevStart, start; {
			case s.keyID[a] != 0 && s.keyID[a] == s.keyID[c]:
				short = 1.2
			case s.sigID[a] != 0 && s.sigID[a] == s.sigID[c] && s.words[a].startShape == shapeNumeric:
				short = 0.8
			}
			short += s.closeScore(prevStart, start)
			long = short
			if start-prevStart > 1 && s.sigID[start-1] != 0 {
				alike = 0.6
				long += alike
			}
			if start-prevStart > 1 && start+1 < len(s.words) && s.keyID[prevStart+1] != 0 && s.keyID[prevStart+1] == s.keyID[start+1] {
				long += 0.6
			}
		}
		b.low[r], b.lowShort[r] = base+long-alike, base+short
		b.highLong = max(b.highLong, base+long)
		b.highShort = max(b.highShort, base+short)
	}
	b.key = b.highLong + 4.5*float64(s.midOpeners[start+1]) + 0.3*float64(s.midCaps[start+1])
	if start+1 < len(s.words) {
		o := s.opening[start]
		if o.stutter {
			b.key -= 1.5
		}
		if o.answer {
			b.key -= 1.5
		}
		b.key -= o.caps
	}
}

// cellBounds is what bounding cells needs besides the words: the mean
// cell length and number of sentences, the column of the cells that end
// at the current end (0 but for the last), and the most the last column's
// prior adds to the last cell.
type cellBounds struct {
	meanChars, meanSents float64
	col                  int
	lastBonus            float64
}

// cellBound bounds from above, for the starts first to last (each at least
// three words before end), the score of a cell to end less the part known
// at its start (startBounds.key): the length and sentence terms at their
// best over the range, the end's share of the capitals inside, and the
// last column's prior at its best; no other term adds.
func (s *splitter) cellBound(first, last, end int, c *cellBounds) float64 {
	bound := 0.0
	shortest, longest := s.chars[end]-s.chars[last], s.chars[end]-s.chars[first]
	if c.meanChars < float64(shortest) || c.meanChars > float64(longest) {
		bound = max(s.lengthScore[shortest], s.lengthScore[longest])
	}
	fewest := s.sents[end-1] - s.sents[last] + 1
	most := s.sents[end-1] - s.sents[first] + 1
	switch {
	case c.meanSents < fewest:
		bound -= 0.8 * (fewest - c.meanSents)
	case c.meanSents > most:
		bound -= 0.8 * (c.meanSents - most)
	}
	bound -= 4.5*float64(s.midOpeners[end-1]) + 0.3*float64(s.midCaps[end])
	if end == len(s.words) {
		bound += c.lastBonus
	}
	return bound
}

// extend adds to the state at end in column j+1 the extensions, by the
// cell words[start:end], of the partial splits kept in column j at each
// start from lo (see search): the two starts nearest end one by one, then
// the others block by block, the block of highest bound first, each only
// when its bound may reach what the state will keep.
func (s *splitter) extend(b *searchBuffers, j, lo, end int, c *cellBounds) {
	t := target{to: &b.layers[j+1][end], least: [topK]float64{math.Inf(-1), math.Inf(-1), math.Inf(-1)}, starts: b.starts[:0]}
	for start := max(lo, end-2); start < end; start++ {
		s.consider(b, j, start, end, c, &t)
	}
	blocks := b.blocks[:0]
	for i, cell := range b.blockCell {
		k := lo/blockSize + i
		high := b.blockHigh[j][k]
		if math.IsInf(high, -1) {
			continue // no partial split at any start of the block
		}
		first, last := max(k*blockSize, lo), min(k*blockSize+blockSize-1, end-3)
		bb := blockBound{first, last, high + cell}
		i := len(blocks)
		blocks = append(blocks, bb)
		for i > 0 && blocks[i-1].high < bb.high {
			blocks[i] = blocks[i-1]
			i--
		}
		blocks[i] = bb
	}
	s.work.blocks += len(blocks)
	for _, bb := range blocks {
		if !t.admits(bb.high) {
			continue
		}
		for start := bb.first; start <= bb.last; start++ {
			s.consider(b, j, start, end, c, &t)
		}
	}
	// Score exactly the extensions from the starts whose bound reaches
	// the final third lower bound.
	for _, start := range t.starts {
		f, sb := &b.layers[j][start], &b.bounds[j][start]
		high := sb.highLong
		if start == end-1 {
			high = sb.highShort
		}
		if !t.admits(high + b.cellRow[start]) {
			continue
		}
		cell := sb.cut + b.cellRow[start]
		for r := 0; r < f.n; r++ {
			prev := f.e[r]
			score := prev.score + cell
			if j > 0 {
				score += s.pairScore(prev.start, start, end)
			}
			s.work.extensions++
			t.to.add(entry{score: score, start: start, rank: r})
		}
	}
	b.blocks, b.starts = blocks, t.starts
}

// target is the state extend fills, with the three best lower bounds of
// the extensions it has met.
type target struct {
	to    *topEntries
	least [topK]float64
	// starts are the starts met whose bound reached least.
	starts []int
}

// admits reports whether an extension whose score is at most bound could
// be kept: not when three entries kept score more, nor when three
// extensions met score at least least[topK-1] (they, or better ones, will
// be kept: each is either kept or beaten by three that are).
func (t *target) admits(bound float64) bool {
	return t.to.admits(bound) && !(bound < t.least[topK-1]-pruneSlack)
}

// consider adds to the target the extensions of the partial splits kept in
// column j at start by the cell words[start:end], unless their bound shows
// that none would be kept.
func (s *splitter) consider(b *searchBuffers, j, start, end int, c *cellBounds, t *target) {
	f := &b.layers[j][start]
	if f.n == 0 {
		return
	}
	sb := &b.bounds[j][start]
	if b.cellEnd[start] != end {
		b.cellRow[start], b.cellEnd[start] = s.cellScore(start, end, c.col, c.meanSents), end
		s.work.cells++
	}
	s.work.starts++
	cellScore := b.cellRow[start]
	low, high := &sb.low, sb.highLong
	if start == end-1 {
		low, high = &sb.lowShort, sb.highShort
	}
	for r := 0; r < f.n; r++ {
		v := low[r] + cellScore
		if v <= t.least[topK-1] || v != v {
			continue // (no NaN among the lower bounds)
		}
		i := topK - 1
		for i > 0 && t.least[i-1] < v {
			t.least[i] = t.least[i-1]
			i--
		}
		t.least[i] = v
	}
	if t.admits(high + cellScore) {
		t.starts = append(t.starts, start)
	}
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
