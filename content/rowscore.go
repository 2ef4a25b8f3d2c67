package content

import (
	"math"
	"sort"
	"strings"
)

// This file scores the parts of a row split (see rowsplit.go). The score
// adds up evidence at each cut and in each part:
//   - a cell usually ends a sentence ("… and debugging.") and never ends with
//     a comma or a connecting word ("and", "of"), nor with a capitalised
//     word that usually opens a cell ("… direct deposit Usually");
//   - a cell starts like the start of a sentence: a capital, an acronym, a
//     digit, a currency sign or a quote; a lower-case start is fine for a
//     name the article uses in lower case or a name in code ("npm",
//     "node_modules"), costly for an ordinary word, and a connecting word
//     or a bracket costs a lot;
//   - a cell that opens with its own subject's name ("Node 22 …" under
//     "Node 22") is likely;
//   - an aspect is a Title Case phrase of a few words without inner
//     punctuation, not ending with a connecting word (but "Best For") or a
//     word that usually opens a cell ("Interest Rate Usually"); a
//     parenthesis right after it belongs to it ("Setup Time (Small Teams)");
//   - cells of one row tend to start with the same word and end with the
//     same unit ("npm 9.6 …", "npm 10.5"; "10.3 oz", "8.7 oz");
//   - cells of one row hold similar numbers of sentences and similar
//     lengths, weakly: balance only breaks ties;
//   - a second pass adds what the confident rows of the same table say about
//     each column (do its cells end with a full stop, start with a capital).

// columnPrior is what the confident rows of a table say about one column
// (0 is the aspect column, 1 to n the cells): the share of its cells that
// end a sentence and that start with a capital. A zero weight means
// nothing is known.
type columnPrior struct {
	weight       float64
	endsSentence float64
	startsUpper  float64
	// aspectWords is, for the aspect column, the median number of words
	// of its aspects outside brackets.
	aspectWords float64
}

// aspectScore scores words[:k] as the aspect.
func (s *splitter) aspectScore(k int) float64 {
	if k == 0 {
		return 0
	}
	score := 0.0
	plain := 0 // words outside brackets
	for i := 0; i < k; i++ {
		w := s.words[i]
		inside := w.depth > 0 || strings.HasPrefix(w.text, "(")
		if !inside && !smallTitleWords[w.key] {
			plain++
		}
		switch {
		case w.titleWord:
		case s.ctx.ev.isName(w) || inside:
			score -= 0.5
		default:
			score -= 3
		}
		if w.innerPunct && !inside && w.text[len(w.text)-1] != ':' {
			score -= 4
		}
		if w.startShape == shapeAcronym {
			score -= 0.2
		}
	}
	switch {
	case plain == 2:
		score += 0.5
	case plain == 3:
		score += 0.3
	case plain > 3:
		score += 0.3 - 0.6*float64(plain-3)
	}
	if smallTitleWords[strings.ToLower(s.words[0].text)] {
		score -= 2
	}
	// A parenthesis after the aspect qualifies it ("Setup Time (Small
	// Teams)"): the aspect's last word is the last one outside it.
	lastAt := k - 1
	for lastAt > 0 && (s.words[lastAt].depth > 0 || strings.HasPrefix(s.words[lastAt].text, "(")) {
		lastAt--
	}
	last := s.words[lastAt]
	switch {
	case last.connector && last.key == "for" && lastAt > 0 && forAdjectives[s.words[lastAt-1].key]:
		score += 0.5
	case last.connector:
		score -= 4
	case last.opener && lastAt > 0:
		score -= 2.5
	case last.startShape == shapeNumeric && lastAt > 0:
		score -= 1.5 // "Video 4K | 60p …"
	}
	switch {
	case last.titleWord && lastAt > 0 && last.participle:
		score++ // "Tools Used", "Languages Supported"
	case last.titleWord && last.head:
		score += 0.7
	}
	// An aspect longer than the table's confident aspects (and than two
	// words) more likely took the first word of the cell.
	if p := s.prior(0); p.weight > 0 && float64(plain) > max(p.aspectWords, 2) {
		score -= 0.5 * p.weight * (float64(plain) - max(p.aspectWords, 2))
	}
	return score + s.phraseScore(k)
}

// phraseScore is the evidence's phraseScore of words[:k] as the aspect,
// looked up once per row: it does not depend on the priors, and each look
// up reads the article's text.
func (s *splitter) phraseScore(k int) float64 {
	if k >= len(s.phrases) {
		return s.ctx.ev.phraseScore(s.words[:k], s.words[k:])
	}
	if s.phraseKnown&(1<<k) == 0 {
		s.phrases[k] = s.ctx.ev.phraseScore(s.words[:k], s.words[k:])
		s.phraseKnown |= 1 << k
	}
	return s.phrases[k]
}

// aspectCutScore scores the cut between the aspect and the first cell. A
// cell that starts with an aspect noun right after a Title Case word
// ("Concurrency | Model asyncio") more likely cut the aspect short.
func (s *splitter) aspectCutScore(start int) float64 {
	score := s.startScore(start, 1)
	if start == 0 {
		return score
	}
	if s.together[start] {
		score--
	}
	if w := s.words[start]; w.head && w.startShape == shapeUpper && s.words[start-1].titleWord && !s.words[start-1].innerPunct &&
		!w.innerPunct && start+1 < len(s.words) && s.words[start+1].startShape == shapeLower {
		score-- // "Concurrency | Model asyncio …" cut the aspect short
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
	if s.together[start] {
		score-- // the article writes these two words together: "sudo | apt"
	}
	if cur := s.words[start]; !prev.innerPunct && (prev.startShape == shapeUpper || prev.startShape == shapeAcronym) {
		switch {
		case cur.startShape == shapeNumeric && isBareNumber(cur.text) && prev.startShape == shapeUpper:
			score -= 1.5 // a model number: "Core Ultra 7 | 155H", "Windows 11"
		case cur.startShape == shapeUpper:
			score -= 0.5 // a cut inside a run of capitals: "B/R | Sports add-on"
		}
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
	case strings.HasPrefix(w.text, "(") || strings.HasPrefix(w.text, "["):
		score -= 3
	case strings.HasPrefix(w.text, "-") && w.codeLike:
		score -= 1.5 // a command-line option follows its command: "up -d"
	case w.connector && w.startShape == shapeLower:
		score -= 3
	case w.startShape == shapeLower && s.ctx.ev.isStarter(w):
		score++
	case w.startShape == shapeLower && (s.ctx.ev.isName(w) || w.codeLike):
		score += 0.2
	case w.startShape == shapeLower && w.englishLike:
		score -= 2
	case w.startShape == shapeLower:
		score -= 0.5
	case w.startShape == shapeNumeric, w.startShape == shapeQuote:
		score++
	default:
		score += 0.5
		if w.opener || (w.terminal > 0 && w.startShape == shapeUpper) {
			score += 0.5 // "Usually …", "Limited. Snap or Flatpak …"
		}
	}
	score += s.ctx.ev.subjectScore(w, col)

	if p := s.prior(col); p.weight > 0 {
		upper := 0.0
		if w.startShape != shapeLower {
			upper = 1
		}
		score += p.weight * (2*p.startsUpper - 1) * (2*upper - 1) * 0.3
	}
	return score
}

// pairScore scores the cell words[start:end] against the cell before it,
// which started at prevStart: cells of one row often start with the same
// word and end with the same unit. Words are compared by their numbered
// keys and signatures (see prepare).
func (s *splitter) pairScore(prevStart, start, end int) float64 {
	score := 0.0
	a, b := prevStart, start
	switch {
	case s.keyID[a] != 0 && s.keyID[a] == s.keyID[b]:
		score += 1.2
	case s.sigID[a] != 0 && s.sigID[a] == s.sigID[b] && s.words[a].startShape == shapeNumeric:
		score += 0.8 // "13.6-inch …", "13.4-inch …"
	}
	if x, y := s.sigID[start-1], s.sigID[end-1]; x != 0 && x == y && end-start > 1 && start-prevStart > 1 {
		score += 0.6
	}
	if start-prevStart > 1 && end-start > 1 && s.keyID[prevStart+1] != 0 && s.keyID[prevStart+1] == s.keyID[start+1] {
		score += 0.6 // "Maintenance LTS …", "Active LTS …"
	}
	return score + s.closeScore(prevStart, start)
}

// closeScore scores the end of the cell words[start:end] (see
// closeScoreOf), looked up.
func (s *splitter) closeScore(start, end int) float64 {
	if end-start < 2 {
		return 0
	}
	return s.closing[end]
}

// closeScoreOf scores the end of the cell words[start:end]: a cell of
// several words does not end with a capitalised word that usually opens a
// cell ("… direct deposit Usually | $0 to $5").
func (s *splitter) closeScoreOf(start, end int) float64 {
	last := s.words[end-1]
	if end-start < 2 || last.terminal > 0 || last.startShape != shapeUpper {
		return 0
	}
	if last.opener {
		return -2
	}
	if before := s.words[end-2]; (before.startShape == shapeLower && !before.connector || before.opener) && !last.innerPunct {
		return -1 // "… franchise fans Prestige | TV and HBO shows"
	}
	return 0
}

func (s *splitter) prior(col int) columnPrior {
	if col < len(s.ctx.priors) {
		return s.ctx.priors[col]
	}
	return columnPrior{}
}

// cellScore scores words[start:end] as the cell of column col (which
// matters only for the last cell, the one that ends the row); meanSents
// is the mean number of sentences of a cell, and s.lengthScore holds the
// length term for the mean length (see search).
func (s *splitter) cellScore(start, end, col int, meanSents float64) float64 {
	chars := s.chars[end] - s.chars[start]
	inner := s.sents[end-1] - s.sents[start]
	sentences := inner + 1
	score := s.lengthScore[chars] // -0.3 × |log(chars / mean chars)|
	score -= 0.8 * math.Abs(sentences-meanSents)
	// A word that usually opens a sentence, capitalised in the middle of
	// a cell, is where a cell started ("(joint) None to contribute.").
	if end-start > 2 {
		score -= 4.5 * float64(s.midOpeners[end-1]-s.midOpeners[start+1])
	}
	// Cells are written in sentence case: each capital inside a cell
	// (a name) costs a little, so that Title Case words go to the aspect.
	if end-start > 1 {
		score -= 0.3 * float64(s.midCaps[end]-s.midCaps[start+1])
	}
	if end-start > 1 {
		o := s.opening[start]
		if o.stutter {
			score -= 1.5 // a cell does not stutter: "npm npm 9.6"
		}
		if o.answer {
			score -= 1.5 // an answer stands alone or takes a comma: "Yes | $20.99", "Yes, with …"
		}
		// Sentence case: a capitalised word followed by another
		// capitalised word suggests the first belongs to the phrase
		// before (0.8, or 0.5 before an acronym).
		if o.caps != 0 {
			score -= o.caps
		}
	}
	if end == len(s.words) {
		score += s.closeScore(start, end)
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
		var lengths []int
		for i, parts := range splits {
			if !confident[i] || len(parts) != n+1 {
				continue
			}
			words := strings.Fields(parts[col])
			if len(words) == 0 {
				continue
			}
			count++
			lengths = append(lengths, plainWords(words))
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
			if col == 0 {
				sort.Ints(lengths)
				priors[col].aspectWords = float64(lengths[len(lengths)/2])
			}
		}
	}
	return priors
}

// plainWords counts the words outside brackets.
func plainWords(words []string) int {
	n, depth := 0, 0
	for _, w := range words {
		if depth == 0 && !strings.HasPrefix(w, "(") {
			n++
		}
		depth += strings.Count(w, "(") - strings.Count(w, ")")
		depth = max(depth, 0)
	}
	return n
}

// isBareNumber reports a short integer without a unit ("7", "11"), which
// after a capitalised word is part of a name.
func isBareNumber(w string) bool {
	return len(w) <= 2 && isNumber(w)
}
