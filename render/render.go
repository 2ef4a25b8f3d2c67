// Package render defines what an output format is: a Renderer paints an
// article's one layout result (layout.Layout) into the bytes of one or more
// files. Painters decide nothing the layout decides: they never see the
// article itself, open files, read the clock or mutate their input;
// publishing is the out package's job.
package render

import (
	"fmt"
	"strings"

	"github.com/triptych/triptych/layout"
)

// Format names an output format.
type Format string

// The output formats triptych knows.
const (
	PNG  Format = "png"
	PDF  Format = "pdf"
	XLSX Format = "xlsx"
	CSV  Format = "csv"
)

// AllFormats lists every format in a stable order.
var AllFormats = []Format{PNG, PDF, XLSX, CSV}

// DefaultFormats are built when none are asked for.
var DefaultFormats = []Format{PNG, PDF, XLSX}

// ParseFormats reads a comma-separated list such as "png,pdf".
func ParseFormats(s string) ([]Format, error) {
	var out []Format
	seen := map[Format]bool{}
	for _, part := range strings.Split(s, ",") {
		f := Format(strings.ToLower(strings.TrimSpace(part)))
		if f == "" {
			continue
		}
		known := false
		for _, k := range AllFormats {
			known = known || k == f
		}
		if !known {
			return nil, fmt.Errorf("unknown format %q: choose from png, pdf, xlsx, csv", f)
		}
		if !seen[f] {
			seen[f] = true
			out = append(out, f)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no format given: choose from png, pdf, xlsx, csv")
	}
	return out, nil
}

// File is one rendered file: Suffix is appended to the article's slug
// (".png", ".alt.txt").
type File struct {
	Suffix string
	Data   []byte
}

// Result is what rendering one article in one format produced.
type Result struct {
	Files    []File
	Warnings []layout.Warning
}

// Renderer paints a laid-out article in one format.
type Renderer interface {
	Format() Format
	// Needs names the parts of the layout result the format paints.
	Needs() layout.Parts
	Render(res *layout.Result, opts Options) (Result, error)
}

// LayoutOptions returns the layout options for painting with renderers:
// opts' choices and every part one of them needs.
func LayoutOptions(renderers []Renderer, opts Options) layout.Options {
	lo := layout.Options{Theme: opts.Theme, Size: opts.Size, Paper: opts.Paper, Accents: opts.Accents, Scale: opts.Scale, Version: opts.Version, Typography: opts.Typography, Scorecard: !opts.NoScorecard,
		Brand: opts.Brand, NoTakeaways: opts.NoTakeaways, Fonts: opts.Fonts, Lang: opts.Lang}
	for _, r := range renderers {
		n := r.Needs()
		lo.Poster = lo.Poster || n.Poster
		lo.Handout = lo.Handout || n.Handout
		lo.Workbook = lo.Workbook || n.Workbook
	}
	return lo
}
