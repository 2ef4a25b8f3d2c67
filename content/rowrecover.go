package content

import (
	"math"
	"slices"
	"strings"
	"unicode"
)

// recoverColumns splits the rows that lost their separators: a first pass
// on each row alone, then a second pass with what the confident rows say
// about each column. A row whose best split does not beat the next best
// by ambiguityMargin keeps the best, gets a warning and carries both
// splits in Row.Alternatives; a split the user chose in the sidecar file
// (see splits.go) replaces the guess.
func (p *textParser) recoverColumns(rows []int, index bool) error {
	if len(rows) == 0 {
		return nil
	}
	t := &p.a.Table
	ctx := &splitContext{n: len(t.Subjects), aspect: !index, ev: p.evidence()}
	texts := make([]string, len(rows))
	splits := make([][]string, len(rows))
	confident := make([]bool, len(rows))
	first := make([][]rowSplit, len(rows))
	// Each row's words are analysed once, for both passes: only the
	// priors change between them.
	splitters := make([]*splitter, len(rows))
	for i, r := range rows {
		texts[i] = t.Rows[r].Aspect
		if index {
			texts[i] = stripSerial(texts[i])
		}
		if words := len(rowWords(texts[i])); words > MaxRowWords {
			return kindErrorf(ErrTooLarge, p.a.Source, t.Rows[r].Line, "table row has %d words, more than the %d that can be split; separate its columns with tabs or \" | \"", words, MaxRowWords)
		}
		var top []rowSplit
		if splitters[i] = newSplitter(texts[i], ctx); splitters[i] != nil {
			top = splitters[i].rank()
		}
		if len(top) == 0 {
			return errorf(p.a.Source, t.Rows[r].Line, "table row has too few words for an aspect and %d cells", ctx.n)
		}
		splits[i], confident[i], first[i] = top[0].parts, margin(top) >= ambiguityMargin, top
	}
	ctx.priors = learnPriors(splits, confident, ctx.n)
	learned := false
	for _, p := range ctx.priors {
		learned = learned || p.weight > 0
	}
	for i, r := range rows {
		top := first[i]
		if learned {
			top = splitters[i].rank()
		}
		row := &t.Rows[r]
		row.Aspect, row.Cells = top[0].parts[0], top[0].parts[1:]
		if chosen, ok := p.override(row.Line, texts[i], len(top[0].parts)); ok {
			row.Aspect, row.Cells = chosen[0], chosen[1:]
			continue
		}
		if margin(top) < ambiguityMargin {
			for _, s := range top {
				row.Alternatives = append(row.Alternatives, s.parts)
			}
			p.a.warn(row.Line, "ambiguous table row, check the split")
		}
	}
	return nil
}

// margin is how far the best split beats the next best.
func margin(top []rowSplit) float64 {
	if len(top) < 2 {
		return math.Inf(1)
	}
	return top[0].score - top[1].score
}

// stripSerial removes the serial number that opens a row of an
// index-numbered table ("1. Released in 2021." → "Released in 2021.").
func stripSerial(row string) string {
	words := rowWords(row)
	if len(words) > 1 && serialPattern.MatchString(words[0]) {
		return row[len(words[0])+1:]
	}
	return row
}

// evidence is what the whole article says about the words of its table:
// the subjects' names, the lower-case words it uses as names (a sentence
// that starts "pip and conda …" shows that "pip" is a name), and its
// running text, where aspects often recur.
type evidence struct {
	subjectKeys []string // the first word of each subject, as a key
	names       map[string]bool
	// starters are lower-case words that open sentences or list items
	// of the article: names ("pip and conda …", "• sudo apt update …").
	starters map[string]bool
	// text is the text outside the table, normalised by phraseKey, as
	// word numbers (noWord where a line without words breaks it); vocab
	// numbers its words, and at[pair] lists where each pair of
	// consecutive words stands in text, so that finding a phrase reads
	// only where its rarest pair stands (phraseScore).
	text  []int32
	vocab map[string]int32
	at    map[uint64][]int32
	// pairs are the pairs of consecutive words of each line of that
	// text: a cut between two words the article writes together is
	// unlikely.
	pairs map[string]bool
}

// noWord stands in evidence.text for a line without words.
const noWord = -1

// wordPair keys evidence.at.
func wordPair(a, b int32) uint64 { return uint64(uint32(a))<<32 | uint64(uint32(b)) }

func (p *textParser) evidence() *evidence {
	ev := &evidence{names: map[string]bool{}, starters: map[string]bool{}, pairs: map[string]bool{},
		vocab: map[string]int32{}, at: map[uint64][]int32{}}
	for _, s := range p.a.Table.Subjects {
		words := strings.Fields(s)
		if len(words) == 0 {
			continue
		}
		ev.subjectKeys = append(ev.subjectKeys, analyseWord(words[0]).key)
		for _, w := range words {
			ev.names[analyseWord(w).key] = true
		}
	}
	inTable := false
	for i, l := range p.lines {
		if l.num == p.a.Table.Line {
			inTable = true
		}
		if l.text == "" {
			inTable = false
			continue
		}
		if inTable || p.drop[i] != "" {
			continue
		}
		words := strings.Fields(phraseKey(l.text))
		for j := 1; j < len(words); j++ {
			ev.pairs[words[j-1]+" "+words[j]] = true
		}
		if len(words) == 0 {
			ev.text = append(ev.text, noWord)
		}
		for _, w := range words {
			id, ok := ev.vocab[w]
			if !ok {
				id = int32(len(ev.vocab))
				ev.vocab[w] = id
			}
			if n := len(ev.text); n > 0 && ev.text[n-1] != noWord {
				k := wordPair(ev.text[n-1], id)
				ev.at[k] = append(ev.at[k], int32(n-1))
			}
			ev.text = append(ev.text, id)
		}
		p.noteNames(ev, l.text)
	}
	return ev
}

// noteNames records the lower-case words that start a sentence of text:
// a writer starts a sentence in lower case only with a name.
func (p *textParser) noteNames(ev *evidence, text string) {
	if m := listLinePattern.FindStringSubmatch(text); m != nil {
		text = m[3]
	}
	words := strings.Fields(text)
	for i, w := range words {
		if i > 0 && wordTerminal(words[i-1]) == 0 {
			continue
		}
		if info := analyseWord(w); info.startShape == shapeLower && !info.connector {
			ev.starters[info.key] = true
		}
	}
}

// phraseKey lower-cases text and keeps only letters and digits, one space
// between words, so that phrases compare whatever their punctuation.
func phraseKey(s string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}), " ")
}

// together reports two words, given by their phrase keys, that the
// article's text writes side by side ("sudo apt").
func (ev *evidence) together(x, y string) bool {
	return ev != nil && x != "" && y != "" && !strings.Contains(x, " ") && !strings.Contains(y, " ") && ev.pairs[x+" "+y]
}

// isStarter reports a lower-case word that opens sentences of the article.
func (ev *evidence) isStarter(w wordInfo) bool { return ev != nil && ev.starters[w.key] }

// isName reports a lower-case word the article uses as a name.
func (ev *evidence) isName(w wordInfo) bool {
	return ev != nil && (ev.names[w.key] || ev.starters[w.key])
}

// subjectScore scores a cell of column col opening with a subject's name:
// its own subject's ("Node 22 …" under "Node 22") is likely.
func (ev *evidence) subjectScore(w wordInfo, col int) float64 {
	if ev == nil || w.key == "" {
		return 0
	}
	for i, k := range ev.subjectKeys {
		if k == w.key {
			if i == col-1 {
				return 1.5
			}
			return 0.3
		}
	}
	return 0
}

// phraseScore rewards an aspect of two words or more that the article's
// running text also uses as a phrase.
func (ev *evidence) phraseScore(aspect, rest []wordInfo) float64 {
	if ev == nil || len(aspect) < 2 {
		return 0
	}
	texts := make([]string, len(aspect))
	for i, w := range aspect {
		texts[i] = w.text
	}
	if !ev.hasPhrase(phraseKey(strings.Join(texts, " "))) {
		return 0
	}
	return 0.5
}

// hasPhrase reports whether the text has the words of key, a phraseKey,
// one after the other. Reading the whole text for each aspect tried would
// cost more than splitting the rows of a long article: only the places of
// the phrase's rarest pair of words are read.
func (ev *evidence) hasPhrase(key string) bool {
	if key == "" {
		return false
	}
	words := strings.Split(key, " ")
	ids := make([]int32, len(words))
	for i, w := range words {
		id, ok := ev.vocab[w]
		if !ok {
			return false
		}
		ids[i] = id
	}
	if len(ids) == 1 {
		return true
	}
	rarest, places := 0, ev.at[wordPair(ids[0], ids[1])]
	for i := 1; i+1 < len(ids) && len(places) > 0; i++ {
		if p := ev.at[wordPair(ids[i], ids[i+1])]; len(p) < len(places) {
			rarest, places = i, p
		}
	}
	for _, at := range places {
		first := int(at) - rarest
		if first < 0 || first+len(ids) > len(ev.text) {
			continue
		}
		if slices.Equal(ev.text[first:first+len(ids)], ids) {
			return true
		}
	}
	return false
}
