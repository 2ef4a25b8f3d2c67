// Package triptych turns comparison articles into three assets: a PNG
// infographic, a print-ready PDF handout and an XLSX spreadsheet of the
// comparison table. Build runs the stages (content, layout, render, out)
// for one article or a batch.
package triptych

import (
	"context"
	_ "embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"sort"
	"strings"
	"sync"

	"github.com/triptych/triptych/content"
	"github.com/triptych/triptych/out"
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
func renderers() map[render.Format]render.Renderer {
	return map[render.Format]render.Renderer{
		render.PNG:  png.Renderer{},
		render.PDF:  pdf.Renderer{},
		render.XLSX: xlsx.Renderer{},
		render.CSV:  xlsx.CSVRenderer{},
	}
}

// Available reports whether a format can be built.
func Available(f render.Format) bool {
	_, ok := renderers()[f]
	return ok
}

// Options configure Build. The zero value builds the default article in
// the default formats into "dist".
type Options struct {
	// Sources are files, folders (searched for .md and .txt) or glob
	// patterns; none means the embedded default article.
	Sources []string
	// OutDir is the output folder; "" means "dist".
	OutDir string
	// Formats to build; nil means render.DefaultFormats.
	Formats []render.Format
	// Render options shared by every article.
	Render render.Options
	// Jobs is the number of articles built at once; 0 means GOMAXPROCS.
	Jobs int
	// OnArticle, when set, is called after each article, from one
	// goroutine at a time.
	OnArticle func(ArticleReport)
}

// ArticleReport is the outcome of one article.
type ArticleReport struct {
	Source   string
	Slug     string
	Files    []string // paths written, relative to OutDir
	Warnings []string
	Err      error
}

// Report is the outcome of a Build.
type Report struct {
	Articles []ArticleReport
	Built    int
	Failed   int
}

// Build loads, lays out, renders and publishes each source article. An
// article that fails is reported and never stops the others; the error
// returned is for problems with the run itself (bad options, no sources).
func Build(ctx context.Context, opts Options) (Report, error) {
	if opts.OutDir == "" {
		opts.OutDir = "dist"
	}
	if len(opts.Formats) == 0 {
		opts.Formats = render.DefaultFormats
	}
	if opts.Render.Version == "" {
		opts.Render.Version = Version
	}
	var missing []string
	for _, f := range opts.Formats {
		if !Available(f) {
			missing = append(missing, string(f))
		}
	}
	if len(missing) > 0 {
		return Report{}, fmt.Errorf("format %s is not available yet in this version of triptych", strings.Join(missing, ", "))
	}
	sources, err := ExpandSources(opts.Sources)
	if err != nil {
		return Report{}, err
	}
	if _, err := out.CleanTemps(opts.OutDir); err != nil {
		return Report{}, fmt.Errorf("%s: %w", opts.OutDir, err)
	}
	jobs := opts.Jobs
	if jobs <= 0 {
		jobs = runtime.GOMAXPROCS(0)
	}
	work := make(chan string)
	results := make(chan ArticleReport)
	var wg sync.WaitGroup
	for range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for src := range work {
				results <- buildOne(src, opts)
			}
		}()
	}
	go func() {
		defer close(work)
		for _, s := range sources {
			select {
			case work <- s:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() { wg.Wait(); close(results) }()
	var rep Report
	for r := range results {
		if r.Err != nil {
			rep.Failed++
		} else {
			rep.Built++
		}
		rep.Articles = append(rep.Articles, r)
		if opts.OnArticle != nil {
			opts.OnArticle(r)
		}
	}
	sort.Slice(rep.Articles, func(i, j int) bool { return rep.Articles[i].Source < rep.Articles[j].Source })
	return rep, ctx.Err()
}

// buildOne builds one article; a panic fails that article only.
func buildOne(src string, opts Options) (rep ArticleReport) {
	rep.Source = src
	defer func() {
		if r := recover(); r != nil {
			rep.Err = fmt.Errorf("%s: internal error: %v", src, r)
			if os.Getenv("TRIPTYCH_DEBUG") != "" {
				fmt.Fprintf(os.Stderr, "%s\n", debug.Stack())
			}
		}
	}()
	var a *content.Article
	var err error
	if src == "" {
		rep.Source = DefaultArticleName
		a, err = DefaultArticle()
	} else {
		a, err = content.Load(src)
	}
	if err != nil {
		rep.Err = err
		return rep
	}
	rep.Slug = a.Slug
	for _, w := range a.Warnings {
		rep.Warnings = append(rep.Warnings, w.String())
	}
	type pending struct {
		path string
		data []byte
	}
	var files []pending
	for _, f := range opts.Formats {
		res, err := renderers()[f].Render(a, opts.Render)
		if err != nil {
			rep.Err = fmt.Errorf("%s: %s: %w", rep.Source, f, err)
			return rep
		}
		for _, w := range res.Warnings {
			rep.Warnings = append(rep.Warnings, w.String())
		}
		for _, file := range res.Files {
			p, err := out.Target(opts.OutDir, a.Slug, file.Suffix)
			if err != nil {
				rep.Err = fmt.Errorf("%s: %w", rep.Source, err)
				return rep
			}
			files = append(files, pending{p, file.Data})
		}
	}
	// Every format rendered: only now touch the output folder, so a failed
	// article leaves its previous outputs as they were.
	for _, f := range files {
		if err := out.WriteFile(f.path, f.data); err != nil {
			rep.Err = fmt.Errorf("%s: writing %s: %w", rep.Source, f.path, err)
			return rep
		}
		rel, _ := filepath.Rel(opts.OutDir, f.path)
		rep.Files = append(rep.Files, rel)
	}
	return rep
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
				if !d.IsDir() && isArticleFile(p) {
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
				if isArticleFile(m) {
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

func isArticleFile(p string) bool {
	switch strings.ToLower(filepath.Ext(p)) {
	case ".md", ".markdown", ".txt":
		return true
	}
	return false
}
