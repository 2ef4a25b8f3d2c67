package content

import (
	"math"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file recovers the columns of a table row whose separators were lost:
// "Primary Focus Designing software. Keeping it running." must become the
// aspect "Primary Focus" and one cell per subject. Every split of the row's
// words into an aspect of one to four words and n non-empty cells is scored
// by how much it looks like a comparison row, and the best one wins. The
// words are never changed: joining the parts with single spaces gives the
// row back exactly.
//
// The score adds up evidence at each cut and in each part:
//   - a cell usually ends a sentence ("… and debugging.") and never ends with
//     a comma or a connecting word ("and", "of");
//   - a cell starts like the start of a sentence: a capital, an acronym, a
//     digit, a currency sign or a quote; a lower-case start is allowed
//     ("dbt", "iOS") but costs a little, a connecting word costs a lot;
//   - an aspect is a Title Case phrase without inner punctuation;
//   - sentence-case text rarely has two capitalised words at its start, so
//     "Focus Designing …" is a worse cell than "Designing …";
//   - cells of one row tend to hold the same number of sentences and to be
//     of similar length;
//   - a second pass adds what the confident rows of the same table say about
//     each column (do its cells end with a full stop, start with a capital).
//
// The margin between the best and the second-best split measures
// confidence; below ambiguityMargin the row is reported for checking.

const ambiguityMargin = 1.0

// MaxRowWords is the most words an unseparated row may have: the search
// grows with the square of it, and no real comparison row comes close.
const MaxRowWords = 300

// connectors are words a phrase does not end with and a cell does not
// start with.
var connectors = setOf("a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or",
	"per", "than", "the", "to", "versus", "via", "vs", "vs.", "with", "&", "nor", "but", "its", "their",
	"about", "after", "before", "under", "over", "since", "until", "within", "without", "through",
	"between", "among", "across", "around", "against", "during", "like", "toward", "towards", "upon")

// aspectHeads are nouns that commonly end an aspect ("Primary Focus",
// "Salary Range", "Learning Curve"). When a Title Case run could end at
// one of them or run on into the cell, they tip the cut after them.
var aspectHeads = setOf("focus", "goal", "goals", "purpose", "role", "roles", "responsibilities", "duties",
	"tasks", "skills", "skill", "tools", "tool", "stack", "language", "languages", "model", "models",
	"time", "times", "curve", "range", "cost", "costs", "price", "pricing", "salary", "pay", "income",
	"background", "education", "degree", "training", "certification", "certifications", "experience",
	"environment", "setting", "hours", "schedule", "location", "metrics", "metric", "kpis", "output",
	"outputs", "outcome", "outcomes", "fit", "use", "uses", "case", "cases", "approach", "method",
	"methods", "methodology", "process", "strategy", "scope", "scale", "size", "speed", "performance",
	"support", "offering", "offerings", "purpose", "audience", "users", "customers", "team", "teams",
	"structure", "style", "type", "types", "level", "levels", "impact", "risk", "risks", "benefits",
	"advantages", "disadvantages", "drawbacks", "challenges", "pros", "cons", "features", "feature",
	"requirements", "demand", "outlook", "growth", "path", "paths", "progression", "balance", "stress",
	"collaboration", "communication", "security", "reliability", "availability", "maintenance",
	"deployment", "integration", "ecosystem", "community", "documentation", "licensing", "license",
	"platform", "platforms", "format", "source", "sources", "value", "quality", "accuracy", "flexibility",
	"complexity", "difficulty", "popularity", "adoption", "market", "industry", "industries", "sector",
	"domain", "area", "areas", "specialty", "specialization", "career", "mindset", "philosophy",
	"responsibility", "ownership", "workflow", "workflows", "lifecycle", "concurrency", "typing",
	"syntax", "paradigm", "runtime", "startup", "memory", "storage", "interface", "design", "architecture",
	"testing", "lineage", "packaging", "hosting", "tooling", "monitoring", "logging", "scaling", "caching",
	"onboarding", "hiring", "funding", "governance", "compliance", "pace", "workload", "autonomy")

// smallTitleWords may stay lower-case inside a Title Case phrase.
var smallTitleWords = setOf("a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "per", "the",
	"to", "vs", "vs.", "via", "with", "&", "-", "–", "/")

// abbreviations end with a full stop that does not end a sentence.
var abbreviations = setOf("e.g.", "i.e.", "vs.", "approx.", "incl.", "inc.", "ltd.", "co.", "corp.", "dr.",
	"mr.", "mrs.", "ms.", "st.", "no.", "u.s.", "u.k.", "a.m.", "p.m.", "jr.", "sr.", "cf.", "ca.", "fig.", "esp.")

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// columnPrior is what the confident rows of a table say about one column
// (0 is the aspect column, 1 to n the cells):
// the share of its cells that end a sentence and that start with a capital.
// A zero weight means nothing is known.
type columnPrior struct {
	weight       float64
	endsSentence float64
	startsUpper  float64
}

// wordInfo holds the per-word facts the scorer needs.
type wordInfo struct {
	text        string
	terminal    float64 // how strongly the word ends a sentence: 0, 0.5 (etc.) or 1
	badEnd      bool    // ends with , ; or is a connector: a part cannot end here
	connector   bool
	startShape  shape
	titleWord   bool // may stand in a Title Case phrase
	head        bool // a noun that often ends an aspect
	participle  bool // "Used", "Required": ends an aspect after a noun
	englishLike bool // has an English suffix ("closely", "functional"), unlike "dbt" or "asyncio"
	innerPunct  bool // ends with , ; . ! ? (not allowed inside or at the end of an aspect)
}

type shape int

const (
	shapeLower   shape = iota // "dbt", "version"
	shapeUpper                // "Designing"
	shapeAcronym              // "IDEs", "CI/CD", "QA"
	shapeNumeric              // "3", "$120k", "€5", "24/7"
	shapeQuote                // "“Move fast”"
	shapeOther
)

func analyseWord(w string) wordInfo {
	info := wordInfo{text: w}
	lower := strings.ToLower(w)
	info.connector = connectors[lower]
	info.head = aspectHeads[strings.TrimRight(lower, ":")]
	info.participle = len(lower) >= 4 && strings.HasSuffix(lower, "ed")
	info.englishLike = hasEnglishSuffix(strings.TrimRight(lower, ".,;:!?)\"'”’"))
	core := strings.TrimRight(w, "\"'”’»)]")
	last, _ := utf8.DecodeLastRuneInString(core)
	switch {
	case abbreviations[strings.ToLower(core)]:
		if strings.ToLower(core) == "etc." {
			info.terminal = 0.5
		}
	case last == '.' || last == '!' || last == '?' || last == '…':
		info.terminal = 1
		if isInitial(core) {
			info.terminal = 0
		}
	}
	if strings.ToLower(core) == "etc." {
		info.terminal = 0.5
	}
	info.badEnd = info.connector || last == ',' || last == ';' || (last == '-' && len(core) > 1) || last == '/'
	info.innerPunct = last == ',' || last == ';' || info.terminal > 0 || last == '.'
	info.startShape = wordShape(w)
	info.titleWord = info.startShape != shapeLower || smallTitleWords[lower]
	return info
}

// englishSuffixes mark ordinary English words. A cell that starts with a
// lower-case word is usually a product name ("dbt", "pytest"); a lower-case
// ordinary word at a cut is more likely the middle of a sentence.
var englishSuffixes = []string{"ly", "al", "ous", "ive", "ing", "tion", "sion", "ment", "ness", "ity", "ed",
	"es", "s", "er", "est", "ful", "less", "able", "ible", "ance", "ence", "ic", "ary", "ory", "ize", "ise", "ure"}

func hasEnglishSuffix(w string) bool {
	if len(w) < 4 {
		return false
	}
	for _, suf := range englishSuffixes {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// isInitial reports a lone capital with a full stop ("J.").
func isInitial(w string) bool {
	r := []rune(w)
	return len(r) == 2 && unicode.IsUpper(r[0]) && r[1] == '.'
}

func wordShape(w string) shape {
	r, _ := utf8.DecodeRuneInString(w)
	switch {
	case strings.ContainsRune("\"'“‘«(", r):
		return shapeQuote
	case unicode.IsDigit(r) || unicode.Is(unicode.Sc, r) || r == '#' || r == '+' || r == '~' || r == '<' || r == '>' || r == '≈':
		return shapeNumeric
	case unicode.IsUpper(r) || unicode.IsTitle(r):
		upper := 0
		for _, c := range w {
			if unicode.IsUpper(c) {
				upper++
			}
		}
		if upper >= 2 {
			return shapeAcronym
		}
		return shapeUpper
	case unicode.IsLower(r):
		return shapeLower
	}
	return shapeOther
}

// rowWords splits a row at single spaces; a piece that is only other
// white space (a no-break space) stays with the word before it, so that no
// cell is ever made of white space alone.
func rowWords(row string) []string {
	var words []string
	for _, f := range strings.Split(row, " ") {
		if n := len(words); n > 0 && strings.TrimSpace(f) == "" {
			words[n-1] += " " + f
			continue
		}
		words = append(words, f)
	}
	return words
}

// rowSplit is one way to cut a row: parts[0] is the aspect.
type rowSplit struct {
	parts []string
	score float64
}

// splitter scores splits of one row's words.
type splitter struct {
	words  []wordInfo
	chars  []int // chars[i] = runes in words[:i], plus separating spaces
	sents  []float64
	n      int // cells
	priors []columnPrior
}

// splitRow returns the best split of an unseparated row into an aspect and
// n cells, and the margin by which it beat the next best.
func splitRow(row string, n int, priors []columnPrior) (best rowSplit, margin float64, ok bool) {
	top := rankSplits(row, n, priors)
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
func rankSplits(row string, n int, priors []columnPrior) []rowSplit {
	fields := rowWords(row)
	if len(fields) < n+1 || len(fields) > MaxRowWords {
		return nil
	}
	s := &splitter{n: n, priors: priors}
	s.words = make([]wordInfo, len(fields))
	s.chars = make([]int, len(fields)+1)
	s.sents = make([]float64, len(fields)+1)
	for i, f := range fields {
		s.words[i] = analyseWord(f)
		s.chars[i+1] = s.chars[i] + utf8.RuneCountInString(f) + 1
		s.sents[i+1] = s.sents[i] + s.words[i].terminal
	}
	return s.search()
}

// entry is a partial split in the dynamic programme: its score and where
// the cell ending here started (and which of the two kept entries there it
// extends).
type entry struct {
	score float64
	start int
	rank  int
}

// top2 keeps the two best entries of a state.
type top2 struct {
	e [2]entry
	n int
}

func (t *top2) add(e entry) {
	switch {
	case t.n < 2:
		t.e[t.n] = e
		t.n++
		if t.n == 2 && t.e[1].score > t.e[0].score {
			t.e[0], t.e[1] = t.e[1], t.e[0]
		}
	case e.score > t.e[0].score:
		t.e[1], t.e[0] = t.e[0], e
	case e.score > t.e[1].score:
		t.e[1] = e
	}
}

// search finds the two best splits by dynamic programming over the cut
// positions. Each part's score depends only on its own words and the cut
// before it; the balance terms use the row's averages.
func (s *splitter) search() []rowSplit {
	W := len(s.words)
	maxAspect := min(4, W-s.n)
	var results []rowSplit
	for k := 1; k <= maxAspect; k++ {
		meanChars := float64(s.chars[W]-s.chars[k]) / float64(s.n)
		meanSents := (s.sents[W-1] - s.sents[k] + 1) / float64(s.n)
		// layers[j][p] holds the best ways to cover words[k:p] with j cells.
		layers := make([][]top2, s.n+1)
		for j := range layers {
			layers[j] = make([]top2, W+1)
		}
		layers[0][k].add(entry{score: s.aspectScore(k), start: -1})
		for j := 0; j < s.n; j++ {
			lastCell := j == s.n-1
			for start := k; start < W; start++ {
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
					cell := cut + s.cellScore(start, end, j+1, meanChars, meanSents)
					for r := 0; r < from.n; r++ {
						layers[j+1][end].add(entry{score: from.e[r].score + cell, start: start, rank: r})
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
	}
	sort.SliceStable(results, func(a, b int) bool { return results[a].score > results[b].score })
	if len(results) > 2 {
		results = results[:2]
	}
	return results
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

// aspectScore scores words[:k] as the aspect.
func (s *splitter) aspectScore(k int) float64 {
	score := 0.0
	for i := 0; i < k; i++ {
		w := s.words[i]
		if !w.titleWord {
			score -= 3
		}
		if w.innerPunct && w.text[len(w.text)-1] != ':' {
			score -= 4
		}
		if w.startShape == shapeAcronym {
			score -= 0.2
		}
		switch {
		case i == 1:
			score += 0.5 // two-word aspects are the most common
		case i > 1:
			score += 0.2
		}
	}
	if first := s.words[0]; smallTitleWords[strings.ToLower(first.text)] {
		score -= 2
	}
	last := s.words[k-1]
	if last.connector {
		score -= 4
	}
	if last.titleWord && (last.head || (k > 1 && last.participle)) {
		score += 1
	}
	return score
}

// aspectCutScore scores the cut between the aspect and the first cell. A
// cell that starts with an aspect noun right after a Title Case word
// ("Concurrency | Model asyncio") more likely cut the aspect short.
func (s *splitter) aspectCutScore(start int) float64 {
	score := s.startScore(start, 1)
	if w := s.words[start]; w.head && w.startShape == shapeUpper && s.words[start-1].titleWord {
		score--
	}
	return score
}

// cutScore scores starting a new cell at word start, closing column col.
func (s *splitter) cutScore(start, col int) float64 {
	prev := s.words[start-1]
	score := 0.0
	switch {
	case prev.badEnd:
		score -= 4
	case prev.terminal > 0:
		score += 3 * prev.terminal
	}
	if p := s.prior(col); p.weight > 0 {
		// A column whose cells end with a full stop makes a cut without
		// one unlikely, and the other way round.
		score += p.weight * (2*p.endsSentence - 1) * (2*prev.terminal - 1) * 1.5
	}
	return score + s.startScore(start, col+1)
}

// startScore scores words[start] as the first word of the cell in column col.
func (s *splitter) startScore(start, col int) float64 {
	w := s.words[start]
	score := 0.0
	switch {
	case w.connector && w.startShape == shapeLower:
		score -= 3
	case w.startShape == shapeLower && w.englishLike:
		score -= 1.5
	case w.startShape == shapeLower:
		score -= 0.5
	case w.startShape == shapeNumeric, w.startShape == shapeQuote:
		score += 1
	default:
		score += 0.5
	}
	if p := s.prior(col); p.weight > 0 {
		upper := 0.0
		if w.startShape != shapeLower {
			upper = 1
		}
		score += p.weight * (2*p.startsUpper - 1) * (2*upper - 1) * 0.3
	}
	// Sentence case: a capitalised word followed by another capitalised
	// word suggests the first belongs to the phrase before.
	if start+1 < len(s.words) && (w.startShape == shapeUpper || w.startShape == shapeAcronym) && !w.innerPunct {
		switch s.words[start+1].startShape {
		case shapeUpper:
			score -= 1
		case shapeAcronym:
			score -= 0.6
		case shapeNumeric:
			score -= 0.4
		}
	}
	return score
}

func (s *splitter) prior(col int) columnPrior {
	if col < len(s.priors) {
		return s.priors[col]
	}
	return columnPrior{}
}

// cellScore scores words[start:end] as the cell of column col.
func (s *splitter) cellScore(start, end, col int, meanChars, meanSents float64) float64 {
	chars := float64(s.chars[end] - s.chars[start])
	inner := s.sents[end-1] - s.sents[start]
	sentences := inner + 1
	score := -0.3 * math.Abs(math.Log(chars/meanChars))
	score -= 0.8 * math.Abs(sentences-meanSents)
	if end == len(s.words) {
		// The last cell closes the row like any other cell.
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

// learnPriors summarises the confidently split rows of a table per column.
func learnPriors(splits [][]string, confident []bool, n int) []columnPrior {
	priors := make([]columnPrior, n+1)
	for col := 0; col <= n; col++ {
		var count, ends, uppers float64
		for i, parts := range splits {
			if !confident[i] || len(parts) != n+1 {
				continue
			}
			cell := parts[col]
			words := strings.Fields(cell)
			if len(words) == 0 {
				continue
			}
			count++
			ends += analyseWord(words[len(words)-1]).terminal
			if analyseWord(words[0]).startShape != shapeLower {
				uppers++
			}
		}
		if count >= 2 {
			priors[col] = columnPrior{
				weight:       count / (count + 1),
				endsSentence: ends / count,
				startsUpper:  uppers / count,
			}
		}
	}
	return priors
}
