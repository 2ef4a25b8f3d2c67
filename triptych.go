// Package triptych turns comparison articles into three assets: a PNG
// infographic, a print-ready PDF handout and an XLSX spreadsheet of the
// comparison table. Build runs the stages (content, layout, render, out)
// for one article or a batch.
package triptych

import (
	_ "embed"
	"path/filepath"
	"strings"

	"github.com/triptych/triptych/content"
	"github.com/triptych/triptych/render"
	"github.com/triptych/triptych/render/pdf"
	"github.com/triptych/triptych/render/png"
	"github.com/triptych/triptych/render/xlsx"
)

// Version is the tool version written into outputs and the manifest.
var Version = "0.1.0"

// DefaultArticleName is the name the embedded default article goes by.
const DefaultArticleName = "examples/software-engineer-vs-platform-sre.md"

//go:embed examples/software-engineer-vs-platform-sre.md
var defaultArticle []byte

// DefaultArticle loads the embedded example article, built when no source
// is given.
func DefaultArticle() (*content.Article, error) {
	return content.Parse(DefaultArticleName, defaultArticle)
}

// renderers lists the output formats this build can produce, in one place.
var renderers = map[render.Format]render.Renderer{
	render.PNG:  png.Renderer{},
	render.PDF:  pdf.Renderer{},
	render.XLSX: xlsx.Renderer{},
	render.CSV:  xlsx.CSVRenderer{},
}

// Available reports whether a format can be built.
func Available(f render.Format) bool {
	_, ok := renderers[f]
	return ok
}

// IsArticleFile reports whether a path names a source article: its
// extension is one of content.Extensions.
func IsArticleFile(p string) bool {
	ext := strings.ToLower(filepath.Ext(p))
	for _, e := range content.Extensions {
		if ext == e {
			return true
		}
	}
	return false
}

// CanvasLimit is the largest infographic in pixels, so that options
// asking for more are refused before any work.
func CanvasLimit() (width, height int) { return png.MaxWidthPx, png.MaxHeightPx }
