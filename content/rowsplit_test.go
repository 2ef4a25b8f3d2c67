package content

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// This file holds the splitter's cost tests: a scraped table at the limits
// (MaxGuessedRows rows of MaxRowWords words, MaxSubjects subjects), the
// benchmark over it, and a test that the work per row is bounded.

// synthSubjects are the subjects of the synthetic tables.
var synthSubjects = []string{"Alpha", "Bravo", "Charlie", "Delta", "Echo"}

// synthVocabulary is drawn from for the synthetic rows: ordinary words,
// words the scorer cares about (openers, connectors, aspect heads, names
// in code, numbers with units, acronyms) and the subjects' names.
var synthVocabulary = strings.Fields(`designing building software teams reliable systems with tools for users
	and the of to in on by usually often about up limited yes no free fast slow easy support pricing cost
	time range model monthly annual plan storage memory runtime npm pip node_modules fs.glob() --watch
	$20 $6.99 13.6-inch 10.3 oz 24/7 4K 60p CI/CD QA IDEs macOS Alpha Bravo Charlie Delta Echo
	cloud backups updates security patches optional extra only very high low medium version release`)

// synthTitleWords make the aspects.
var synthTitleWords = strings.Fields(`Primary Focus Salary Range Learning Curve Best For Setup Time Storage
	Limit Battery Life Price Support Model Core Skills Tools Used Release Date Memory Use Pricing Plans`)

// synthRow writes an unseparated row of exactly words words (at least
// n+4): a Title Case aspect and n cells of sentences. short makes every
// word one or two characters, the densest row the byte limits allow.
func synthRow(r *rand.Rand, words, n int, short bool) string {
	pick := func(list []string) string { return list[r.IntN(len(list))] }
	var out []string
	for k := 1 + r.IntN(3); k > 0; k-- {
		out = append(out, pick(synthTitleWords))
	}
	if short {
		tiny := []string{"a", "b", "c.", "D", "e,", "1", "F.", "x", "Y", "z."}
		for len(out) < words {
			out = append(out, pick(tiny))
		}
		return strings.Join(out, " ")
	}
	// Cut the remaining words into cells, then each cell into sentences.
	left := words - len(out)
	for c := 0; c < n; c++ {
		size := left / (n - c)
		if c < n-1 {
			size = max(1, size/2+r.IntN(size+1))
		}
		left -= size
		for size > 0 {
			s := min(size, 2+r.IntN(12))
			if size-s == 1 {
				s++
			}
			size -= s
			for i := 0; i < s; i++ {
				w := pick(synthVocabulary)
				switch {
				case i == 0 && r.IntN(3) > 0:
					w = strings.ToUpper(w[:1]) + w[1:]
				case i > 0 && i < s-1 && r.IntN(20) == 0:
					w += ","
				}
				if i == s-1 && r.IntN(5) > 0 {
					w += "."
				}
				if s >= 4 && i == 1 && r.IntN(10) == 0 {
					w = "(" + w
				} else if s >= 4 && i == 2 && strings.HasPrefix(out[len(out)-1], "(") {
					w += ")"
				}
				out = append(out, w)
			}
		}
	}
	return strings.Join(out, " ")
}

// synthTable writes a scraped article whose table has rows unseparated
// rows of words words each, under five subjects.
func synthTable(seed uint64, rows, words int, short bool) string {
	return synthArticle(seed, rows, words, short, 0)
}

// synthArticle is synthTable followed by about text bytes of paragraphs.
func synthArticle(seed uint64, rows, words int, short bool, text int) string {
	r := rand.New(rand.NewPCG(seed, 7))
	var b strings.Builder
	b.WriteString(strings.Join(synthSubjects, " vs. ") + ": Which One Fits?\n\n")
	b.WriteString("Last Updated Apr 21, 2025\nBy Author\n\n")
	b.WriteString("Alpha and Bravo both run fast builds. npm and pip are package managers; " +
		"the salary range and the learning curve differ. Usually the primary focus is support.\n\n")
	b.WriteString("Aspect " + strings.Join(synthSubjects, " ") + "\n")
	for i := 0; i < rows; i++ {
		b.WriteString(synthRow(r, words, len(synthSubjects), short) + "\n")
	}
	b.WriteString("\nClosing Words\n\nEach of them has its place.\n")
	for b.Len() < text {
		b.WriteString("\n")
		for i := 0; i < 12; i++ {
			w := strings.Fields(synthRow(r, 14, 1, false))[1:] // a sentence or two, without the aspect
			b.WriteString(strings.Join(w, " ") + " ")
		}
		b.WriteString("Each of them has its place.\n")
	}
	return b.String()
}

// synthTables are the tables at the limits, by name.
var synthTables = []struct {
	name  string
	short bool
	text  int // bytes of paragraphs after the table
}{{"prose", false, 0}, {"short-words", true, 0}, {"long-article", false, MaxFileBytes - 300<<10}}

func synthTableAtLimit(short bool, text int) string {
	return synthArticle(1, MaxGuessedRows, MaxRowWords, short, text)
}

// BenchmarkSplitTable reads a scraped table at the limits: MaxGuessedRows
// rows of MaxRowWords words without separators, five subjects, so both
// passes of the splitter (alone, then with the columns' priors) run on
// every row; of ordinary words, of one-letter words, and in an article
// near MaxFileBytes (whose text the splitter consults for each aspect).
// Compare BenchmarkSplitLongRow for one row.
func BenchmarkSplitTable(b *testing.B) {
	for _, tt := range synthTables {
		b.Run(tt.name, func(b *testing.B) {
			data := []byte(synthTableAtLimit(tt.short, tt.text))
			for b.Loop() {
				a, err := Parse("table.txt", data)
				if err != nil {
					b.Fatal(err)
				}
				if len(a.Table.Rows) != MaxGuessedRows {
					b.Fatalf("%d rows", len(a.Table.Rows))
				}
			}
		})
	}
}

// TestSynthTableShape checks that the synthetic tables are what the
// benchmark claims: every row unseparated, of MaxRowWords words.
func TestSynthTableShape(t *testing.T) {
	for _, tt := range synthTables {
		text := synthTableAtLimit(tt.short, tt.text)
		a, err := Parse("table.txt", []byte(text))
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if len(a.Table.Subjects) != MaxSubjects || len(a.Table.Rows) != MaxGuessedRows {
			t.Fatalf("%s: %d subjects, %d rows", tt.name, len(a.Table.Subjects), len(a.Table.Rows))
		}
		for _, r := range a.Table.Rows {
			got := strings.Join(append([]string{r.Aspect}, r.Cells...), " ")
			if n := len(rowWords(got)); n != MaxRowWords {
				t.Fatalf("%s: row %d has %d words", tt.name, r.Line, n)
			}
			if _, sep := splitSeparated(got); sep {
				t.Fatalf("%s: row %d is separated", tt.name, r.Line)
			}
		}
	}
}

// TestSplitWorkBounded counts, without timing, what the search does on the
// rows at the limits (MaxRowWords words, MaxSubjects cells): the rows of
// the synthetic tables with their article's evidence, the row of
// BenchmarkSplitLongRow, and rows of one repeated word, where every score
// ties. Each search scores at most one cell per pair of cut positions and
// bounds at most one block of blockSize starts, and one start, per column
// and pair; those are cheap. The extensions scored exactly, which are not,
// stay linear in words × cells: a few per state of the programme, where
// the plain programme scored topK per column and pair of positions.
func TestSplitWorkBounded(t *testing.T) {
	const n = MaxSubjects
	var rows []string
	for _, tt := range synthTables[:2] {
		lines := strings.Split(synthTableAtLimit(tt.short, 0), "\n")
		for _, l := range lines {
			if len(rowWords(l)) == MaxRowWords {
				rows = append(rows, l)
			}
		}
	}
	long := []string{"Primary", "Focus"}
	for len(long) < MaxRowWords {
		long = append(long, "Designing", "and", "building", "software", "for", "teams.")
	}
	rows = append(rows, strings.Join(long[:MaxRowWords], " "))
	for _, w := range []string{"a", "Word", "Yes.", "x y.", "(x"} {
		rows = append(rows, strings.Join(strings.Fields(strings.Repeat(w+" ", MaxRowWords))[:MaxRowWords], " "))
	}
	ev := evidenceFor(synthSubjects, synthTable(1, 0, 0, false))
	W := MaxRowWords
	pairs := W * (W + 1) / 2
	for i, row := range rows {
		for _, priors := range [][]columnPrior{nil, {{weight: 0.7, endsSentence: 1, startsUpper: 1, aspectWords: 2}, {weight: 0.7, endsSentence: 1}, {}, {weight: 0.5, startsUpper: 1}}} {
			s := newSplitter(row, &splitContext{n: n, aspect: true, ev: ev, priors: priors})
			if s == nil || len(s.rank()) == 0 {
				t.Fatalf("row %d: no split", i)
			}
			w, searches := s.work, s.work.searches
			switch {
			case w.cells > searches*pairs:
				t.Errorf("row %d: %d cells scored in %d searches, more than one per pair of positions (%d)", i, w.cells, searches, pairs)
			case w.starts > searches*n*pairs:
				t.Errorf("row %d: %d starts bounded, more than %d", i, w.starts, searches*n*pairs)
			case w.blocks > searches*n*W*(W/blockSize+1):
				t.Errorf("row %d: %d blocks bounded, more than %d", i, w.blocks, searches*n*W*(W/blockSize+1))
			case w.extensions > searches*12*topK*n*W:
				t.Errorf("row %d: %d extensions scored in %d searches, more than 12 × topK × cells × words (%d); the plain programme scores up to %d",
					i, w.extensions, searches, searches*12*topK*n*W, searches*topK*n*pairs)
			}
		}
	}
}
