// Package serve is the local preview of "triptych serve": a small web
// server that shows, for every article, the PNG infographic, the PDF
// handout and the XLSX workbook side by side, and refreshes open pages
// through Server-Sent Events when a source file is saved.
//
// It only reads: the output folder's files are served as the initial
// build wrote them, and every other render (a saved edit, another size,
// theme or scale) goes to an in-memory preview cache, so previewing never
// changes a published file. Requests can name only article folders and
// files inside the output folder (through os.Root, refusing links) or
// preview blobs by their content hash.
package serve

import (
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"os"
	"sync"
	"time"

	"github.com/triptych/triptych"
	"github.com/triptych/triptych/content"
	"github.com/triptych/triptych/render"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// DefaultDebounce is how long the watcher waits after the last change
// before rebuilding, as "triptych watch" does, so that an editor's save
// (often several writes and a rename) rebuilds once.
const DefaultDebounce = 300 * time.Millisecond

// Config says what to serve.
type Config struct {
	// Sources are article files or folders (searched for the extensions
	// of content.Extensions); none means the bundled example article,
	// which is shown but never watched.
	Sources []string
	// OutDir is the output folder that the initial build wrote.
	OutDir string
	// Formats are the formats built; nil means render.DefaultFormats.
	Formats []render.Format
	// Render are the build's options; the page's selectors start there.
	Render render.Options
	// Parse options, as the build used them.
	Parse content.ParseOptions
	// Reports are the initial build's outcome, matched to articles by
	// slug, so that an article that failed there shows its error above
	// its previous files.
	Reports []triptych.ArticleReport
	// Debounce is the watcher's quiet time; 0 means DefaultDebounce.
	Debounce time.Duration
	// LocalOnly refuses requests whose Host header is not a loopback
	// name, so that a web page elsewhere cannot read the preview by
	// pointing its own domain at 127.0.0.1 (DNS rebinding).
	LocalOnly bool
	// CacheBytes bounds the preview cache; 0 means 256 MB.
	CacheBytes int64
	// Log receives rebuild messages; nil discards them.
	Log io.Writer
}

// Server holds the articles and serves the preview. Create it with New,
// serve Handler, run Watch for live reload, and Close it at the end.
type Server struct {
	cfg   Config
	root  *os.Root // the output folder; nil when it does not exist
	pages *template.Template
	hub   *hub
	blobs *blobStore

	mu       sync.Mutex
	articles []*article          // in source order
	bySlug   map[string]*article // the article each URL names
	variants map[variantKey][]asset
	inflight map[variantKey]chan struct{}
	// renderSlots bounds the renders that page requests start at once,
	// so that a burst of selector changes cannot starve the machine.
	renderSlots chan struct{}
}

// New checks the options, reads every article and opens the output
// folder. It renders nothing: articles the initial build wrote are shown
// from the output folder, the others are rendered when first opened.
func New(cfg Config) (*Server, error) {
	if len(cfg.Formats) == 0 {
		cfg.Formats = render.DefaultFormats
	}
	if cfg.Render.Version == "" {
		cfg.Render.Version = triptych.Version
	}
	if cfg.Render.Size == "" {
		cfg.Render.Size = "poster"
	}
	if cfg.Render.Theme == "" {
		cfg.Render.Theme = "light"
	}
	if cfg.Render.Scale == 0 {
		cfg.Render.Scale = 1
	}
	if cfg.Debounce == 0 {
		cfg.Debounce = DefaultDebounce
	}
	if cfg.CacheBytes == 0 {
		cfg.CacheBytes = 256 << 20
	}
	if cfg.Log == nil {
		cfg.Log = io.Discard
	}
	if cfg.OutDir == "" {
		cfg.OutDir = "dist"
	}
	if err := triptych.CheckRenderOptions(cfg.Render); err != nil {
		return nil, err
	}
	for _, f := range cfg.Formats {
		if !triptych.Available(f) {
			return nil, fmt.Errorf("format %s is not available in this version of triptych", f)
		}
	}
	pages, err := template.New("").Funcs(templateFuncs).ParseFS(templateFS, "templates/*.html")
	if err != nil {
		return nil, fmt.Errorf("the page templates are broken (please report it): %w", err)
	}
	s := &Server{
		cfg:         cfg,
		pages:       pages,
		hub:         newHub(),
		blobs:       newBlobStore(cfg.CacheBytes),
		bySlug:      map[string]*article{},
		variants:    map[variantKey][]asset{},
		inflight:    map[variantKey]chan struct{}{},
		renderSlots: make(chan struct{}, 2),
	}
	root, err := os.OpenRoot(cfg.OutDir)
	switch {
	case err == nil:
		s.root = root
	case !errors.Is(err, fs.ErrNotExist):
		return nil, fmt.Errorf("cannot open the output folder %s: %w", cfg.OutDir, err)
	}
	paths, err := listSources(cfg.Sources, cfg.OutDir)
	if err != nil {
		s.Close()
		return nil, err
	}
	reports := map[string]triptych.ArticleReport{}
	for _, r := range cfg.Reports {
		if r.Slug != "" {
			reports[r.Slug] = r
		}
	}
	for _, p := range paths {
		s.addArticle(p, reports)
	}
	return s, nil
}

// Close ends the open event streams (so that a graceful shutdown does not
// wait for them) and releases the output folder.
func (s *Server) Close() error {
	s.hub.close()
	if s.root != nil {
		return s.root.Close()
	}
	return nil
}

// logf writes one line to the log.
func (s *Server) logf(format string, args ...any) {
	fmt.Fprintf(s.cfg.Log, format+"\n", args...)
}
