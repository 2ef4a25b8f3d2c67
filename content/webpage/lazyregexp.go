package webpage

import "github.com/triptych/triptych/internal/lazyre"

// lazyPatterns lists every package-level pattern (compiled on first use,
// internal/lazyre), so that a test compiles them all: a bad pattern still
// fails the tests, not an unlucky run.
var lazyPatterns []*lazyre.Regexp

// lazyCompile declares a pattern, compiled by its first use.
func lazyCompile(expr string) *lazyre.Regexp {
	l := lazyre.New(expr)
	lazyPatterns = append(lazyPatterns, l)
	return l
}
