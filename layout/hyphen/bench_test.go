package hyphen

import (
	"strings"
	"testing"
)

// BenchmarkParagraph hyphenates every word of a 1,000-word paragraph of
// the example article as the line breaker would, words with their
// punctuation; ns/word is the figure to watch.
func BenchmarkParagraph(b *testing.B) {
	words := strings.Fields(paragraph(b))
	h, _ := Lang("en-US")
	b.ReportAllocs()
	points := 0
	for b.Loop() {
		for _, w := range words {
			points += len(h.Points(w))
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(words)), "ns/word")
	_ = points
}

// BenchmarkBuild measures the one-time table build that Lang does lazily.
func BenchmarkBuild(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := newHyphenator(2, 3, enUSPatterns, enUSExceptions); err != nil {
			b.Fatal(err)
		}
	}
}
