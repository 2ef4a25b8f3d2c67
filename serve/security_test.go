package serve

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// secret is a file outside the output folder that no request may read.
const secret = "TOP-SECRET-CONTENT"

// TestTraversal tries to leave the output folder by "..", encoded dots
// and slashes, backslashes, absolute paths and empty segments: every
// attempt is refused and never returns the secret.
func TestTraversal(t *testing.T) {
	f := newFixture(t, true, nil)
	outside := filepath.Join(filepath.Dir(f.out), "secret.txt")
	if err := os.WriteFile(outside, []byte(secret), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Remove(outside) })
	rel, _ := filepath.Rel(f.out, outside)
	s := exampleSlug
	for _, p := range []string{
		"/files/../" + filepath.Base(outside),
		"/files/" + s + "/../../" + filepath.Base(outside),
		"/files/" + s + "/../../../../../../etc/passwd",
		"/files/%2e%2e/%2e%2e/etc/passwd",
		"/files/%2E%2E/" + s + ".png",
		"/files/" + s + "/%2e%2e%2f%2e%2e%2fsecret.txt",
		"/files/" + s + "/..%2f..%2fsecret.txt",
		"/files/" + s + "/.%2e/secret.txt",
		"/files/" + s + "/" + strings.ReplaceAll(rel, "/", "%2f"),
		"/files//etc/passwd",
		"/files/%2fetc%2fpasswd/x",
		"/files/" + s + "/" + outside,
		"/files/" + s + "/..\\..\\secret.txt",
		"/files/" + s + "/%5c..%5csecret.txt",
		"/files/" + s + "/" + s + ".png%00.txt",
		"/files/./" + s + "/" + s + ".png",
		"/files/C:/Windows/win.ini",
		"/preview/../../secret.txt",
		"/preview/%2e%2e/secret.txt",
		"/static/../serve.go",
		"/static/%2e%2e/serve.go",
		"/static/..%2fserve.go",
		"/zip/..",
		"/article/%2e%2e",
		"/article/" + s + "/..",
	} {
		rec := f.get(p)
		if rec.Code == http.StatusOK || rec.Code == http.StatusNotModified || (rec.Code >= 300 && rec.Code < 400) {
			t.Errorf("GET %s = %d, want refused", p, rec.Code)
		}
		if strings.Contains(rec.Body.String(), secret) || strings.Contains(rec.Body.String(), "root:x:0") {
			t.Errorf("GET %s leaked a file from outside the output folder", p)
		}
	}
}

// TestSymlinksRefused puts links into the output folder: a link to a
// file outside, and an article folder that is a link to a folder outside.
// Neither is followed; the page falls back to a preview render.
func TestSymlinksRefused(t *testing.T) {
	f := newFixture(t, true, nil)
	outsideDir := t.TempDir()
	outsideFile := filepath.Join(outsideDir, "secret.pdf")
	os.WriteFile(outsideFile, []byte(secret), 0o644)
	pdf := filepath.Join(f.out, exampleSlug, exampleSlug+".pdf")
	os.Remove(pdf)
	if err := os.Symlink(outsideFile, pdf); err != nil {
		t.Skip("this system cannot make symbolic links:", err)
	}
	rec := f.get("/files/" + exampleSlug + "/" + exampleSlug + ".pdf")
	if rec.Code != http.StatusNotFound || strings.Contains(rec.Body.String(), secret) {
		t.Errorf("a linked file: %d", rec.Code)
	}

	// The whole article folder as a link to a folder outside.
	moved := filepath.Join(outsideDir, exampleSlug)
	if err := os.Rename(filepath.Join(f.out, exampleSlug), moved); err != nil {
		t.Fatal(err)
	}
	os.Remove(filepath.Join(moved, exampleSlug+".pdf"))
	os.WriteFile(filepath.Join(moved, exampleSlug+".pdf"), []byte(secret), 0o644)
	if err := os.Symlink(moved, filepath.Join(f.out, exampleSlug)); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{".pdf", ".png"} {
		rec := f.get("/files/" + exampleSlug + "/" + exampleSlug + name)
		if rec.Code != http.StatusNotFound || strings.Contains(rec.Body.String(), secret) {
			t.Errorf("a file in a linked folder (%s): %d", name, rec.Code)
		}
	}
	// A server started on such a folder shows previews instead.
	srv, err := New(Config{Sources: []string{f.src}, OutDir: f.out})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	f.handle = srv.Handler()
	body := f.mustGet("/article/" + exampleSlug)
	if src := attr(t, body, `id="handout"`, "src"); !strings.HasPrefix(src, "/preview/") {
		t.Errorf("the handout comes from %s, want a preview", src)
	}
}

// TestMethods allows only GET and HEAD, on every route.
func TestMethods(t *testing.T) {
	f := newFixture(t, true, nil)
	routes := []string{"/", "/article/" + exampleSlug, "/files/" + exampleSlug + "/" + exampleSlug + ".png",
		"/zip/" + exampleSlug, "/events", "/static/app.js", "/preview/x/y", "/nothing"}
	for _, route := range routes {
		for _, m := range []string{"POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "PROPFIND"} {
			rec := f.do(m, route, nil)
			if rec.Code != http.StatusMethodNotAllowed || rec.Header().Get("Allow") != "GET, HEAD" {
				t.Errorf("%s %s = %d (Allow %q), want 405", m, route, rec.Code, rec.Header().Get("Allow"))
			}
		}
		if rec := f.do("HEAD", route, nil); rec.Code == http.StatusMethodNotAllowed || rec.Body.Len() != 0 {
			t.Errorf("HEAD %s = %d with %d bytes", route, rec.Code, rec.Body.Len())
		}
	}
}

// TestLocalOnly refuses a Host that is not this machine (a page on
// another site pointing its name at 127.0.0.1), and sets the page
// protections.
func TestLocalOnly(t *testing.T) {
	f := newFixture(t, true, func(c *Config) { c.LocalOnly = true })
	for host, want := range map[string]int{
		"127.0.0.1:8080": 200, "localhost:8080": 200, "[::1]:8080": 200, "LOCALHOST": 200,
		"evil.example": 403, "evil.example:8080": 403, "192.168.1.5:8080": 403,
	} {
		req, _ := http.NewRequest("GET", "/", nil)
		req.Host = host
		rec := httptest.NewRecorder()
		f.handle.ServeHTTP(rec, req)
		if rec.Code != want {
			t.Errorf("Host %s = %d, want %d", host, rec.Code, want)
		}
	}
	rec := f.get("/")
	if csp := rec.Header().Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self'") {
		t.Errorf("page CSP %q", csp)
	}
	if rec.Header().Get("X-Content-Type-Options") != "nosniff" {
		t.Error("no nosniff")
	}
}

// TestEscaping keeps markup in an article's text from becoming markup in
// the page.
func TestEscaping(t *testing.T) {
	f := newFixture(t, false, nil)
	data, _ := os.ReadFile(f.file)
	evil := strings.Replace(string(data), "title: Software Engineer vs. Platform SRE", `title: "Software Engineer <script>alert(1)</script> vs. Platform SRE"`, 1)
	os.WriteFile(f.file, []byte(evil), 0o644)
	a, _ := f.srv.lookup(exampleSlug)
	f.srv.rebuild(a)
	for _, p := range []string{"/", "/article/" + exampleSlug} {
		if body := f.mustGet(p); strings.Contains(body, "<script>alert(1)") {
			t.Errorf("%s shows the title's markup as markup", p)
		}
	}
}
