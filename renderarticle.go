package triptych

import (
	"fmt"

	"github.com/triptych/triptych/content"
	"github.com/triptych/triptych/layout"
	"github.com/triptych/triptych/render"
)

// RenderArticle lays an article out once for every format asked for, then
// paints each format from that one result, without writing anything.
// Warnings come once each, in the order found.
func RenderArticle(a *content.Article, formats []render.Format, opts render.Options) ([]render.File, []string, error) {
	painters := make([]render.Renderer, 0, len(formats))
	for _, f := range formats {
		r, ok := renderers[f]
		if !ok {
			return nil, nil, fmt.Errorf("format %s is not available", f)
		}
		painters = append(painters, r)
	}
	res, err := layout.Layout(a, render.LayoutOptions(painters, opts))
	var warnings []string
	seen := map[string]bool{}
	addWarning := func(w string) {
		if !seen[w] {
			seen[w] = true
			warnings = append(warnings, w)
		}
	}
	if err != nil {
		for _, w := range a.Warnings {
			addWarning(w.String())
		}
		return nil, warnings, err
	}
	for _, w := range res.Warnings {
		addWarning(w.String())
	}
	var files []render.File
	for _, p := range painters {
		out, err := p.Render(res, opts)
		if err != nil {
			return nil, warnings, fmt.Errorf("%s: %w", p.Format(), err)
		}
		for _, w := range out.Warnings {
			addWarning(w.String())
		}
		files = append(files, out.Files...)
	}
	return files, warnings, nil
}
