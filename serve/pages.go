package serve

import (
	"bytes"
	"fmt"
	"html/template"
	"net/http"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/triptych/triptych"
	"github.com/triptych/triptych/layout"
	"github.com/triptych/triptych/render"
)

// templateFuncs are the helpers the page templates use.
var templateFuncs = template.FuncMap{
	"join": strings.Join,
	"when": func(t time.Time) string {
		if t.IsZero() {
			return "—"
		}
		return t.Local().Format("2006-01-02 15:04:05")
	},
	"inc": func(i int) int { return i + 1 },
}

// row is one article on the index.
type row struct {
	Slug, Title, Path, Status, Error string
	Subjects                         []string
	Warnings                         int
	Built                            time.Time
	Draft                            bool
	Search                           string
}

// handleIndex is GET /: every article, filtered by ?q= (the filter box
// filters as one types when scripts run, and through the form when not).
func (s *Server) handleIndex(w http.ResponseWriter, r *http.Request) {
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	s.mu.Lock()
	rows := make([]row, 0, len(s.articles))
	for _, a := range s.articles {
		rw := row{Slug: a.slug, Title: a.title, Path: displayPath(a.path), Status: a.status, Error: a.err,
			Subjects: a.subjects, Warnings: len(a.warnings), Built: a.built, Draft: a.draft}
		rw.Search = strings.ToLower(strings.Join(append([]string{rw.Title, rw.Path, rw.Status}, rw.Subjects...), " "))
		if q == "" || strings.Contains(rw.Search, strings.ToLower(q)) {
			rows = append(rows, rw)
		}
	}
	total := len(s.articles)
	s.mu.Unlock()
	s.render(w, http.StatusOK, "index.html", map[string]any{"Rows": rows, "Query": q, "Total": total, "Title": "Articles"})
}

// articleView is everything the article page shows.
type articleView struct {
	Title, Slug, Path, Status, Error string
	Subjects                         []string
	Warnings                         []string
	Rows                             []ambiguousRow
	Built                            time.Time
	Gen                              int
	Draft                            bool
	Stale                            bool // the assets are from before a failed build
	Query                            string

	Sizes, Themes []string
	Scales        []int
	Opts          render.Options

	PNG                 *asset
	PNGURL, AltText     string
	PNGWidth, PNGHeight int
	PNGError            string
	PDF                 *asset
	PDFURL              string
	PDFPages            int
	XLSX                *asset
	XLSXURL             string
	Sheets              []sheet
	SheetError          string
	Downloads           []download
	ZipURL              string
}

// download is one link of the downloads list.
type download struct{ Label, URL string }

// handleArticle is GET /article/{slug}: the infographic (at the chosen
// size, theme and scale), the handout and the workbook of one article.
func (s *Server) handleArticle(w http.ResponseWriter, r *http.Request) {
	a, ok := s.lookup(r.PathValue("slug"))
	if !ok {
		s.errorPage(w, http.StatusNotFound, "There is no article "+strconv.Quote(r.PathValue("slug"))+" in this preview.")
		return
	}
	opts, err := s.options(r)
	if err != nil {
		s.errorPage(w, http.StatusBadRequest, err.Error())
		return
	}
	set, previewErr := s.shown(a, opts)
	s.mu.Lock()
	v := articleView{Title: a.title, Slug: a.slug, Path: displayPath(a.path), Status: a.status, Error: a.err,
		Subjects: a.subjects, Warnings: a.warnings, Rows: a.rows, Built: a.built, Gen: a.gen, Draft: a.draft,
		Stale: a.status == statusFailed && a.assets != nil, Query: r.URL.RawQuery, Opts: opts}
	s.mu.Unlock()
	v.Themes = []string{"light", "dark"}
	v.Scales = []int{1, 2, 3}
	for name := range layout.PosterSizes {
		v.Sizes = append(v.Sizes, name)
	}
	sort.Strings(v.Sizes)
	if previewErr != nil {
		v.PNGError = previewErr.Error()
	}
	if set != nil {
		s.fillAssets(&v, set)
		v.ZipURL = "/zip/" + a.slug
		if v.Query != "" {
			v.ZipURL += "?" + v.Query
		}
	}
	s.render(w, http.StatusOK, "article.html", v)
}

// fillAssets reads the shown files back: the PNG's size, the PDF's page
// count and the workbook's cells.
func (s *Server) fillAssets(v *articleView, set *assetSet) {
	for _, f := range set.files {
		v.Downloads = append(v.Downloads, download{Label: f.Name, URL: f.url() + "?download=1"})
	}
	if f, ok := set.file("png"); ok {
		v.PNG, v.PNGURL = &f, f.url()
		if data, err := s.bytesOf(f); err != nil {
			v.PNGError = err.Error()
		} else if v.PNGWidth, v.PNGHeight, err = pngSize(data); err != nil {
			v.PNGError = err.Error()
		}
	}
	if f, ok := set.file("alt.txt"); ok {
		if data, err := s.bytesOf(f); err == nil {
			v.AltText = strings.TrimSpace(string(data))
		}
	}
	if f, ok := set.file("pdf"); ok {
		v.PDF, v.PDFURL = &f, f.url()
		if data, err := s.bytesOf(f); err == nil {
			v.PDFPages = pdfPages(data)
		}
	}
	if f, ok := set.file("xlsx"); ok {
		v.XLSX, v.XLSXURL = &f, f.url()
		data, err := s.bytesOf(f)
		if err == nil {
			v.Sheets, err = readSheets(data)
		}
		if err != nil {
			v.SheetError = err.Error()
		}
	}
}

// options reads the infographic options a page asks for: the build's,
// changed by ?size=, ?theme= and ?scale=.
func (s *Server) options(r *http.Request) (render.Options, error) {
	opts := s.cfg.Render
	opts.Accents = slices.Clone(opts.Accents)
	q := r.URL.Query()
	if v := q.Get("size"); v != "" {
		opts.Size = v
	}
	if v := q.Get("theme"); v != "" {
		opts.Theme = v
	}
	if v := q.Get("scale"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil {
			return opts, fmt.Errorf("scale %q: use 1, 2 or 3", v)
		}
		opts.Scale = n
	}
	return opts, triptych.CheckRenderOptions(opts)
}

// shown returns the files the article page shows for opts: the last good
// build, its infographic replaced by a preview when opts differ from the
// build's. An article not built yet is built now. The error is about the
// preview alone; the build's own error is the article's.
func (s *Server) shown(a *article, opts render.Options) (*assetSet, error) {
	a.buildMu.Lock()
	s.mu.Lock()
	pending := a.assets == nil && a.status == statusPending
	s.mu.Unlock()
	if pending {
		s.rebuildLocked(a)
	}
	a.buildMu.Unlock()
	s.mu.Lock()
	base := a.assets
	s.mu.Unlock()
	if base == nil {
		return nil, nil
	}
	if opts.Size == s.cfg.Render.Size && opts.Theme == s.cfg.Render.Theme && opts.Scale == s.cfg.Render.Scale {
		return base, nil
	}
	if _, ok := base.file("png"); !ok {
		return base, fmt.Errorf("this build makes no infographic (add png to --formats)")
	}
	p, err := s.variant(a, opts)
	if err != nil {
		return base, fmt.Errorf("the preview at these options failed: %w", err)
	}
	return base.withPNG(p), nil
}

// render executes a page template into a buffer first, so that a
// template error gives a clean 500 rather than half a page.
func (s *Server) render(w http.ResponseWriter, status int, name string, data any) {
	var buf bytes.Buffer
	if err := s.pages.ExecuteTemplate(&buf, name, data); err != nil {
		s.logf("page %s: %v", name, err)
		http.Error(w, "the page could not be made (please report it): "+err.Error(), http.StatusInternalServerError)
		return
	}
	pageHeaders(w)
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

// errorPage answers with a short page that says what went wrong.
func (s *Server) errorPage(w http.ResponseWriter, status int, msg string) {
	s.render(w, status, "error.html", map[string]any{"Title": http.StatusText(status), "Status": status, "Message": msg, "Version": triptych.Version})
}
