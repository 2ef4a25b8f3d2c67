package hyphen

import (
	_ "embed"
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
)

// Regenerating needs Debian's hyphen-en-us installed (or -dic pointed at
// an unpacked copy); see gen.go.
//go:generate go run gen.go -dic /usr/share/hyphen/hyph_en_US.dic

var (
	//go:embed data/hyph-en-us.pat.txt
	enUSPatterns string
	//go:embed data/hyph-en-us.hyp.txt
	enUSExceptions string
)

// Hyphenator hyphenates words of one language.
type Hyphenator struct {
	left, right int
	trie        *trie
	// exceptions maps a word to the letter counts before each of its
	// points, as the pattern set's exception list gives them.
	exceptions map[string][]int
}

// enUS is built on first use: the build takes 2 ms or less
// (BenchmarkBuild), which runs that set no justified text should not pay.
var enUS = sync.OnceValue(func() *Hyphenator {
	h, err := newHyphenator(2, 3, enUSPatterns, enUSExceptions)
	if err != nil {
		panic("hyphen: embedded en-US data: " + err.Error())
	}
	return h
})

// Lang returns the hyphenator for a language tag ("en", "en-US"; "" means
// en-US), or false when triptych has no patterns for it. Tags are matched
// without regard to case, with '_' read as '-'. Other English regions
// ("en-GB") get false rather than the US patterns: British hyphenation
// follows other rules (US "pro-gress" against GB "prog-ress"), and the
// caller is better placed to decide whether US points are close enough.
func Lang(tag string) (*Hyphenator, bool) {
	if !isEnUS(tag) {
		return nil, false
	}
	return enUS(), true
}

func isEnUS(tag string) bool {
	tag = strings.ToLower(strings.ReplaceAll(strings.TrimSpace(tag), "_", "-"))
	if tag == "" {
		return true
	}
	parts := strings.Split(tag, "-")
	if parts[0] != "en" {
		return false
	}
	for _, p := range parts[1:] {
		if len(p) == 1 {
			break // an extension or private use ("-u-…", "-x-…"): no region follows
		}
		isRegion := len(p) == 2 || len(p) == 3 && p[0] >= '0' && p[0] <= '9'
		if isRegion && p != "us" {
			return false
		}
	}
	return true
}

func newHyphenator(left, right int, patterns, exceptions string) (*Hyphenator, error) {
	t, err := newTrie(patterns)
	if err != nil {
		return nil, err
	}
	h := &Hyphenator{left: left, right: right, trie: t, exceptions: map[string][]int{}}
	// All the points share one array, sized up front.
	all := make([]int, 0, strings.Count(exceptions, "-"))
	err = fields(exceptions, func(line int, f string) error {
		word := strings.ReplaceAll(f, "-", "")
		if _, dup := h.exceptions[word]; dup {
			return fmt.Errorf("line %d: exception %q listed twice", line, f)
		}
		first, n := len(all), 0
		for _, r := range f {
			if r == '-' {
				all = append(all, n)
				continue
			}
			n++
		}
		h.exceptions[word] = all[first:len(all):len(all)]
		return nil
	})
	return h, err
}

// LeftMin is the fewest letters Points leaves before a hyphen.
func (h *Hyphenator) LeftMin() int { return h.left }

// RightMin is the fewest letters Points leaves after a hyphen.
func (h *Hyphenator) RightMin() int { return h.right }

// Points returns the byte offsets in word where a hyphen may be inserted,
// respecting LeftMin (2) and RightMin (3) as en-US TeX does, and the
// exception list of the pattern set. At offset i the word splits into
// word[:i] + "-" and word[i:]. Offsets are in increasing order and always
// fall between two letters; nil means no point (see [Hyphenatable] for the
// words never hyphenated, and letters the patterns do not cover also give
// nil). Letters between apostrophes are hyphenated as words of their own,
// so no point is ever next to an apostrophe.
func (h *Hyphenator) Points(word string) []int {
	// Gathered on the stack and copied once, so a word costs at most one
	// allocation of exactly its size.
	var buf [16]int
	points := h.AppendPoints(buf[:0], word)
	if len(points) == 0 {
		return nil
	}
	return slices.Clone(points)
}

// AppendPoints appends the points Points would return to dst and returns
// the extended slice: a line breaker that reuses dst hyphenates without
// allocating.
func (h *Hyphenator) AppendPoints(dst []int, word string) []int {
	start, end, ok := letters(word)
	// Bytes bound letters from above: a quick out for short words.
	if !ok || end-start < h.left+h.right {
		return dst
	}
	n0 := len(dst)
	seg := start
	for i := start; i < end; {
		r, size := utf8.DecodeRuneInString(word[i:])
		if isApostrophe(r) {
			if dst, ok = h.segment(word, seg, i, dst); !ok {
				return dst[:n0]
			}
			seg = i + size
		}
		i += size
	}
	if dst, ok = h.segment(word, seg, end, dst); !ok {
		return dst[:n0]
	}
	return dst
}

// stackLetters bounds the words hyphenated without allocating buffers;
// longer ones work too, on the heap.
const stackLetters = 48

// segment appends the points of the letters word[a:b] to points, or
// reports false (and returns points unchanged) when a letter is outside
// the patterns' alphabet.
func (h *Hyphenator) segment(word string, a, b int, points []int) ([]int, bool) {
	var symBuf [stackLetters + 2]uint8
	var offBuf [stackLetters]int
	syms, offs := append(symBuf[:0], edge), offBuf[:0]
	for i, r := range word[a:b] {
		s, ok := h.trie.symbol(r)
		if !ok || s == edge {
			return points, false
		}
		syms = append(syms, s)
		offs = append(offs, a+i)
	}
	syms = append(syms, edge)
	n := len(offs)
	if n < h.left+h.right {
		return points, true
	}
	if exc, ok := h.exceptions[word[a:b]]; ok {
		for _, k := range exc {
			if k >= h.left && n-k >= h.right {
				points = append(points, offs[k])
			}
		}
		return points, true
	}
	var valBuf [stackLetters + 3]uint8
	vals := valBuf[:]
	if len(syms)+1 > len(vals) {
		vals = make([]uint8, len(syms)+1)
	}
	vals = vals[:len(syms)+1]
	h.trie.match(syms, vals)
	// vals[k+1] is the gap before letter k (syms[0] is the edge).
	for k := h.left; k <= n-h.right; k++ {
		if vals[k+1]%2 == 1 {
			points = append(points, offs[k])
		}
	}
	return points, true
}
