// Package testkit loads the project's example and test articles for tests
// in any package, wherever they run from.
package testkit

import (
	"path/filepath"
	"runtime"
	"testing"

	"github.com/triptych/triptych/content"
	"github.com/triptych/triptych/internal/readers"
	"github.com/triptych/triptych/layout/fonts"
)

// Root is the module's root folder.
func Root() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..")
}

// Path returns a path inside the module.
func Path(rel string) string { return filepath.Join(Root(), filepath.FromSlash(rel)) }

// Load loads an article by its path inside the module, failing the test on
// an error.
func Load(t testing.TB, rel string) *content.Article {
	t.Helper()
	a, err := content.Load(Path(rel))
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// Seed loads the bundled example article.
func Seed(t testing.TB) *content.Article {
	t.Helper()
	return Load(t, "examples/software-engineer-vs-platform-sre.md")
}

// FallbackFonts registers Debian's Droid Sans Fallback (CJK) and DejaVu
// Sans (symbols) as fallback fonts, in that order, skipping the test (or
// failing it in CI) without them; the fallback chain is cleared when the
// test ends.
func FallbackFonts(t testing.TB) (cjk, symbols fonts.Face) {
	t.Helper()
	var err error
	if cjk, err = fonts.Register("DroidSansFallbackFull.ttf", readers.NeedFile(t, readers.DroidFallback, "fonts-droid-fallback")); err != nil {
		t.Fatal(err)
	}
	if symbols, err = fonts.Register("DejaVuSans.ttf", readers.NeedFile(t, readers.DejaVuSans, "fonts-dejavu-core")); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { fonts.SetFallbacks(nil) })
	return cjk, symbols
}
