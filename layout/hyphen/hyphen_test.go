package hyphen

import (
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
)

func enUSForTest(t testing.TB) *Hyphenator {
	t.Helper()
	h, ok := Lang("en-US")
	if !ok {
		t.Fatal(`Lang("en-US") = false`)
	}
	return h
}

// show writes word with a '-' at each point, the form reference lists use.
func show(h *Hyphenator, word string) string {
	var b strings.Builder
	last := 0
	for _, p := range h.Points(word) {
		b.WriteString(word[last:p])
		b.WriteByte('-')
		last = p
	}
	b.WriteString(word[last:])
	return b.String()
}

// readList reads a file of hyphenated words, one a line, '%' comments.
func readList(t *testing.T, path string) []string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var words []string
	for _, line := range strings.Split(string(b), "\n") {
		if i := strings.IndexByte(line, '%'); i >= 0 {
			line = line[:i]
		}
		words = append(words, strings.Fields(line)...)
	}
	return words
}

// split turns "ta-ble" into "table" and the byte offsets of its points.
func split(hyphenated string) (word string, points []int) {
	var b strings.Builder
	for _, r := range hyphenated {
		if r == '-' {
			points = append(points, b.Len())
			continue
		}
		b.WriteRune(r)
	}
	return b.String(), points
}

func TestLang(t *testing.T) {
	for _, tag := range []string{"", "en", "en-US", "en_us", "EN-us", " en-US ", "en-Latn-US", "en-US-x-gb", "en-US-u-ca-gregory"} {
		if h, ok := Lang(tag); !ok || h == nil {
			t.Errorf("Lang(%q) = %v, %v; want the en-US hyphenator", tag, h, ok)
		}
	}
	for _, tag := range []string{"de", "fr-FR", "en-GB", "en_AU", "en-001", "eng", "x"} {
		if h, ok := Lang(tag); ok || h != nil {
			t.Errorf("Lang(%q) = %v, %v; want nil, false", tag, h, ok)
		}
	}
	a, _ := Lang("en")
	b, _ := Lang("en-US")
	if a != b {
		t.Error("en and en-US should share one hyphenator (built once)")
	}
	if a.LeftMin() != 2 || a.RightMin() != 3 {
		t.Errorf("en-US minimums %d/%d, want 2/3 as TeX", a.LeftMin(), a.RightMin())
	}
}

// TestExceptions checks every word of the pattern set's own exception
// list, and Knuth's original list from hyphen.tex by name.
func TestExceptions(t *testing.T) {
	h := enUSForTest(t)
	list := readList(t, "data/hyph-en-us.hyp.txt")
	if len(list) < 1000 {
		t.Fatalf("%d exceptions, want the 1,045 of the data file", len(list))
	}
	dropped, total := 0, 0
	for _, e := range list {
		word, pts := split(e)
		n := len(word)
		var want []int
		for _, p := range pts {
			total++
			if p >= h.LeftMin() && n-p >= h.RightMin() {
				want = append(want, p)
			} else {
				dropped++ // inside the margins, which TeX applies to exceptions too
			}
		}
		if got := h.Points(word); !slices.Equal(got, want) {
			t.Errorf("%s: got %s, want the exception's points %v", e, show(h, word), want)
		}
	}
	t.Logf("%d exceptions, %d points, %d of them inside the 2/3 margins and left out", len(list), total, dropped)

	// Knuth's list in hyphen.tex ("Do NOT make any alterations"); the
	// TUGboat log, which the data merges in, gives "rec-i-proc-i-ty"
	// instead of "reci-procity", and its entry is the one kept.
	for _, e := range []string{"as-so-ciate", "as-so-ciates", "dec-li-na-tion", "oblig-a-tory",
		"phil-an-thropic", "present", "presents", "project", "projects", "rec-i-proc-ity",
		"re-cog-ni-zance", "ref-or-ma-tion", "ret-ri-bu-tion", "ta-ble"} {
		word, _ := split(e)
		if got := show(h, word); got != e {
			t.Errorf("%s: got %s", e, got)
		}
	}
}

// TestReference compares with hand-written dictionary hyphenations: no
// point may be one the dictionary lacks; the share found is reported.
func TestReference(t *testing.T) {
	h := enUSForTest(t)
	list := readList(t, "testdata/reference.txt")
	if len(list) < 60 {
		t.Fatalf("%d reference words, want at least 60", len(list))
	}
	var eligible, found, wrong int
	for _, e := range list {
		word, ref := split(e)
		got := h.Points(word)
		for _, p := range got {
			if !slices.Contains(ref, p) {
				wrong++
				t.Errorf("%s: Points gives %s, a point the reference lacks", e, show(h, word))
				break
			}
		}
		for _, p := range ref {
			if p < h.LeftMin() || len(word)-p < h.RightMin() {
				continue // the margins rule it out whatever the patterns say
			}
			eligible++
			if slices.Contains(got, p) {
				found++
			}
		}
	}
	t.Logf("%d words: %d of %d reference points found (%.1f%%), %d wrong", len(list), found, eligible,
		100*float64(found)/float64(eligible), wrong)
	// Liang designed the patterns to find nearly 90% of the points; a
	// large drop means the table or the matcher broke.
	if float64(found) < 0.8*float64(eligible) {
		t.Errorf("only %d of %d reference points found", found, eligible)
	}
}

// TestAroundTheWord: punctuation around the word, apostrophes inside it,
// offsets into the string as given.
func TestAroundTheWord(t *testing.T) {
	h := enUSForTest(t)
	for _, c := range []struct{ in, want string }{
		{"(machine,", "(ma-chine,"},
		{"infrastructure.", "in-fra-struc-ture."},
		{"“hyphenation”", "“hy-phen-ation”"},
		{"‘algorithm’,", "‘al-go-rithm’,"},
		{"...development...", "...de-vel-op-ment..."},
		{"programmer's", "pro-gram-mer's"},
		{"programmer’s", "pro-gram-mer’s"},
		{"developments’", "de-vel-op-ments’"},
		{"shouldn't", "shouldn't"},
		{"rock'n'roll", "rock'n'roll"},
		{"o’clock", "o’clock"},
		{"‘performance’)", "‘per-for-mance’)"},
		{"table", "ta-ble"},
		{"tables", "ta-bles"}, // not in the exception list: the patterns decide
		{"a", "a"},
		{"", ""},
		{"...", "..."},
	} {
		if got := show(h, c.in); got != c.want {
			t.Errorf("%q: got %q, want %q", c.in, got, c.want)
		}
	}
}

// TestOutsideTheAlphabet: en-US patterns cover a–z only, so words with
// other letters get no points rather than guesses.
func TestOutsideTheAlphabet(t *testing.T) {
	h := enUSForTest(t)
	for _, w := range []string{"naïve", "café", "façade", "résumé", "übermensch", "ελληνικά", "информация", "hyphenation’ü"} {
		if got := h.Points(w); got != nil {
			t.Errorf("%q: got points %v, want nil", w, got)
		}
	}
}

func TestFilteredWordsGetNoPoints(t *testing.T) {
	h := enUSForTest(t)
	for _, w := range []string{"Hyphenation", "INFRASTRUCTURE", "JavaScript", "development2", "machine-readable",
		"input/output", "https://example.com/development", "someone@development.org", "development.go"} {
		if got := h.Points(w); got != nil {
			t.Errorf("%q: got points %v, want nil", w, got)
		}
	}
}

// TestConcurrent: one Hyphenator, many goroutines, the first use racing
// the table build (run with -race to make this bite).
func TestConcurrent(t *testing.T) {
	words := strings.Fields(paragraph(t))
	want := make([][]int, len(words))
	h := enUSForTest(t)
	for i, w := range words {
		want[i] = h.Points(w)
	}
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			h, _ := Lang("en")
			for i, w := range words {
				if got := h.Points(w); !slices.Equal(got, want[i]) {
					t.Errorf("%q: %v concurrently, %v alone", w, got, want[i])
					return
				}
			}
		}()
	}
	wg.Wait()
}

func paragraph(t testing.TB) string {
	b, err := os.ReadFile("testdata/paragraph.txt")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestAllocations holds the package to its promise: nothing allocated for
// a word without points or with a reused buffer, one slice otherwise.
func TestAllocations(t *testing.T) {
	h := enUSForTest(t)
	buf := make([]int, 0, 16)
	for _, c := range []struct {
		name string
		f    func()
		max  float64
	}{
		{"AppendPoints into a reused buffer", func() { buf = h.AppendPoints(buf[:0], "(infrastructure,") }, 0},
		{"Points of a short word", func() { _ = h.Points("the") }, 0},
		{"Points of a capitalised word", func() { _ = h.Points("Infrastructure") }, 0},
		{"Points of a word with points", func() { _ = h.Points("infrastructure") }, 1},
	} {
		if n := testing.AllocsPerRun(100, c.f); n > c.max {
			t.Errorf("%s: %v allocations, want at most %v", c.name, n, c.max)
		}
	}
	if got := show(h, "(infrastructure,"); got != "(in-fra-struc-ture," {
		t.Errorf("AppendPoints check word: %s", got)
	}
	if got := h.AppendPoints([]int{7}, "naïveté"); !slices.Equal(got, []int{7}) {
		t.Errorf("AppendPoints must leave dst as it was for a word it cannot hyphenate: %v", got)
	}
}
