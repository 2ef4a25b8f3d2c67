// Package batchcorpus generates the varied articles that the batch tests,
// the batch benchmark and scripts/bench-compare build, so that all of them
// measure the same inputs.
package batchcorpus

import (
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
)

var subjectPool = []string{"Go", "Rust", "Python", "Java", "Kotlin", "Swift", "Ruby", "Elixir", "Zig", "Haskell",
	"Data Analyst", "Data Scientist", "Product Manager", "Designer", "Café Owner", "Барista", "Κύριος", "SRE"}
var aspectPool = []string{"Primary Focus", "Key Skills", "Tools Used", "Salary Range", "Learning Curve", "Goal",
	"Collaboration", "Typical Metrics", "Background", "Scale"}

// Write writes n varied articles into dir, the same ones for the same n
// and seed: two or three subjects (Latin, Cyrillic and Greek names), one
// to eight rows, a third as tab-separated scraped text and the rest as
// Markdown with front matter, sections and sometimes related terms. It
// returns their paths.
func Write(dir string, n int, seed int64) ([]string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	r := rand.New(rand.NewSource(seed))
	var paths []string
	for i := range n {
		k := 2 + r.Intn(2)
		perm := r.Perm(len(subjectPool))
		subjects := make([]string, k)
		for j := range subjects {
			subjects[j] = subjectPool[perm[j]]
		}
		title := fmt.Sprintf("%s %d: Which One Fits?", strings.Join(subjects, " vs. "), i)
		rows := 1 + r.Intn(8)
		var b strings.Builder
		var path string
		if i%3 == 0 {
			path = filepath.Join(dir, fmt.Sprintf("article-%03d.txt", i))
			fmt.Fprintf(&b, "%s\n\nLast Updated Jan %d, 2025\nBy Writer %d\n\nA lead paragraph for article %d.\n\nTable of Comparison\n\nAspect\t%s\n", title, 1+i%28, i, i, strings.Join(subjects, "\t"))
			for j := range rows {
				fmt.Fprintf(&b, "%s", aspectPool[j%len(aspectPool)])
				for c := range k {
					fmt.Fprintf(&b, "\tCell %d for %s in row %d.", c, subjects[c], j)
				}
				b.WriteString("\n")
			}
			b.WriteString("\nA Section Heading\n\nA paragraph of the section, long enough to wrap onto a second line in the handout.\n")
		} else {
			path = filepath.Join(dir, fmt.Sprintf("article-%03d.md", i))
			fmt.Fprintf(&b, "---\ntitle: %q\ndate: 2025-02-%02d\nauthor: Writer %d\n---\n\nLead with **bold** words %d.\n\n| Aspect | %s |\n|%s\n", title, 1+i%28, i, i, strings.Join(subjects, " | "), strings.Repeat("---|", k+1))
			for j := range rows {
				fmt.Fprintf(&b, "| %s |", aspectPool[(j+i)%len(aspectPool)])
				for c := range k {
					fmt.Fprintf(&b, " %s does thing %d, %s. |", subjects[c], j, strings.Repeat("more words ", r.Intn(12)))
				}
				b.WriteString("\n")
			}
			for s := range r.Intn(4) {
				fmt.Fprintf(&b, "\n## Section %d\n\n%s\n", s, strings.Repeat("Body text goes here. ", 5+r.Intn(30)))
			}
			if r.Intn(2) == 0 {
				b.WriteString("\n## Related Important Terms\n\n### A Term\n\nIts meaning.\n")
			}
		}
		if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
			return nil, err
		}
		paths = append(paths, path)
	}
	return paths, nil
}
