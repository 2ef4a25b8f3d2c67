//go:build ignore

// gen converts libhyphen's hyph_en_US.dic (Debian package hyphen-en-us)
// into the two plain files this package embeds:
//
//	data/hyph-en-us.pat.txt  Liang patterns, one a line, TeX syntax
//	data/hyph-en-us.hyp.txt  exceptions, one a line, hyphens at the points
//
// Run it by hand when the source changes (it is not run by `go build`):
//
//	apt-get download hyphen-en-us && dpkg-deb -x hyphen-en-us_*.deb /tmp/h
//	go run gen.go -dic /tmp/h/usr/share/hyphen/hyph_en_US.dic
//
// With -tex hyphen.tex (the plain TeX file, shipped in Debian's source
// package `hyphen`) it also reports how the converted patterns differ from
// Knuth's originals, which is how we checked the conversion.
//
// What the .dic holds beyond TeX's patterns, and what gen does with it:
//   - Header keywords (charset, LEFTHYPHENMIN, RIGHTHYPHENMIN, COMPOUND…):
//     the hyphenmins are checked against the package's LeftMin/RightMin
//     and recorded in the header; the others are dropped.
//   - NEXTLEVEL (a second, compound-word level): gen fails, because merging
//     two levels into one Liang table would change results; en-US has none.
//   - Non-standard patterns ("c1k/k=k,1,2", discretionary spelling changes):
//     skipped, since Points only reports positions. en-US has none.
//   - Ligature variants (1,325 patterns with ﬀ, ﬁ, ﬂ, ﬃ, ﬄ; the few
//     with an apostrophe are among them): skipped.
//     They duplicate ASCII patterns for text already shaped into ligature
//     code points, which triptych never hands the breaker.
//   - TUGboat/Knuth exceptions, which libhyphen encodes as whole-word
//     patterns with 9 (break) and 8 (no break): turned back into an
//     exception list so Points can look a word up exactly as TeX does.
//   - The substring expansion done by libhyphen's substrings.pl, which
//     copies into each pattern the values of every pattern inside it:
//     undone. Liang's rule takes the maximum over all matching patterns,
//     and a pattern inside another matches wherever the outer one does, so
//     a copied value never changes a result; removing them halves the
//     table and gives back Knuth's patterns (checked with -tex: 4,446 of
//     hyphen.tex's 4,447, two values differing that other patterns imply;
//     and, once, on the 83,815 hyphenatable words of Debian's wamerican
//     list, identical points from both tables at every gap).
package main

import (
	"bufio"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Must match hyphen.go's enUS minimums; checked against the .dic header.
const leftMin, rightMin = 2, 3

type pattern struct {
	text string // letters and dots, without digits
	vals []byte // len(text)+1 values, one per gap (before text[0] … after the end)
}

func main() {
	dic := flag.String("dic", "/usr/share/hyphen/hyph_en_US.dic", "libhyphen pattern file")
	tex := flag.String("tex", "", "optional plain TeX hyphen.tex to compare the result with")
	out := flag.String("o", "data", "output directory")
	from := flag.String("from", "Debian package hyphen-en-us 2.8.8-7", "where the .dic came from, for the header")
	flag.Parse()

	pats, excs, stats := readDic(*dic)
	reduced := reduce(pats)
	log.Printf("%s: %d patterns read, %d after undoing the substring expansion, %d exceptions; skipped %s",
		*dic, len(pats), len(reduced), len(excs), stats)
	if *tex != "" {
		compareTeX(*tex, reduced)
	}

	src := "Source: " + filepath.Base(*dic) + " from " + *from + " (libhyphen format), converted by gen.go."
	lic := "Licence: see third_party/hyphen-en-us-LICENSE.txt (plain TeX hyphen.tex by D. E. Knuth and F. M. Liang; TUGboat exceptions, TeX Users Group)."
	var pb strings.Builder
	fmt.Fprintf(&pb, "%% Liang hyphenation patterns for American English (en-US), LEFTHYPHENMIN %d, RIGHTHYPHENMIN %d.\n", leftMin, rightMin)
	fmt.Fprintf(&pb, "%% %s\n%% %s\n", src, lic)
	for _, p := range reduced {
		pb.WriteString(format(p))
		pb.WriteByte('\n')
	}
	var eb strings.Builder
	fmt.Fprintf(&eb, "%% Hyphenation exceptions for American English (en-US): Knuth's hyphen.tex list and the TUGboat exception log.\n")
	fmt.Fprintf(&eb, "%% %s\n%% %s\n", src, lic)
	for _, e := range excs {
		eb.WriteString(e)
		eb.WriteByte('\n')
	}
	must(os.MkdirAll(*out, 0o755))
	must(os.WriteFile(filepath.Join(*out, "hyph-en-us.pat.txt"), []byte(pb.String()), 0o644))
	must(os.WriteFile(filepath.Join(*out, "hyph-en-us.hyp.txt"), []byte(eb.String()), 0o644))
}

func must(err error) {
	if err != nil {
		log.Fatal(err)
	}
}

// parse splits a TeX/libhyphen pattern such as ".ach4" into letters and
// gap values.
func parse(s string) pattern {
	var p pattern
	var text []byte
	vals := []byte{0}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= '0' && c <= '9' {
			vals[len(vals)-1] = c - '0'
			continue
		}
		text = append(text, c)
		vals = append(vals, 0)
	}
	p.text, p.vals = string(text), vals
	return p
}

// format writes p back in TeX syntax, omitting zero values.
func format(p pattern) string {
	var b strings.Builder
	for i := 0; i <= len(p.text); i++ {
		if p.vals[i] != 0 {
			b.WriteByte('0' + p.vals[i])
		}
		if i < len(p.text) {
			b.WriteByte(p.text[i])
		}
	}
	return b.String()
}

func readDic(path string) (pats []pattern, excs []string, skipped string) {
	f, err := os.Open(path)
	must(err)
	defer f.Close()
	sc := bufio.NewScanner(f)
	var lig, nonstd int
	seen := map[string]bool{}
	line := 0
	for sc.Scan() {
		line++
		s := strings.TrimSpace(sc.Text())
		switch {
		case s == "" || strings.HasPrefix(s, "%") || strings.HasPrefix(s, "#"):
			continue
		case line == 1:
			if s != "UTF-8" {
				log.Fatalf("%s: charset %q, want UTF-8", path, s)
			}
			continue
		case s == "NEXTLEVEL":
			log.Fatalf("%s:%d: NEXTLEVEL (compound level) is not supported: see gen.go", path, line)
		case strings.HasPrefix(s, "LEFTHYPHENMIN "), strings.HasPrefix(s, "RIGHTHYPHENMIN "):
			var key string
			var n int
			fmt.Sscan(s, &key, &n)
			if want := map[string]int{"LEFTHYPHENMIN": leftMin, "RIGHTHYPHENMIN": rightMin}[key]; n != want {
				log.Fatalf("%s:%d: %s %d, package assumes %d", path, line, key, n, want)
			}
			continue
		case s[0] >= 'A' && s[0] <= 'Z':
			continue // other keywords (COMPOUND…, NOHYPHEN): libhyphen-only behaviour
		case strings.Contains(s, "/"):
			nonstd++
			continue
		}
		if !ascii(s) || strings.Contains(s, "'") {
			lig++
			continue
		}
		for _, c := range []byte(s) {
			if !(c == '.' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
				log.Fatalf("%s:%d: unexpected character %q in %q", path, line, c, s)
			}
		}
		if strings.ContainsAny(s, "89") {
			excs = append(excs, exception(path, line, s))
			continue
		}
		p := parse(s)
		if seen[p.text] {
			log.Fatalf("%s:%d: duplicate pattern %q", path, line, s)
		}
		seen[p.text] = true
		pats = append(pats, p)
	}
	must(sc.Err())
	sort.Strings(excs)
	return pats, excs, fmt.Sprintf("%d ligature/apostrophe variants, %d non-standard patterns", lig, nonstd)
}

// exception turns libhyphen's encoding of a TeX exception (".ta9b8le.":
// whole word, 9 = break, 8 = no break) back into "ta-ble". A gap with no
// value would fall back to the ordinary patterns in libhyphen; that is only
// harmless inside the hyphenmin margins, so anything else is an error.
func exception(path string, line int, s string) string {
	p := parse(s)
	n := len(p.text)
	if n < 3 || p.text[0] != '.' || p.text[n-1] != '.' || strings.Count(p.text, ".") != 2 {
		log.Fatalf("%s:%d: 8/9 values outside a whole-word pattern: %q", path, line, s)
	}
	word := p.text[1 : n-1]
	var b strings.Builder
	for i := 0; i < len(word); i++ {
		if i > 0 {
			v := p.vals[i+1] // gap before word[i]
			switch {
			case v == 9:
				b.WriteByte('-')
			case v == 8:
			case v == 0 && (i < leftMin || len(word)-i < rightMin):
			default:
				log.Fatalf("%s:%d: exception %q has value %d inside the word", path, line, s, v)
			}
		}
		b.WriteByte(word[i])
	}
	return b.String()
}

func ascii(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// reduce zeroes every value that a pattern contained in p already gives at
// the same gap, and drops patterns left with no value. The cover is taken
// from the unreduced values: a contained pattern's own zeroed values are in
// turn given by a still shorter one, so the maximum at every gap of every
// word is unchanged.
func reduce(pats []pattern) []pattern {
	byText := make(map[string]pattern, len(pats))
	for _, p := range pats {
		byText[p.text] = p
	}
	var out []pattern
	for _, p := range pats {
		cover := make([]byte, len(p.vals))
		for i := 0; i < len(p.text); i++ {
			for j := i + 1; j <= len(p.text); j++ {
				if j-i == len(p.text) {
					continue
				}
				q, ok := byText[p.text[i:j]]
				if !ok {
					continue
				}
				for k, v := range q.vals {
					cover[i+k] = max(cover[i+k], v)
				}
			}
		}
		r := pattern{text: p.text, vals: make([]byte, len(p.vals))}
		keep := false
		for k, v := range p.vals {
			if v > cover[k] {
				r.vals[k] = v
				keep = true
			}
		}
		if keep {
			out = append(out, r)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].text < out[j].text })
	return out
}

// compareTeX reports patterns that differ from those of plain TeX's
// hyphen.tex: the conversion is meant to give Knuth's table back.
func compareTeX(path string, got []pattern) {
	b, err := os.ReadFile(path)
	must(err)
	s := string(b)
	start := strings.Index(s, `\patterns{`)
	end := strings.Index(s[start:], "}")
	if start < 0 || end < 0 {
		log.Fatalf("%s: no \\patterns{…}", path)
	}
	want := map[string]string{}
	for _, line := range strings.Split(s[start+len(`\patterns{`):start+end], "\n") {
		if i := strings.Index(line, "%"); i >= 0 {
			line = line[:i]
		}
		for _, f := range strings.Fields(line) {
			want[parse(f).text] = f
		}
	}
	have := map[string]string{}
	for _, p := range got {
		have[p.text] = format(p)
	}
	var diffs []string
	for k, w := range want {
		if h := have[k]; h != w {
			diffs = append(diffs, fmt.Sprintf("hyphen.tex %-10s converted %s", w, h))
		}
	}
	for k, h := range have {
		if _, ok := want[k]; !ok {
			diffs = append(diffs, fmt.Sprintf("hyphen.tex %-10s converted %s", "", h))
		}
	}
	sort.Strings(diffs)
	log.Printf("%s: %d patterns; %d differ from the converted table", path, len(want), len(diffs))
	for _, d := range diffs {
		log.Print("  ", d)
	}
}
