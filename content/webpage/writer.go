package webpage

import (
	"fmt"
	"strings"
)

// maxContainers is how deep lists and quotes are nested in the Markdown;
// deeper ones are written at this depth. It matches the loader's limit
// (content.MaxNesting), so a page never yields Markdown it refuses.
const maxContainers = 32

// MaxMarkdownBytes is the most Markdown one page may produce; a page that
// would produce more (by repeating wide cells, say) is refused.
const MaxMarkdownBytes = 8 << 20

// mdWriter collects Markdown lines with the file line each came from.
type mdWriter struct {
	lines     []string
	src       []int
	frames    []frame
	needBlank bool // a blank line goes before the next block
	size      int
	tooLarge  bool
}

// frame is an open list item or quote: the prefix of its first line and of
// the lines after it.
type frame struct {
	first, rest string
	used        bool
}

// push opens a container; it returns false when the nesting limit is
// reached and the content goes in the current container instead.
func (w *mdWriter) push(first, rest string) bool {
	if len(w.frames) >= maxContainers {
		return false
	}
	w.frames = append(w.frames, frame{first: first, rest: rest})
	return true
}

func (w *mdWriter) pop() {
	w.frames = w.frames[:len(w.frames)-1]
}

// opened reports whether the innermost container has written a line.
func (w *mdWriter) opened() bool {
	return len(w.frames) == 0 || w.frames[len(w.frames)-1].used
}

// block starts a block: a blank line separates it from the one before,
// except at the start of a container.
func (w *mdWriter) block() {
	if w.needBlank && len(w.lines) > 0 && w.allUsed() {
		w.write("", 0)
	}
	w.needBlank = false
}

// endBlock marks the end of a block.
func (w *mdWriter) endBlock() { w.needBlank = true }

func (w *mdWriter) allUsed() bool {
	for _, f := range w.frames {
		if !f.used {
			return false
		}
	}
	return true
}

// line writes one line of a block (s may hold several, split at "\n").
func (w *mdWriter) line(s string, src int) {
	for {
		i := strings.IndexByte(s, '\n')
		if i < 0 {
			w.write(s, src)
			return
		}
		w.write(s[:i], src)
		s = s[i+1:]
	}
}

// write adds one line with the prefixes of the open containers.
func (w *mdWriter) write(s string, src int) {
	var b strings.Builder
	for i := range w.frames {
		f := &w.frames[i]
		if !f.used && s != "" {
			b.WriteString(f.first)
			f.used = true
		} else {
			b.WriteString(f.rest)
		}
	}
	b.WriteString(s)
	out := b.String()
	if s == "" {
		out = strings.TrimRight(out, " ")
	}
	w.size += len(out) + 1
	if w.size > MaxMarkdownBytes {
		w.tooLarge = true
		return
	}
	w.lines = append(w.lines, out)
	w.src = append(w.src, src)
}

func (w *mdWriter) err() error {
	if w.tooLarge {
		return &Error{Msg: fmt.Sprintf("the article's text would be longer than %d MiB of Markdown; triptych reads shorter pages", MaxMarkdownBytes>>20)}
	}
	return nil
}
