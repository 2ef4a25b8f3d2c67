package content

import (
	"regexp"
	"strings"
)

// Takeaways are the "Pick X if…" lines of a comparison: one sentence per
// subject, in the subjects' order, always the article's own words.
//
// They come from front matter ("takeaways:", a map from subject to text),
// or are found in the article's conclusion: a section whose heading says
// it chooses ("Choosing…", "Which should you pick", "Verdict", "Bottom
// line", "Conclusion") holds, for every subject, a sentence that names
// that subject and no other, with a word of choice (choose, pick, go with,
// ideal, better suited, best for, opt for). When one subject has no such
// sentence there are no takeaways: a card for some subjects only would
// tip the comparison.
type Takeaway struct {
	Subject string
	Text    string
	Line    int
}

var (
	conclusionHeading = lazyCompile(`(?i)\b(choos|which\b.*\b(pick|choose|should|buy|use|go)|verdict|bottom line|conclusion|final (thoughts|word)|our pick|when to pick|recommendation)`)
	choiceWords       = lazyCompile(`(?i)\b(choose|choosing|pick|go with|ideal|better suited|better fit|best for|best suited|opt for|suits|is the better|is the right|the way to go|aligns better|better choice|right choice|best choice|better option|good fit|recommend|stay with|switch to|go for|buy the|get the)\b`)
	sentenceEnd       = lazyCompile(`[.!?](\s+|$)`)
)

// findTakeaways looks for takeaways in the conclusion sections.
func findTakeaways(a *Article) []Takeaway {
	subjects := a.Table.Subjects
	if len(subjects) < 2 {
		return nil
	}
	names := subjectNames(a)
	takes := make([]Takeaway, len(subjects))
	for _, s := range a.Sections {
		if !conclusionHeading.MatchString(s.Heading) {
			continue
		}
		for _, p := range s.Paragraphs {
			if p.Table != nil {
				continue
			}
			var texts []string
			if p.List != nil {
				for _, item := range p.List.Items {
					for _, b := range item.Blocks {
						if b.List == nil && b.Table == nil {
							texts = append(texts, b.Text())
						}
					}
				}
			} else {
				texts = []string{p.Text()}
			}
			for _, sentence := range sentencesOf(texts) {
				if !choiceWords.MatchString(sentence) {
					continue
				}
				named := -1
				for i := range subjects {
					if mentionsAny(sentence, names[i]) {
						if named >= 0 {
							named = -2 // names two subjects: a comparison, not a takeaway
							break
						}
						named = i
					}
				}
				if named >= 0 && takes[named].Text == "" {
					takes[named] = Takeaway{Subject: subjects[named], Text: sentence, Line: p.Line}
				}
			}
		}
	}
	for _, t := range takes {
		if t.Text == "" {
			return nil
		}
	}
	return takes
}

// subjectNames lists the names a sentence may call each subject by: its
// full name, and its first word when that word is no other subject's and
// never appears in the article in lower case (so "N26" stands for "N26
// Standard", but "Software" never for "Software Engineer").
func subjectNames(a *Article) [][]string {
	text := ParagraphsText(a.Lead)
	for _, s := range a.Sections {
		text += " " + ParagraphsText(s.Paragraphs)
	}
	first := map[string]int{}
	for _, subj := range a.Table.Subjects {
		if f := strings.Fields(subj); len(f) > 1 {
			first[strings.ToLower(f[0])]++
		}
	}
	out := make([][]string, len(a.Table.Subjects))
	for i, subj := range a.Table.Subjects {
		out[i] = []string{subj}
		f := strings.Fields(subj)
		if len(f) > 1 && first[strings.ToLower(f[0])] == 1 && len([]rune(f[0])) > 1 && !hasLowerWord(text, strings.ToLower(f[0])) {
			out[i] = append(out[i], f[0])
		}
	}
	return out
}

func mentionsAny(sentence string, names []string) bool {
	for _, n := range names {
		if mentions(sentence, n) {
			return true
		}
	}
	return false
}

// mentions reports whether a sentence names a subject (as a whole word,
// case-insensitively, also in the plural or possessive).
func mentions(sentence, subject string) bool {
	re, err := regexp.Compile(`(?i)(^|[^\pL\pN])` + regexp.QuoteMeta(strings.TrimSpace(subject)) + `(s|es|'s|’s)?([^\pL\pN]|$)`)
	return err == nil && re.MatchString(sentence)
}

// sentencesOf splits texts at sentence ends.
func sentencesOf(texts []string) []string {
	var out []string
	for _, t := range texts {
		out = append(out, sentences(t)...)
	}
	return out
}

// sentences splits text at sentence ends.
func sentences(text string) []string {
	var out []string
	for _, loc := range splitKeep(text) {
		if s := strings.TrimSpace(loc); s != "" {
			out = append(out, s)
		}
	}
	return out
}

func splitKeep(text string) []string {
	var out []string
	last := 0
	for _, m := range sentenceEnd.FindAllStringIndex(text, -1) {
		out = append(out, text[last:m[0]+1])
		last = m[1]
	}
	if last < len(text) {
		out = append(out, text[last:])
	}
	return out
}

// resolveTakeaways orders the front matter's takeaways by subject, or finds
// them in the conclusion when the front matter gives none.
func resolveTakeaways(a *Article) {
	if len(a.Takeaways) == 0 {
		a.Takeaways = findTakeaways(a)
		return
	}
	given := a.Takeaways
	line := given[0].Line
	a.Takeaways = nil
	var missing []string
	for _, subj := range a.Table.Subjects {
		var text string
		for _, t := range given {
			if strings.EqualFold(strings.TrimSpace(t.Subject), subj) {
				text = t.Text
			}
		}
		if text == "" {
			missing = append(missing, subj)
			continue
		}
		a.Takeaways = append(a.Takeaways, Takeaway{Subject: subj, Text: text, Line: line})
	}
	if len(missing) > 0 {
		a.warn(line, "takeaways name no line for %s; none are shown", strings.Join(missing, ", "))
		a.Takeaways = nil
	}
}

// hasLowerWord reports whether text holds word, in lower case, as a word.
func hasLowerWord(text, word string) bool {
	re, err := regexp.Compile(`(^|[^\pL\pN])` + regexp.QuoteMeta(word) + `([^\pL\pN]|$)`)
	return err == nil && re.MatchString(text)
}
