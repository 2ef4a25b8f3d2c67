// Package render defines what an output format is: a Renderer turns an
// Article, through the layout stage, into the bytes of one or more files.
// Backends live in subpackages (png, pdf, xlsx) and never open files,
// read the clock or mutate their input; publishing is the out package's job.
package render

import (
	"fmt"
	"strings"

	"github.com/triptych/triptych/content"
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
	Warnings []content.Warning
}

// Renderer renders an article in one format.
type Renderer interface {
	Format() Format
	Render(a *content.Article, opts Options) (Result, error)
}
