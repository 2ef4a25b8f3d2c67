package triptych

import (
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/triptych/triptych/content"
	"github.com/triptych/triptych/layout"
	"github.com/triptych/triptych/render"
)

// RenderArticle lays an article out once for every format asked for, then
// paints each format from that one result, without writing anything.
// Warnings come once each, in the order found.
//
// When fewer articles are in flight than there are cores, the formats are
// painted concurrently; the files and warnings come in the same order
// either way.
func RenderArticle(a *content.Article, formats []render.Format, opts render.Options) ([]render.File, []string, error) {
	inFlight.Add(1)
	defer inFlight.Add(-1)
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
	outs := make([]render.Result, len(painters))
	errs := make([]error, len(painters))
	if len(painters) > 1 && inFlight.Load() < int64(runtime.GOMAXPROCS(0)) {
		// Fewer articles in flight than cores: paint the formats at once.
		// Painters share the layout result read-only.
		var wg sync.WaitGroup
		for i, p := range painters[1:] {
			wg.Go(func() { outs[i+1], errs[i+1] = p.Render(res, opts) })
		}
		outs[0], errs[0] = painters[0].Render(res, opts)
		wg.Wait()
	} else {
		for i, p := range painters {
			outs[i], errs[i] = p.Render(res, opts)
		}
	}
	var files []render.File
	for i, p := range painters {
		if errs[i] != nil {
			return nil, warnings, fmt.Errorf("%s: %w", p.Format(), errs[i])
		}
		for _, w := range outs[i].Warnings {
			addWarning(w.String())
		}
		files = append(files, outs[i].Files...)
	}
	return files, warnings, nil
}

// inFlight counts the articles being rendered in this process. While it
// is below the number of cores, an article's formats are painted
// concurrently (PNG on one core, PDF and XLSX on another); a batch that
// keeps every core busy paints them one after another, so its memory
// stays that of one format per worker.
var inFlight atomic.Int64
