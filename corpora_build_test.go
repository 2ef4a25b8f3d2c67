package triptych

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/triptych/triptych/content"
	"github.com/triptych/triptych/render"
)

// TestCorporaBuild renders every article of the Markdown, web page and
// scraped corpora in every format: what loads, builds.
func TestCorporaBuild(t *testing.T) {
	if testing.Short() {
		t.Skip("renders every corpus article")
	}
	var files []string
	for _, pattern := range []string{"testdata/markdown/*.md", "testdata/html/*.html", "testdata/scraped/*.txt"} {
		m, _ := filepath.Glob(pattern)
		files = append(files, m...)
	}
	built := 0
	for _, f := range files {
		expect, _ := os.ReadFile(strings.TrimSuffix(f, filepath.Ext(f)) + ".expect.json")
		a, err := content.Load(f)
		if err != nil {
			if !strings.Contains(string(expect), `"error"`) {
				t.Errorf("%v", err)
			}
			continue
		}
		if _, _, err := RenderArticle(a, append(render.DefaultFormats, render.CSV), render.Options{}); err != nil {
			t.Errorf("%s: %v", f, err)
			continue
		}
		built++
	}
	if built < 50 {
		t.Errorf("only %d corpus articles built", built)
	}
	t.Logf("%d of %d corpus articles built in every format", built, len(files))
}
