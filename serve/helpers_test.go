package serve

import (
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/triptych/triptych"
	"github.com/triptych/triptych/content"
	"github.com/triptych/triptych/render"
)

// exampleSlug is the slug of the bundled example article.
const exampleSlug = "software-engineer-vs-platform-sre"

// fixture is a source folder holding a copy of the example article, an
// output folder, and a server over them.
type fixture struct {
	t      *testing.T
	src    string // the source folder
	file   string // the example's copy
	out    string // the output folder
	srv    *Server
	handle http.Handler
}

// newFixture copies the example into a temporary source folder; with
// built, it writes the example's files into the output folder as a build
// would (<out>/<slug>/<slug>.<ext>), so the server shows them from there.
func newFixture(t *testing.T, built bool, change func(*Config)) *fixture {
	t.Helper()
	return newFixtureIn(t, built, false, change)
}

// newFixtureIn is newFixture; with relative, the test moves into a new
// folder and serves "articles" into "dist" as a user would type them.
func newFixtureIn(t *testing.T, built, relative bool, change func(*Config)) *fixture {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "examples", exampleSlug+".md"))
	if err != nil {
		t.Fatal(err)
	}
	f := &fixture{t: t}
	if relative {
		t.Chdir(t.TempDir())
		f.src, f.out = "articles", "dist"
		if err := os.Mkdir(f.src, 0o755); err != nil {
			t.Fatal(err)
		}
	} else {
		f.src, f.out = t.TempDir(), t.TempDir()
	}
	f.file = filepath.Join(f.src, exampleSlug+".md")
	if err := os.WriteFile(f.file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if built {
		writeOutputs(t, f.file, f.out)
	}
	cfg := Config{Sources: []string{f.src}, OutDir: f.out, Debounce: 50 * 1e6}
	if change != nil {
		change(&cfg)
	}
	f.srv, err = New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.srv.Close() })
	f.handle = f.srv.Handler()
	return f
}

// writeOutputs renders an article with the default options and writes
// its files where a build puts them.
func writeOutputs(t *testing.T, src, out string) {
	t.Helper()
	a, err := content.Load(src)
	if err != nil {
		t.Fatal(err)
	}
	files, _, err := triptych.RenderArticle(a, render.DefaultFormats, render.Options{Theme: "light", Size: "poster", Scale: 1, Paper: "a4", Version: triptych.Version})
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(out, a.Slug)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, file := range files {
		if err := os.WriteFile(filepath.Join(dir, a.Slug+file.Suffix), file.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// get sends a request through the handler as a browser on this machine
// would.
func (f *fixture) do(method, target string, header http.Header) *httptest.ResponseRecorder {
	f.t.Helper()
	req := httptest.NewRequest(method, target, nil)
	req.Host = "127.0.0.1:8080"
	for k, v := range header {
		req.Header[k] = v
	}
	rec := httptest.NewRecorder()
	f.handle.ServeHTTP(rec, req)
	return rec
}

func (f *fixture) get(target string) *httptest.ResponseRecorder {
	f.t.Helper()
	return f.do(http.MethodGet, target, nil)
}

// mustGet fetches a page that must answer 200 and returns its body.
func (f *fixture) mustGet(target string) string {
	f.t.Helper()
	rec := f.get(target)
	if rec.Code != http.StatusOK {
		f.t.Fatalf("GET %s = %d, want 200: %s", target, rec.Code, rec.Body.String())
	}
	return rec.Body.String()
}

// attr returns the value of the first attr="…" after marker in html.
func attr(t *testing.T, html, marker, name string) string {
	t.Helper()
	i := strings.Index(html, marker)
	if i < 0 {
		t.Fatalf("no %q in the page", marker)
	}
	rest := html[i:]
	j := strings.Index(rest, name+`="`)
	if j < 0 {
		t.Fatalf("no %s after %q", name, marker)
	}
	rest = rest[j+len(name)+2:]
	return strings.ReplaceAll(rest[:strings.IndexByte(rest, '"')], "&amp;", "&")
}

// readAll reads a response body.
func readAll(t *testing.T, r io.Reader) string {
	t.Helper()
	b, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// exampleAspects are the seven aspects of the example's table.
func exampleAspects(t *testing.T) []string {
	t.Helper()
	a, err := triptych.DefaultArticle()
	if err != nil {
		t.Fatal(err)
	}
	var aspects []string
	for _, r := range a.Table.Rows {
		aspects = append(aspects, r.Aspect)
	}
	if len(aspects) != 7 {
		t.Fatalf("the example has %d aspects, want 7", len(aspects))
	}
	return aspects
}
