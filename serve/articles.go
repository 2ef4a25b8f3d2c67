package serve

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/triptych/triptych"
	"github.com/triptych/triptych/content"
	"github.com/triptych/triptych/render"
)

// Status values of an article.
const (
	statusOK      = "ok"
	statusFailed  = "failed"
	statusPending = "not built yet"
)

// article is what the server knows of one source file. Its fields are
// guarded by Server.mu; a rebuild works on a copy of what it needs and
// publishes its outcome under the lock.
type article struct {
	path     string // the source file; "" for the bundled example
	slug     string
	title    string
	subjects []string
	draft    bool
	warnings []string
	rows     []ambiguousRow
	status   string
	err      string    // why the last build failed, when status is failed
	built    time.Time // when the assets shown were made
	gen      int       // bumped by every rebuild; previews are keyed by it
	// art is the last article that rendered (or loaded, before the first
	// render); previews at other sizes are painted from it.
	art *content.Article
	// assets are the last good files; nil when there are none yet.
	assets *assetSet
	// buildMu lets one build of the article run at a time (the watcher's
	// and a page's first view may both start one).
	buildMu sync.Mutex
}

// ambiguousRow is a table row whose split was a guess, with its
// candidate splits (aspect first), the one taken first.
type ambiguousRow struct {
	Line       int
	Aspect     string
	Candidates [][]string
}

// listSources lists the article files of paths: a file as given, a
// folder searched below for article extensions, leaving out hidden
// folders and the output folder. None gives one "": the bundled example.
func listSources(paths []string, outDir string) ([]string, error) {
	if len(paths) == 0 {
		return []string{""}, nil
	}
	outReal := realPath(outDir)
	var found []string
	seen := map[string]bool{}
	add := func(p string) {
		if r := realPath(p); !seen[r] {
			seen[r] = true
			found = append(found, p)
		}
	}
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("%s: no such file or folder", p)
		}
		if !info.IsDir() {
			add(p)
			continue
		}
		err = filepath.WalkDir(p, func(q string, d fs.DirEntry, err error) error {
			if err != nil {
				return nil // an unreadable folder simply shows nothing
			}
			if d.IsDir() && q != p && (strings.HasPrefix(d.Name(), ".") || realPath(q) == outReal) {
				return filepath.SkipDir
			}
			if !d.IsDir() && triptych.IsArticleFile(q) {
				add(q)
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("%s: cannot read this folder: %w", p, err)
		}
	}
	sort.Strings(found)
	return found, nil
}

// realPath is p made absolute with links resolved, to compare two names
// of one folder.
func realPath(p string) string {
	abs, err := filepath.Abs(p)
	if err != nil {
		return filepath.Clean(p)
	}
	if r, err := filepath.EvalSymlinks(abs); err == nil {
		return r
	}
	return abs
}

// load reads the article at path, or the bundled example for "".
func (s *Server) load(path string) (*content.Article, error) {
	if path == "" {
		return triptych.DefaultArticle()
	}
	return content.LoadWith(path, s.cfg.Parse)
}

// addArticle registers one source at start-up: what it says (title,
// subjects, warnings) and, when the initial build left its files in the
// output folder, those files as its assets.
func (s *Server) addArticle(path string, reports map[string]triptych.ArticleReport) {
	a := &article{path: path, status: statusPending}
	art, err := s.load(path)
	if err != nil {
		a.slug = fallbackSlug(path)
		a.title = filepath.Base(path)
		a.status, a.err = statusFailed, err.Error()
	} else {
		a.describe(art)
		for _, w := range art.Warnings {
			a.warnings = append(a.warnings, w.String())
		}
		if set, built := s.outputSet(a.slug); set != nil {
			a.assets, a.built, a.status = set, built, statusOK
		}
	}
	if r, ok := reports[a.slug]; ok {
		if len(r.Warnings) > 0 {
			a.warnings = r.Warnings
		}
		if r.Status == "failed" {
			a.status, a.err = statusFailed, r.Error
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.claimSlug(a)
	s.articles = append(s.articles, a)
}

// describe copies what the pages show of a loaded article.
func (a *article) describe(art *content.Article) {
	a.art = art
	a.slug, a.title, a.draft = art.Slug, art.Title, art.Draft
	a.subjects = append([]string(nil), art.Table.Subjects...)
	a.rows = nil
	for _, r := range art.Table.Rows {
		if len(r.Alternatives) > 1 {
			a.rows = append(a.rows, ambiguousRow{Line: r.Line, Aspect: r.Aspect, Candidates: r.Alternatives})
		}
	}
}

// claimSlug gives the article its slug's URL, or fails it when another
// source already has that slug (their output folders would be the same).
// Called with s.mu held.
func (s *Server) claimSlug(a *article) {
	if other, ok := s.bySlug[a.slug]; ok && other != a {
		a.status = statusFailed
		a.err = fmt.Sprintf("%s has the slug %q too; give one of them another slug in its front matter", displayPath(other.path), a.slug)
		a.slug = fallbackSlug(a.path)
		if _, taken := s.bySlug[a.slug]; taken {
			a.slug = fmt.Sprintf("%s-%d", a.slug, len(s.articles))
		}
	}
	s.bySlug[a.slug] = a
}

// fallbackSlug names an article that has no slug of its own (it failed
// to load), from its file name.
func fallbackSlug(path string) string {
	base := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	if slug, _ := content.Slugify(base); slug != "" {
		return "source-" + slug
	}
	return "source"
}

// displayPath is how pages name a source.
func displayPath(path string) string {
	if path == "" {
		return triptych.DefaultArticleName + " (bundled)"
	}
	return path
}

// rebuild loads the article again and renders it with the build's
// options into the preview cache. On failure the previous assets stay and
// the error is shown above them. Open pages are told.
func (s *Server) rebuild(a *article) {
	a.buildMu.Lock()
	defer a.buildMu.Unlock()
	s.rebuildLocked(a)
}

// rebuildLocked is rebuild with a.buildMu held.
func (s *Server) rebuildLocked(a *article) {
	s.mu.Lock()
	path, oldSlug := a.path, a.slug
	s.mu.Unlock()
	art, err := s.load(path)
	var files []render.File
	var warnings []string
	if err == nil {
		files, warnings, err = safeRender(art, s.cfg.Formats, s.cfg.Render)
	}
	s.mu.Lock()
	a.gen++
	if err != nil {
		a.status, a.err = statusFailed, err.Error()
		if len(warnings) > 0 {
			a.warnings = warnings
		}
		s.logf("%s: %v", displayPath(path), err)
	} else {
		a.describe(art)
		set := s.blobs.addSet(a.slug, files, true)
		if a.assets != nil {
			s.blobs.release(a.assets)
		}
		a.assets, a.status, a.err, a.warnings, a.built = set, statusOK, "", warnings, time.Now()
		for k := range s.variants {
			if k.slug == oldSlug {
				delete(s.variants, k) // their blobs age out of the cache
			}
		}
		if a.slug != oldSlug {
			if s.bySlug[oldSlug] == a {
				delete(s.bySlug, oldSlug)
			}
			s.claimSlug(a)
		}
		s.logf("%s: rebuilt", displayPath(path))
	}
	ev := event{Slug: oldSlug, URL: "/article/" + a.slug, Status: a.status, Gen: a.gen}
	s.mu.Unlock()
	s.hub.publish(ev)
}

// lookup returns the article a URL slug names.
func (s *Server) lookup(slug string) (*article, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	a, ok := s.bySlug[slug]
	return a, ok
}

// byPath returns the article of a source file, matching links and
// relative names.
func (s *Server) byPath(path string) (*article, bool) {
	want := realPath(path)
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, a := range s.articles {
		if a.path != "" && realPath(a.path) == want {
			return a, true
		}
	}
	return nil, false
}

// addNew registers a source file created after start-up and builds it.
func (s *Server) addNew(path string) {
	a := &article{path: path, status: statusPending, slug: fallbackSlug(path), title: filepath.Base(path)}
	s.mu.Lock()
	s.claimSlug(a)
	s.articles = append(s.articles, a)
	sort.SliceStable(s.articles, func(i, j int) bool { return s.articles[i].path < s.articles[j].path })
	s.mu.Unlock()
	s.rebuild(a)
}

// safeRender is triptych.RenderArticle with a panic turned into an error,
// so that one article that trips a bug fails alone instead of stopping
// the server.
func safeRender(art *content.Article, formats []render.Format, opts render.Options) (files []render.File, warnings []string, err error) {
	defer func() {
		if r := recover(); r != nil {
			files, err = nil, fmt.Errorf("%s: internal error while rendering (please report it): %v", art.Source, r)
		}
	}()
	return triptych.RenderArticle(art, formats, opts)
}
