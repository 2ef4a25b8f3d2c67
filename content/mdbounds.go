package content

import "strings"

// Markdown parsers, goldmark included, spend time that grows with the
// square of some inline syntax: every "[" of an unfinished link scans the
// rest of its line for a destination, "(<" scans further, and unmatched
// "_" and "*" delimiters are compared with each other across a paragraph.
// A 1 MiB file of "[a](" took two minutes. No real article has more than a
// few dozen links on a line or a few hundred emphasis marks in a
// paragraph, so boundInlineSyntax escapes what goes past these limits
// before the parser sees it: the text reads the same, the excess marks
// are shown as written instead of becoming links or emphasis, and the
// article gets a warning. The cost of parsing is then linear in the size
// of the file (see BenchmarkPathologicalMarkdown).
const (
	// MaxLinksPerLine is how many "[" may open links or images on a line.
	MaxLinksPerLine = 50
	// MaxAngleLinksPerLine is how many "](<" destinations a line may have.
	MaxAngleLinksPerLine = 16
	// MaxEmphasisPerParagraph is how many "_", "*" and "~" a paragraph
	// may hold outside code spans.
	MaxEmphasisPerParagraph = 1000
)

// boundInlineSyntax escapes link and emphasis syntax past the limits above,
// outside fenced code blocks and code spans. Lines keep their number.
func (p *mdParser) boundInlineSyntax(lines []string) []string {
	fence := ""
	emphasis := 0 // in the current paragraph
	for i, l := range lines {
		if fence != "" {
			if strings.HasPrefix(strings.TrimSpace(l), fence) {
				fence = ""
			}
			continue
		}
		if m := codeFenceStart.FindStringSubmatch(l); m != nil {
			fence = m[1][:3]
			continue
		}
		if strings.TrimSpace(l) == "" {
			emphasis = 0
			continue
		}
		if !strings.ContainsAny(l, "[_*~") {
			continue
		}
		out, changed := boundLine(l, &emphasis)
		if changed {
			lines[i] = out
			p.a.warn(i+1+p.lineOffset, "more link or emphasis marks than a paragraph can hold (%d links a line, %d emphasis marks a paragraph); the rest are shown as written",
				MaxLinksPerLine, MaxEmphasisPerParagraph)
		}
	}
	return lines
}

// boundLine escapes the marks of one line past the limits; emphasis counts
// the paragraph's emphasis marks so far. Code spans are skipped: a
// backslash would show inside them.
func boundLine(l string, emphasis *int) (string, bool) {
	var b strings.Builder
	links, angles, changed := 0, 0, false
	ticks := backtickRuns(l)
	for i := 0; i < len(l); i++ {
		c := l[i]
		switch {
		case c == '\\' && i+1 < len(l):
			b.WriteByte(c)
			b.WriteByte(l[i+1])
			i++
			continue
		case c == '`':
			if end := ticks.spanEnd(i); end > i {
				b.WriteString(l[i:end])
				i = end - 1
				continue
			}
		case c == '[':
			links++
			if links > MaxLinksPerLine {
				b.WriteByte('\\')
				changed = true
			}
		case c == '<' && i >= 2 && l[i-1] == '(' && l[i-2] == ']':
			angles++
			if angles > MaxAngleLinksPerLine {
				b.WriteByte('\\')
				changed = true
			}
		case c == '_' || c == '*' || c == '~':
			*emphasis++
			if *emphasis > MaxEmphasisPerParagraph {
				b.WriteByte('\\')
				changed = true
			}
		}
		b.WriteByte(c)
	}
	if !changed {
		return l, false
	}
	return b.String(), true
}

// tickRuns finds code spans on a line in linear time: a run of n
// backticks opens a span that the next run of exactly n backticks closes.
type tickRuns struct {
	starts []int       // start of each run, in order
	length map[int]int // run length by start
	next   map[int]int // start of the next run of the same length, by start
}

func backtickRuns(l string) tickRuns {
	t := tickRuns{length: map[int]int{}, next: map[int]int{}}
	last := map[int]int{} // latest run start by length
	for i := 0; i < len(l); {
		if l[i] != '`' {
			i++
			continue
		}
		j := i
		for j < len(l) && l[j] == '`' {
			j++
		}
		n := j - i
		if prev, ok := last[n]; ok {
			t.next[prev] = i
		}
		last[n] = i
		t.starts = append(t.starts, i)
		t.length[i] = n
		i = j
	}
	return t
}

// spanEnd returns the end of the code span opened at i, or -1.
func (t tickRuns) spanEnd(i int) int {
	n, ok := t.length[i]
	if !ok {
		return -1
	}
	closeAt, ok := t.next[i]
	if !ok {
		return -1
	}
	return closeAt + n
}
