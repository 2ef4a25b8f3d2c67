// Package triptych turns comparison articles into three assets: a PNG
// infographic, a print-ready PDF handout and an XLSX spreadsheet of the
// comparison table. Build runs the stages (content, layout, render, out)
// for one article or a batch.
package triptych

import (
	_ "embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
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

// ExpandSources turns files, folders and glob patterns into a sorted list
// of article paths. No sources gives one "" entry: the default article.
func ExpandSources(args []string) ([]string, error) {
	if len(args) == 0 {
		return []string{""}, nil
	}
	seen := map[string]bool{}
	var list []string
	add := func(p string) {
		if !seen[p] {
			seen[p] = true
			list = append(list, p)
		}
	}
	for _, arg := range args {
		info, err := os.Stat(arg)
		switch {
		case err == nil && info.IsDir():
			err := filepath.WalkDir(arg, func(p string, d fs.DirEntry, err error) error {
				if err != nil {
					return err
				}
				if d.IsDir() && p != arg && strings.HasPrefix(d.Name(), ".") {
					return filepath.SkipDir
				}
				if !d.IsDir() && IsArticleFile(p) {
					add(p)
				}
				return nil
			})
			if err != nil {
				return nil, err
			}
		case err == nil:
			add(arg)
		case errors.Is(err, fs.ErrNotExist) && strings.ContainsAny(arg, "*?["):
			matches, gerr := filepath.Glob(arg)
			if gerr != nil {
				return nil, fmt.Errorf("%s: bad pattern: %w", arg, gerr)
			}
			if len(matches) == 0 {
				return nil, fmt.Errorf("%s: no file matches", arg)
			}
			for _, m := range matches {
				if IsArticleFile(m) {
					add(m)
				}
			}
		default:
			return nil, fmt.Errorf("%s: no such file or folder", arg)
		}
	}
	sort.Strings(list)
	return list, nil
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
