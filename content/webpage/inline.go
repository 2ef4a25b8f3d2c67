package webpage

import (
	"strings"
)

// style is the emphasis of a run of text.
type style uint8

const (
	bold style = 1 << iota
	italic
	code
)

type runKind uint8

const (
	textRun  runKind = iota
	breakRun         // a line break inside a block
	imageRun
)

// run is a piece of inline content with one style and one link target.
type run struct {
	kind  runKind
	text  string // the text, or an image's alt text
	style style
	href  string // link target (http or https), "" for none
	src   string // image source
}

// inlineText collects a block's inline content, folding white space the
// way a browser shows it.
type inlineText struct {
	runs    []run
	pending bool            // white space seen since the last character
	tail    strings.Builder // text still to add to the last run (appending to a string each time would copy it)
}

// addText appends text, folding runs of white space into one space and
// dropping it at the start of a line.
func (t *inlineText) addText(s string, st style, href string) {
	s = normalizeChars(s)
	k := len(t.runs)
	same := k > 0 && t.runs[k-1].kind == textRun && t.runs[k-1].style == st && t.runs[k-1].href == href
	started := false
	for _, r := range s {
		if r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' {
			t.pending = true
			continue
		}
		if !started && !same {
			t.flush()
			t.runs = append(t.runs, run{kind: textRun, style: st, href: href})
			same = true
		}
		if t.pending && !t.atLineStart() {
			t.tail.WriteByte(' ')
		}
		started = true
		t.pending = false
		t.tail.WriteRune(r)
	}
}

// flush moves the collected tail into the last run.
func (t *inlineText) flush() {
	if t.tail.Len() > 0 {
		t.runs[len(t.runs)-1].text += t.tail.String()
		t.tail.Reset()
	}
}

// atLineStart reports whether nothing has been written since the start of
// the block or the last line break.
func (t *inlineText) atLineStart() bool {
	k := len(t.runs)
	return k == 0 || t.runs[k-1].kind == breakRun || t.runs[k-1].kind == textRun && t.runs[k-1].text == "" && t.tail.Len() == 0 && (k == 1 || t.runs[k-2].kind == breakRun)
}

func (t *inlineText) addBreak() {
	t.flush()
	t.pending = false
	t.runs = append(t.runs, run{kind: breakRun})
}

func (t *inlineText) addImage(alt, src, href string) {
	if t.pending && !t.atLineStart() {
		t.flush()
		t.runs = append(t.runs, run{kind: textRun, text: " "})
	}
	t.flush()
	t.pending = false
	t.runs = append(t.runs, run{kind: imageRun, text: cleanText(alt), src: src, href: href})
}

// trimmed returns the runs without breaks at either end and with the
// breaks of a row of breaks folded into one.
func (t *inlineText) trimmed() []run {
	t.flush()
	var out []run
	for _, r := range t.runs {
		if r.kind == breakRun && (len(out) == 0 || out[len(out)-1].kind == breakRun) {
			continue
		}
		out = append(out, r)
	}
	for len(out) > 0 && out[len(out)-1].kind == breakRun {
		out = out[:len(out)-1]
	}
	return out
}

// paragraphs splits the content at blank lines (two line breaks in a row,
// which pages use to separate paragraphs).
func (t *inlineText) paragraphs() [][]run {
	t.flush()
	var paras [][]run
	var cur []run
	for i, r := range t.runs {
		if r.kind == breakRun && i+1 < len(t.runs) && t.runs[i+1].kind == breakRun {
			paras = appendRuns(paras, cur)
			cur = nil
			continue
		}
		cur = append(cur, r)
	}
	paras = appendRuns(paras, cur)
	return paras
}

func appendRuns(paras [][]run, runs []run) [][]run {
	t := inlineText{runs: runs}
	if r := t.trimmed(); len(r) > 0 {
		paras = append(paras, r)
	}
	return paras
}

// plain returns the text of runs as a reader sees it, with "\n" for a line
// break and an image's alt text.
func plain(runs []run) string {
	var b strings.Builder
	for _, r := range runs {
		if r.kind == breakRun {
			b.WriteByte('\n')
			continue
		}
		b.WriteString(r.text)
	}
	return b.String()
}

// onlyImages reports whether the runs are pictures alone.
func onlyImages(runs []run) bool {
	for _, r := range runs {
		if r.kind == textRun && strings.TrimSpace(r.text) != "" {
			return false
		}
	}
	return true
}
