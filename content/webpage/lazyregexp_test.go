package webpage

import (
	"regexp"
	"testing"
)

// TestLazyPatternsCompile: every package-level pattern compiles, though
// none is compiled at start-up.
func TestLazyPatternsCompile(t *testing.T) {
	if len(lazyPatterns) < 8 {
		t.Fatalf("only %d lazy patterns registered", len(lazyPatterns))
	}
	for _, l := range lazyPatterns {
		if _, err := regexp.Compile(l.Expr()); err != nil {
			t.Errorf("%q: %v", l.Expr(), err)
		}
	}
}
