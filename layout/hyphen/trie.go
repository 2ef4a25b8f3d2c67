package hyphen

import (
	"bytes"
	"fmt"
	"math/bits"
	"slices"
)

// trie holds a Liang pattern table packed for matching: each node keeps a
// bit set of the symbols it has children for, and its children sit
// side by side in nodes from base on, so a step is one mask test and one
// popcount instead of a map look-up or a scan of edges.
type trie struct {
	nodes []node
	vals  []uint8 // for a pattern of length L ending at a node: L+1 gap values from node.val on

	// Symbols number the pattern alphabet in code-point order, '.' (the
	// word edge) first, so that children sorted by text are sorted by
	// symbol too; ascii maps a byte to its symbol+1 (0: not in the
	// alphabet) and other holds any non-ASCII letters.
	ascii [128]uint8
	other map[rune]uint8
}

type node struct {
	mask uint64 // bit s set: a child for symbol s
	base int32  // index of the first child in trie.nodes
	val  int32  // index into trie.vals, or -1 when no pattern ends here
}

// maxSymbols is what a 64-bit child mask can tell apart.
const maxSymbols = 64

// edge is the symbol of the word boundary in patterns (".ach4").
const edge = 0

// fields calls f with each pattern of TeX pattern syntax in data: fields
// separated by white space, '%' starting a comment that runs to the end of
// the line. It scans by hand because splitting would allocate per line.
func fields(data string, f func(line int, field string) error) error {
	line := 1
	for i := 0; i < len(data); {
		switch c := data[i]; {
		case c == '\n':
			line++
			i++
		case separator(c) && c != '%':
			i++
		case c == '%':
			for i < len(data) && data[i] != '\n' {
				i++
			}
		default:
			j := i
			for j < len(data) && !separator(data[j]) {
				j++
			}
			if err := f(line, data[i:j]); err != nil {
				return err
			}
			i = j
		}
	}
	return nil
}

func separator(c byte) bool {
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '%'
}

// newTrie packs the patterns in data. Patterns are read as runes, so an
// alphabet beyond ASCII (other languages' patterns) works the same way.
// Everything goes into a few shared slices: building the en-US table once
// should cost a process a couple of milliseconds, not thousands of
// allocations.
func newTrie(data string) (*trie, error) {
	t := &trie{other: map[rune]uint8{}}

	// The alphabet first, so symbols can follow code-point order.
	var seenASCII [128]bool
	seen := map[rune]bool{}
	alphabet := []rune{'.'}
	fields(data, func(_ int, f string) error {
		for _, r := range f {
			switch {
			case r >= '0' && r <= '9' || r == '.':
			case r < 128:
				if !seenASCII[r] {
					seenASCII[r] = true
					alphabet = append(alphabet, r)
				}
			case !seen[r]:
				seen[r] = true
				alphabet = append(alphabet, r)
			}
		}
		return nil
	})
	slices.Sort(alphabet[1:])
	if len(alphabet) > maxSymbols {
		return nil, fmt.Errorf("%d symbols in the patterns, at most %d supported", len(alphabet), maxSymbols)
	}
	for s, r := range alphabet {
		if r < 128 {
			t.ascii[r] = uint8(s) + 1
		} else {
			t.other[r] = uint8(s)
		}
	}

	// Patterns as symbol strings in one pool and their gap values in
	// another, sorted so each node's children are consecutive runs.
	type entry struct{ sym, val, n int32 }
	var entries []entry
	var syms, vals []uint8
	err := fields(data, func(line int, f string) error {
		e := entry{sym: int32(len(syms)), val: int32(len(vals))}
		vals = append(vals, 0)
		for _, r := range f {
			if r >= '0' && r <= '9' {
				vals[len(vals)-1] = uint8(r - '0')
				continue
			}
			s, _ := t.symbol(r)
			syms = append(syms, s)
			vals = append(vals, 0)
			e.n++
		}
		if e.n == 0 {
			return fmt.Errorf("line %d: pattern %q has no letters", line, f)
		}
		entries = append(entries, e)
		return nil
	})
	if err != nil {
		return nil, err
	}
	key := func(e entry) []uint8 { return syms[e.sym : e.sym+e.n] }
	slices.SortFunc(entries, func(a, b entry) int { return bytes.Compare(key(a), key(b)) })
	for i := 1; i < len(entries); i++ {
		if bytes.Equal(key(entries[i]), key(entries[i-1])) {
			return nil, fmt.Errorf("pattern repeated: %v", key(entries[i]))
		}
	}

	t.vals = make([]uint8, 0, len(vals))
	t.nodes = append(make([]node, 0, len(syms)+1), node{val: -1})
	// fill makes node n the parent of the entries, which share their first
	// depth symbols; the shortest, if it ends at n, comes first. Children
	// are laid out side by side before any of them is filled.
	var fill func(n int32, es []entry, depth int32)
	fill = func(n int32, es []entry, depth int32) {
		if len(es) > 0 && es[0].n == depth {
			t.nodes[n].val = int32(len(t.vals))
			t.vals = append(t.vals, vals[es[0].val:es[0].val+depth+1]...)
			es = es[1:]
		}
		if len(es) == 0 {
			return
		}
		base := int32(len(t.nodes))
		t.nodes[n].base = base
		sym := func(e entry) uint8 { return syms[e.sym+depth] }
		for i := 0; i < len(es); i++ {
			if i == 0 || sym(es[i]) != sym(es[i-1]) {
				t.nodes[n].mask |= 1 << sym(es[i])
				t.nodes = append(t.nodes, node{val: -1})
			}
		}
		child := base
		for i := 0; i < len(es); {
			j := i + 1
			for j < len(es) && sym(es[j]) == sym(es[i]) {
				j++
			}
			fill(child, es[i:j], depth+1)
			child++
			i = j
		}
	}
	fill(0, entries, 0)
	return t, nil
}

// symbol returns the symbol of r, or false when the patterns never
// mention it.
func (t *trie) symbol(r rune) (uint8, bool) {
	if r < 128 {
		s := t.ascii[r]
		return s - 1, s != 0
	}
	s, ok := t.other[r]
	return s, ok
}

// match applies Liang's rule to syms (a word framed by edge symbols):
// every pattern found at every position raises the gap values under it,
// and out[g] ends as the highest value any pattern gave gap g (the gap
// before syms[g]). out must have len(syms)+1 zeroes.
func (t *trie) match(syms, out []uint8) {
	nodes, vals := t.nodes, t.vals
	for i := range syms {
		n := &nodes[0]
		for j := i; j < len(syms); j++ {
			bit := uint64(1) << syms[j]
			if n.mask&bit == 0 {
				break
			}
			n = &nodes[n.base+int32(bits.OnesCount64(n.mask&(bit-1)))]
			if n.val >= 0 {
				v := vals[n.val : int(n.val)+j-i+2]
				g := out[i : j+2]
				for k, x := range v {
					if x > g[k] {
						g[k] = x
					}
				}
			}
		}
	}
}
