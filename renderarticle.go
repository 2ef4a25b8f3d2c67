package triptych

import (
	"fmt"

	"github.com/triptych/triptych/content"
	"github.com/triptych/triptych/render"
)

// RenderArticle renders one article in every format, without writing
// anything; warnings are deduplicated across formats.
func RenderArticle(a *content.Article, formats []render.Format, opts render.Options) ([]render.File, []string, error) {
	seen := map[string]bool{}
	var warnings []string
	addWarning := func(w string) {
		if !seen[w] {
			seen[w] = true
			warnings = append(warnings, w)
		}
	}
	for _, w := range a.Warnings {
		addWarning(w.String())
	}
	var files []render.File
	for _, f := range formats {
		r, ok := renderers[f]
		if !ok {
			return nil, warnings, fmt.Errorf("format %s is not available", f)
		}
		res, err := r.Render(a, opts)
		if err != nil {
			return nil, warnings, fmt.Errorf("%s: %w", f, err)
		}
		for _, w := range res.Warnings {
			addWarning(w.String())
		}
		files = append(files, res.Files...)
	}
	return files, warnings, nil
}
