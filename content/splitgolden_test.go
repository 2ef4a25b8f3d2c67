package content

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestSplitGolden holds the row splitter to the answers it gave when the
// golden was recorded (testdata/splits-golden.json; UPDATE_GOLDEN=1
// rewrites it, refused when CI=true): for every table row of the corpora
// (testdata/articles, testdata/scraped, examples) and of the fuzz seeds,
// the chosen split, the warnings on the row's line and Row.Alternatives.
// Synthetic articles (small random tables, and the tables at the limits of
// BenchmarkSplitTable) are recorded as a hash per row, so that a change
// names the row without the golden holding megabytes of text.
//
// A change of the splitter's speed must leave this golden unchanged; a
// change of its answers must be reviewed row by row (TestScrapedCorpus
// gives the figures).
func TestSplitGolden(t *testing.T) {
	g := splitGolden{Files: map[string]fileSplits{}, Synthetic: map[string][]string{}}
	for _, src := range splitGoldenSources(t) {
		// The fuzz seeds are parsed as FuzzPlainText parses them.
		parseName := src.name
		if !strings.HasSuffix(parseName, ".txt") {
			parseName = "f.txt"
		}
		g.Files[src.name] = splitsOf(parseName, src.data)
	}
	for i := 0; i < 60; i++ {
		name := fmt.Sprintf("random-%02d", i)
		g.Synthetic[name] = hashedSplits(splitsOf(name+".txt", []byte(randomSplitArticle(uint64(i)))))
	}
	for _, tt := range synthTables {
		name := "limit-" + tt.name
		g.Synthetic[name] = hashedSplits(splitsOf(name+".txt", []byte(synthTableAtLimit(tt.short, tt.text))))
	}
	got, err := json.MarshalIndent(g, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	compareGolden(t, filepath.Join("testdata", "splits-golden.json"), append(got, '\n'))
}

type splitGolden struct {
	Files     map[string]fileSplits `json:"files"`
	Synthetic map[string][]string   `json:"synthetic"`
}

// fileSplits is what the importer made of one file's table rows.
type fileSplits struct {
	Error string      `json:"error,omitempty"`
	Rows  []rowAnswer `json:"rows,omitempty"`
}

type rowAnswer struct {
	Line         int        `json:"line"`
	Parts        []string   `json:"parts"`
	Alternatives [][]string `json:"alternatives,omitempty"`
	Warnings     []string   `json:"warnings,omitempty"`
}

type splitSource struct {
	name string
	data []byte
}

// splitGoldenSources lists the files whose rows the golden holds, named
// from the module's root.
func splitGoldenSources(t *testing.T) []splitSource {
	t.Helper()
	var out []splitSource
	for _, pattern := range []string{"../testdata/articles/*.txt", "../testdata/scraped/*.txt", "../examples/*.txt"} {
		files, err := filepath.Glob(pattern)
		if err != nil || len(files) == 0 {
			t.Fatalf("no files for %s: %v", pattern, err)
		}
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, splitSource{strings.TrimPrefix(filepath.ToSlash(f), "../"), data})
		}
	}
	seeds, _ := filepath.Glob("testdata/fuzz/FuzzPlainText/*")
	if len(seeds) == 0 {
		t.Fatal("no fuzz seeds in testdata/fuzz/FuzzPlainText")
	}
	for _, f := range seeds {
		out = append(out, splitSource{"content/" + filepath.ToSlash(f), readFuzzSeed(t, f)})
	}
	// The seed FuzzPlainText adds in code.
	out = append(out, splitSource{"FuzzPlainText seed", []byte("A vs B\n\nAspect A B\nGoal x. y.\n")})
	return out
}

// readFuzzSeed reads a corpus file of go test fuzz v1 holding one []byte.
func readFuzzSeed(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitN(strings.TrimSpace(string(data)), "\n", 2)
	if len(lines) != 2 || lines[0] != "go test fuzz v1" {
		t.Fatalf("%s: not a fuzz corpus file", path)
	}
	lit, ok := strings.CutPrefix(strings.TrimSpace(lines[1]), "[]byte(")
	lit, ok2 := strings.CutSuffix(lit, ")")
	s, err := strconv.Unquote(lit)
	if !ok || !ok2 || err != nil {
		t.Fatalf("%s: not one []byte value: %v", path, err)
	}
	return []byte(s)
}

// splitsOf parses a plain-text article and returns its table rows'
// answers, or the error.
func splitsOf(name string, data []byte) fileSplits {
	a, err := Parse(name, data)
	if err != nil {
		return fileSplits{Error: err.Error()}
	}
	byLine := map[int][]string{}
	for _, w := range a.Warnings {
		byLine[w.Line] = append(byLine[w.Line], w.Msg)
	}
	var fs fileSplits
	for _, r := range a.Table.Rows {
		fs.Rows = append(fs.Rows, rowAnswer{
			Line:         r.Line,
			Parts:        append([]string{r.Aspect}, r.Cells...),
			Alternatives: r.Alternatives,
			Warnings:     byLine[r.Line],
		})
	}
	return fs
}

// hashedSplits gives one line per row: its line number and a hash of its
// answer.
func hashedSplits(fs fileSplits) []string {
	if fs.Error != "" {
		return []string{"error: " + fs.Error}
	}
	out := make([]string, len(fs.Rows))
	for i, r := range fs.Rows {
		data, _ := json.Marshal(r)
		sum := sha256.Sum256(data)
		out[i] = fmt.Sprintf("%d %s", r.Line, hex.EncodeToString(sum[:8]))
	}
	return out
}

// randomSplitArticle writes a small scraped article with a table of two
// to five subjects and a few unseparated rows of varied lengths.
func randomSplitArticle(seed uint64) string {
	r := rand.New(rand.NewPCG(seed, 13))
	n := 2 + r.IntN(4)
	subjects := synthSubjects[:n]
	var b strings.Builder
	b.WriteString(strings.Join(subjects, " vs. ") + ": Which One Fits?\n\n")
	b.WriteString("Alpha and Bravo both run fast builds. npm and pip are package managers; " +
		"the salary range and the learning curve differ. Usually the primary focus is support.\n\n")
	b.WriteString("Aspect " + strings.Join(subjects, " ") + "\n")
	for rows := 2 + r.IntN(7); rows > 0; rows-- {
		b.WriteString(synthRow(r, n+4+r.IntN(60), n, r.IntN(8) == 0) + "\n")
	}
	b.WriteString("\nClosing Words\n\nEach of them has its place.\n")
	return b.String()
}
