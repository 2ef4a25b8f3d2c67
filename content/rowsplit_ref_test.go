package content

import (
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// This file keeps the row splitter's plain programme, as it was before the
// search was made fast (rowsplit.go), as the reference: the same scores
// worked out from the words at every cut, the loops column first. The fast
// search must find the same two splits with the same scores, to the bit,
// on every row (TestSearchMatchesReference); TestSplitGolden holds the
// answers the importer gives.

// refSearch is the plain programme.
func (s *splitter) refSearch() []rowSplit {
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
				cut = s.cutScore(start, j)
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
				cell := cut + s.refCellScore(start, end, j+1, meanChars, meanSents)
				to := &layers[j+1][end]
				for r := 0; r < from.n; r++ {
					prev := from.e[r]
					score := prev.score + cell
					if j > 0 {
						score += s.refPairScore(prev.start, start, end)
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

// refRank is rank over refSearch.
func (s *splitter) refRank() []rowSplit {
	if top := s.refSearch(); len(top) > 0 {
		return top
	}
	depths := make([]int, len(s.words))
	for i := range s.words {
		depths[i], s.words[i].depth = s.words[i].depth, 0
	}
	top := s.refSearch()
	for i := range s.words {
		s.words[i].depth = depths[i]
	}
	return top
}

func (s *splitter) refPairScore(prevStart, start, end int) float64 {
	score := 0.0
	a, b := s.words[prevStart], s.words[start]
	switch {
	case a.key != "" && a.key == b.key:
		score += 1.2
	case a.sig != "" && a.sig == b.sig && a.startShape == shapeNumeric:
		score += 0.8
	}
	if x, y := s.words[start-1], s.words[end-1]; x.sig != "" && x.sig == y.sig && end-start > 1 && start-prevStart > 1 {
		score += 0.6
	}
	if start-prevStart > 1 && end-start > 1 && s.words[prevStart+1].key != "" && s.words[prevStart+1].key == s.words[start+1].key {
		score += 0.6
	}
	return score + s.closeScoreOf(prevStart, start)
}

func (s *splitter) refCellScore(start, end, col int, meanChars, meanSents float64) float64 {
	chars := float64(s.chars[end] - s.chars[start])
	inner := s.sents[end-1] - s.sents[start]
	sentences := inner + 1
	score := -0.3 * math.Abs(math.Log(chars/meanChars))
	score -= 0.8 * math.Abs(sentences-meanSents)
	if end-start > 2 {
		score -= 4.5 * float64(s.midOpeners[end-1]-s.midOpeners[start+1])
	}
	if end-start > 1 {
		score -= 0.3 * float64(s.midCaps[end]-s.midCaps[start+1])
	}
	if end-start > 1 {
		w, next := s.words[start], s.words[start+1]
		if w.key != "" && next.key == w.key {
			score -= 1.5
		}
		if (w.key == "yes" || w.key == "no") && !w.innerPunct {
			score -= 1.5
		}
		if (w.startShape == shapeUpper || w.startShape == shapeAcronym) && !w.innerPunct {
			switch next.startShape {
			case shapeUpper:
				score -= 0.8
			case shapeAcronym:
				score -= 0.5
			}
		}
	}
	if end == len(s.words) {
		score += s.closeScoreOf(start, end)
		last := s.words[end-1]
		if last.badEnd {
			score -= 4
		}
		if p := s.prior(col); p.weight > 0 {
			score += p.weight * (2*p.endsSentence - 1) * (2*last.terminal - 1) * 1.5
		}
	}
	return score
}

// evidenceFor is what an article of these subjects and this text (no
// table) says about words.
func evidenceFor(subjects []string, text string) *evidence {
	p := &textParser{a: &Article{}}
	p.a.Table.Subjects, p.a.Table.Line = subjects, -1
	for i, l := range strings.Split(text, "\n") {
		p.lines = append(p.lines, line{text: strings.TrimSpace(l), num: i + 1})
	}
	p.drop = make([]string, len(p.lines))
	return p.evidence()
}

// refCase is one row to split, with what the splitter knows.
type refCase struct {
	name string
	row  string
	ctx  *splitContext
}

// refCases are the rows of the corpora, each with the article's evidence
// and alone, and random rows of every shape, under random column priors.
func refCases(t *testing.T) []refCase {
	t.Helper()
	r := rand.New(rand.NewPCG(42, 1))
	randomPriors := func(n int) []columnPrior {
		if r.IntN(3) == 0 {
			return nil
		}
		priors := make([]columnPrior, n+1)
		for i := range priors {
			if r.IntN(4) > 0 {
				priors[i] = columnPrior{weight: r.Float64(), endsSentence: r.Float64(), startsUpper: r.Float64(), aspectWords: float64(r.IntN(5))}
			}
		}
		return priors
	}
	var cases []refCase
	var files []string
	for _, pattern := range []string{"../testdata/articles/*.txt", "../testdata/scraped/*.txt", "../examples/*.txt"} {
		f, _ := filepath.Glob(pattern)
		files = append(files, f...)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		a, err := Parse(f, data)
		if err != nil {
			continue
		}
		ev := evidenceFor(a.Table.Subjects, string(data))
		n := len(a.Table.Subjects)
		for _, row := range a.Table.Rows {
			text := strings.Join(append([]string{row.Aspect}, row.Cells...), " ")
			cases = append(cases,
				refCase{f, text, &splitContext{n: n, aspect: true, ev: ev}},
				refCase{f, text, &splitContext{n: n, aspect: true, ev: ev, priors: randomPriors(n)}},
				refCase{f, text, &splitContext{n: n, aspect: r.IntN(2) == 0, priors: randomPriors(n)}})
		}
	}
	ev := evidenceFor(synthSubjects, synthTable(3, 0, 0, false))
	for i := 0; i < 400; i++ {
		n := 1 + r.IntN(5)
		words := n + 4 + r.IntN(80)
		if i%20 == 0 {
			words = MaxRowWords
		}
		row := synthRow(r, words, n, r.IntN(6) == 0)
		var e *evidence
		if r.IntN(2) == 0 {
			e = ev
		}
		cases = append(cases, refCase{"random", row, &splitContext{n: n, aspect: r.IntN(5) > 0, ev: e, priors: randomPriors(n)}})
	}
	// Rows of repeated words tie everywhere; brackets that never close,
	// and brackets that forbid every cut.
	for _, row := range []string{
		strings.Repeat("a ", 40) + "a",
		strings.Repeat("Yes. ", 30) + "Yes.",
		strings.Repeat("x y. ", 20) + "z",
		"Setup Time (Small Teams) Minutes. (Hours for a cluster) Days.",
		"Cost (one (two three four five six seven",
		"Goal “quoted all the way” through",
	} {
		for n := 1; n <= 5; n++ {
			cases = append(cases, refCase{"edge", row, &splitContext{n: n, aspect: true}})
		}
	}
	return cases
}

// TestSearchMatchesReference: the fast search finds what the plain
// programme finds, scores included, to the bit.
func TestSearchMatchesReference(t *testing.T) {
	cases := refCases(t)
	if testing.Short() {
		cases = cases[:len(cases)/4]
	}
	for _, c := range cases {
		fast := rankSplits(c.row, c.ctx)
		s := newSplitter(c.row, c.ctx)
		var want []rowSplit
		if s != nil {
			want = s.refRank()
		}
		if len(fast) != len(want) {
			t.Fatalf("%s: %q (n=%d): %d splits, want %d", c.name, c.row, c.ctx.n, len(fast), len(want))
		}
		for i := range want {
			if !equalParts(fast[i].parts, want[i].parts) || math.Float64bits(fast[i].score) != math.Float64bits(want[i].score) {
				t.Fatalf("%s: %q (n=%d): split %d is %q (%v), want %q (%v)", c.name, c.row, c.ctx.n, i,
					fast[i].parts, fast[i].score, want[i].parts, want[i].score)
			}
		}
	}
}

// TestHasPhraseMatchesText: evidence.hasPhrase finds a phrase exactly when
// the article's text, normalised and joined as phraseScore first read it,
// holds it.
func TestHasPhraseMatchesText(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 5))
	var files []string
	for _, pattern := range []string{"../testdata/articles/*.txt", "../testdata/scraped/*.txt", "../examples/*.txt"} {
		f, _ := filepath.Glob(pattern)
		files = append(files, f...)
	}
	texts := []string{synthArticle(2, 3, 40, false, 20000), "a\n\nb c\n—\nd e f\nd e f g"}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(data))
	}
	checked, found := 0, 0
	for _, text := range texts {
		ev := evidenceFor(nil, text)
		// The text as one string, as phraseScore read it before.
		var b strings.Builder
		var words []string
		for _, l := range strings.Split(text, "\n") {
			if l = strings.TrimSpace(l); l != "" {
				b.WriteString(phraseKey(l) + " ")
				words = append(words, strings.Fields(l)...)
			}
		}
		joined := " " + b.String()
		for i := 0; i < 3000 && len(words) > 0; i++ {
			// Runs of the text's words, cut anywhere, and words drawn
			// at random.
			var phrase []string
			n := 1 + r.IntN(6)
			if r.IntN(3) > 0 {
				at := r.IntN(len(words))
				phrase = words[at:min(at+n, len(words))]
			} else {
				for k := 0; k < n; k++ {
					phrase = append(phrase, words[r.IntN(len(words))])
				}
			}
			key := phraseKey(strings.Join(phrase, " "))
			want := key != "" && strings.Contains(joined, " "+key+" ")
			if got := ev.hasPhrase(key); got != want {
				t.Fatalf("hasPhrase(%q) = %v, want %v", key, got, want)
			}
			checked++
			if want {
				found++
			}
		}
	}
	if found == 0 || found == checked {
		t.Fatalf("%d of %d phrases found: the test proves nothing", found, checked)
	}
}
