// Package testkit loads the project's example and test articles for tests
// in any package, wherever they run from.
package testkit

import (
	"path/filepath"
	"runtime"
	"testing"

	"github.com/triptych/triptych/content"
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
