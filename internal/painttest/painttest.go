// Package painttest lays articles out and paints them for the tests of
// the painters, as a build does.
package painttest

import (
	"testing"

	"github.com/triptych/triptych/content"
	"github.com/triptych/triptych/layout"
	"github.com/triptych/triptych/render"
)

// Paint lays an article out for one renderer and paints it, failing the
// test on an error. The result's warnings are the layout's and the
// painter's, as a build reports them.
func Paint(t testing.TB, r render.Renderer, a *content.Article, opts render.Options) render.Result {
	t.Helper()
	res, err := PaintErr(r, a, opts)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// PaintErr is Paint that returns the error.
func PaintErr(r render.Renderer, a *content.Article, opts render.Options) (render.Result, error) {
	lr, err := layout.Layout(a, render.LayoutOptions([]render.Renderer{r}, opts))
	if err != nil {
		return render.Result{}, err
	}
	res, err := r.Render(lr, opts)
	res.Warnings = append(append([]layout.Warning(nil), lr.Warnings...), res.Warnings...)
	return res, err
}
