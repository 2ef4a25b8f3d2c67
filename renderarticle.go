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
// painted concurrently, and a format that needs neither the handout nor
// its layout time (the poster, the workbook) is laid out and painted on
// its own core while the handout is laid out; the files and warnings come
// in the same order either way.
func RenderArticle(a *content.Article, formats []render.Format, opts render.Options) ([]render.File, []string, error) {
	return renderArticle(a, formats, opts, true)
}

// renderArticle is RenderArticle; spread says whether a format may lay
// out its own part ahead of the handout, which costs CPU time (the
// poster is laid out twice) to finish one article sooner: worth it for an
// article alone, not in a batch, whose other articles keep the cores
// busy.
func renderArticle(a *content.Article, formats []render.Format, opts render.Options, spread bool) ([]render.File, []string, error) {
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
	lo := render.LayoutOptions(painters, opts)
	outs := make([]render.Result, len(painters))
	errs := make([]error, len(painters))
	concurrent := len(painters) > 1 && inFlight.Load() < int64(runtime.GOMAXPROCS(0))
	// ahead marks the painters that lay out their own part: Layout is
	// pure, so it is the very part the full layout makes. Warnings still
	// come from the full layout alone. A painter whose own layout failed
	// (it cannot, when the full one did not) is painted from the full one.
	ahead := make([]bool, len(painters))
	failed := make([]bool, len(painters))
	var wg sync.WaitGroup
	if spread && concurrent && lo.Handout {
		for i, p := range painters {
			if p.Needs().Handout {
				continue
			}
			ahead[i] = true
			wg.Go(func() {
				own, err := layout.Layout(a, render.LayoutOptions([]render.Renderer{p}, opts))
				if err != nil {
					failed[i] = true
					return
				}
				outs[i], errs[i] = p.Render(own, opts)
			})
		}
	}
	res, err := layout.Layout(a, lo)
	var warnings []string
	seen := map[string]bool{}
	addWarning := func(w string) {
		if !seen[w] {
			seen[w] = true
			warnings = append(warnings, w)
		}
	}
	if err != nil {
		wg.Wait()
		for _, w := range a.Warnings {
			addWarning(w.String())
		}
		return nil, warnings, err
	}
	for _, w := range res.Warnings {
		addWarning(w.String())
	}
	var rest []int
	for i := range painters {
		if !ahead[i] {
			rest = append(rest, i)
		}
	}
	paint(res, painters, rest, opts, outs, errs, concurrent)
	wg.Wait()
	rest = rest[:0]
	for i := range painters {
		if failed[i] {
			rest = append(rest, i)
		}
	}
	paint(res, painters, rest, opts, outs, errs, false)
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

// paint runs the painters of indexes which on res, into outs and errs;
// with concurrent, all but the first on goroutines of their own.
// Painters share the layout result read-only.
func paint(res *layout.Result, painters []render.Renderer, which []int, opts render.Options, outs []render.Result, errs []error, concurrent bool) {
	if len(which) == 0 {
		return
	}
	if !concurrent {
		for _, i := range which {
			outs[i], errs[i] = painters[i].Render(res, opts)
		}
		return
	}
	var wg sync.WaitGroup
	for _, i := range which[1:] {
		wg.Go(func() { outs[i], errs[i] = painters[i].Render(res, opts) })
	}
	i := which[0]
	outs[i], errs[i] = painters[i].Render(res, opts)
	wg.Wait()
}

// inFlight counts the articles being rendered in this process. While it
// is below the number of cores, an article's formats are painted
// concurrently (PNG on one core, PDF and XLSX on another); a batch that
// keeps every core busy paints them one after another, so its memory
// stays that of one format per worker.
var inFlight atomic.Int64
