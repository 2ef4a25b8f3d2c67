package serve

import (
	"archive/zip"
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestIndex lists the example with its title, subjects, status, warning
// count and build time, and filters by ?q=.
func TestIndex(t *testing.T) {
	f := newFixture(t, true, nil)
	body := f.mustGet("/")
	for _, want := range []string{
		"Software Engineer vs. Platform SRE", "Software Engineer · Platform SRE",
		`href="/article/` + exampleSlug + `"`, `status-ok`, `id="filter"`, `<td class="num">0</td>`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("the index lacks %q", want)
		}
	}
	if strings.Contains(body, "<td>—</td>") {
		t.Error("the index shows no build time for a built article")
	}
	if body := f.mustGet("/?q=platform+sre"); !strings.Contains(body, "/article/"+exampleSlug) {
		t.Error("?q=platform sre filtered the example out")
	}
	if body := f.mustGet("/?q=zebra"); !strings.Contains(body, "No article matches.") {
		t.Error("?q=zebra kept an article")
	}
}

// TestArticleFromOutput shows the three files the build wrote, from the
// output folder: the PNG at its natural size, the PDF with its page
// count, the workbook's sheets with the seven aspects.
func TestArticleFromOutput(t *testing.T) {
	f := newFixture(t, true, nil)
	body := f.mustGet("/article/" + exampleSlug)
	src := attr(t, body, `id="poster"`, "src")
	if src != "/files/"+exampleSlug+"/"+exampleSlug+".png" {
		t.Errorf("the image is loaded from %s, want the output folder", src)
	}
	if w := attr(t, body, `id="poster"`, "width"); w != "1200" {
		t.Errorf("image width %s, want 1200", w)
	}
	if pdf := attr(t, body, `id="handout"`, "src"); pdf != "/files/"+exampleSlug+"/"+exampleSlug+".pdf" {
		t.Errorf("the PDF frame shows %s", pdf)
	}
	if !strings.Contains(body, ` pages</small>`) || strings.Contains(body, `>0 pages<`) {
		t.Error("no page count for the PDF")
	}
	for _, aspect := range exampleAspects(t) {
		if !strings.Contains(body, "<td>"+aspect+"</td>") {
			t.Errorf("the spreadsheet pane lacks the aspect %q", aspect)
		}
	}
	for _, want := range []string{`data-sheet="Comparison"`, `data-sheet="Terms"`, `href="/zip/` + exampleSlug + `"`, `?download=1`} {
		if !strings.Contains(body, want) {
			t.Errorf("the article page lacks %q", want)
		}
	}
}

// TestArticleNotBuilt renders an article the build did not write into
// the preview cache on first view, and writes nothing.
func TestArticleNotBuilt(t *testing.T) {
	f := newFixture(t, false, nil)
	body := f.mustGet("/article/" + exampleSlug)
	if src := attr(t, body, `id="poster"`, "src"); !strings.HasPrefix(src, "/preview/") {
		t.Errorf("image from %s, want the preview cache", src)
	}
	if entries, _ := os.ReadDir(f.out); len(entries) != 0 {
		t.Errorf("the output folder got %d entries from a preview", len(entries))
	}
}

// TestVariantLeavesOutputAlone renders another size, theme and scale
// into the preview cache; the output folder's files stay byte for byte.
func TestVariantLeavesOutputAlone(t *testing.T) {
	f := newFixture(t, true, nil)
	before := treeHash(t, f.out)
	body := f.mustGet("/article/" + exampleSlug + "?size=og&theme=dark&scale=2")
	src := attr(t, body, `id="poster"`, "src")
	if !strings.HasPrefix(src, "/preview/") {
		t.Fatalf("the preview image comes from %s", src)
	}
	if w, h := attr(t, body, `id="poster"`, "width"), attr(t, body, `id="poster"`, "height"); w != "2400" || h != "1260" {
		t.Errorf("og at 2× is %s×%s, want 2400×1260", w, h)
	}
	if pdf := attr(t, body, `id="handout"`, "src"); !strings.HasPrefix(pdf, "/files/") {
		t.Errorf("the handout should stay the build's, got %s", pdf)
	}
	rec := f.get(src)
	if rec.Code != http.StatusOK || rec.Header().Get("Content-Type") != "image/png" {
		t.Fatalf("GET %s = %d %s", src, rec.Code, rec.Header().Get("Content-Type"))
	}
	if cc := rec.Header().Get("Cache-Control"); !strings.Contains(cc, "immutable") {
		t.Errorf("a preview by content hash has Cache-Control %q", cc)
	}
	if got := `"` + strings.Split(src, "/")[2] + `"`; rec.Header().Get("ETag") != got {
		t.Errorf("ETag %s, want the content hash %s", rec.Header().Get("ETag"), got)
	}
	// The zip of a preview carries the preview's infographic.
	zr := f.get("/zip/" + exampleSlug + "?size=og&theme=dark&scale=2")
	if zr.Code != http.StatusOK || !strings.Contains(zr.Header().Get("Content-Disposition"), "og-dark-2x.zip") {
		t.Errorf("zip of a preview: %d %q", zr.Code, zr.Header().Get("Content-Disposition"))
	}
	if after := treeHash(t, f.out); after != before {
		t.Error("previewing changed the output folder")
	}
	for _, bad := range []string{"?size=huge", "?theme=sepia", "?scale=9", "?scale=x", "?size=a4&scale=3"} {
		if rec := f.get("/article/" + exampleSlug + bad); rec.Code != http.StatusBadRequest {
			t.Errorf("%s = %d, want 400", bad, rec.Code)
		}
	}
}

// TestOutputFileHeaders checks type, ETag from the content, revalidation,
// 304, HEAD and downloads.
func TestOutputFileHeaders(t *testing.T) {
	f := newFixture(t, true, nil)
	data, err := os.ReadFile(filepath.Join(f.out, exampleSlug, exampleSlug+".pdf"))
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(data)
	etag := `"` + hex.EncodeToString(sum[:]) + `"`
	url := "/files/" + exampleSlug + "/" + exampleSlug + ".pdf"
	rec := f.get(url)
	if rec.Code != 200 || !bytes.Equal(rec.Body.Bytes(), data) {
		t.Fatalf("GET %s = %d, %d bytes", url, rec.Code, rec.Body.Len())
	}
	h := rec.Header()
	if h.Get("Content-Type") != "application/pdf" || h.Get("ETag") != etag || h.Get("Cache-Control") != "no-cache" {
		t.Errorf("headers %v", h)
	}
	if !strings.HasPrefix(h.Get("Content-Disposition"), "inline") {
		t.Errorf("Content-Disposition %q", h.Get("Content-Disposition"))
	}
	if rec := f.do("GET", url, http.Header{"If-None-Match": {etag}}); rec.Code != http.StatusNotModified {
		t.Errorf("If-None-Match = %d, want 304", rec.Code)
	}
	if rec := f.do("HEAD", url, nil); rec.Code != 200 || rec.Body.Len() != 0 || rec.Header().Get("ETag") != etag {
		t.Errorf("HEAD = %d with %d bytes", rec.Code, rec.Body.Len())
	}
	if rec := f.get(url + "?download=1"); !strings.HasPrefix(rec.Header().Get("Content-Disposition"), `attachment; filename="`+exampleSlug+`.pdf"`) {
		t.Errorf("download Content-Disposition %q", rec.Header().Get("Content-Disposition"))
	}
	for ext, ct := range map[string]string{".xlsx": contentTypes["xlsx"], ".png": "image/png", ".alt.txt": "text/plain; charset=utf-8"} {
		if rec := f.get("/files/" + exampleSlug + "/" + exampleSlug + ext); rec.Code != 200 || rec.Header().Get("Content-Type") != ct {
			t.Errorf("%s: %d %q", ext, rec.Code, rec.Header().Get("Content-Type"))
		}
	}
}

// TestZip holds the three assets (and the alt text), the same bytes on
// every request, so the ETag gives 304.
func TestZip(t *testing.T) {
	f := newFixture(t, true, nil)
	rec := f.get("/zip/" + exampleSlug)
	if rec.Code != 200 || rec.Header().Get("Content-Type") != "application/zip" {
		t.Fatalf("GET /zip = %d %q", rec.Code, rec.Header().Get("Content-Type"))
	}
	zr, err := zip.NewReader(bytes.NewReader(rec.Body.Bytes()), int64(rec.Body.Len()))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, zf := range zr.File {
		names = append(names, zf.Name)
	}
	if got := strings.Join(names, " "); got != exampleSlug+".png "+exampleSlug+".alt.txt "+exampleSlug+".pdf "+exampleSlug+".xlsx" {
		t.Errorf("zip holds %s", got)
	}
	etag := rec.Header().Get("ETag")
	if again := f.do("GET", "/zip/"+exampleSlug, http.Header{"If-None-Match": {etag}}); again.Code != http.StatusNotModified {
		t.Errorf("the zip's ETag changed between requests (%d)", again.Code)
	}
}

// TestStaticAndEvents serves the script and the event stream, and the
// stream carries a rebuild.
func TestStaticAndEvents(t *testing.T) {
	f := newFixture(t, true, nil)
	if rec := f.get("/static/app.js"); rec.Code != 200 || !strings.Contains(rec.Header().Get("Content-Type"), "javascript") {
		t.Errorf("app.js: %d %q", rec.Code, rec.Header().Get("Content-Type"))
	}
	if rec := f.get("/static/style.css"); rec.Code != 200 {
		t.Errorf("style.css: %d", rec.Code)
	}
	if rec := f.do("HEAD", "/events", nil); rec.Code != 200 || rec.Header().Get("Content-Type") != "text/event-stream; charset=utf-8" {
		t.Errorf("HEAD /events: %d %q", rec.Code, rec.Header().Get("Content-Type"))
	}
	ts := httptest.NewServer(f.handle)
	defer ts.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, "GET", ts.URL+"/events", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	lines := bufio.NewScanner(resp.Body)
	lines.Scan() // "retry: 1000": the stream is open and subscribed
	a, _ := f.srv.lookup(exampleSlug)
	go f.srv.rebuild(a)
	for lines.Scan() {
		if line := lines.Text(); strings.HasPrefix(line, "data: ") {
			if !strings.Contains(line, `"slug":"`+exampleSlug+`"`) || !strings.Contains(line, `"status":"ok"`) {
				t.Errorf("event %s", line)
			}
			return
		}
	}
	t.Fatal("no event after a rebuild")
}

// TestUnknown answers 404 pages for unknown articles and files.
func TestUnknown(t *testing.T) {
	f := newFixture(t, true, nil)
	for _, p := range []string{
		"/article/nope", "/zip/nope", "/files/nope/nope.png", "/nothing",
		"/files/" + exampleSlug + "/" + exampleSlug + ".docx",
		"/files/" + exampleSlug + "/other.png",
		"/files/" + exampleSlug + "/" + exampleSlug + ".csv", // not among the formats built
		"/preview/" + strings.Repeat("0", 64) + "/" + exampleSlug + ".png",
		"/preview/short/" + exampleSlug + ".png",
		"/static/", "/static/nope.js", "/article/" + exampleSlug + "/more",
	} {
		rec := f.get(p)
		if rec.Code != http.StatusNotFound {
			t.Errorf("GET %s = %d, want 404", p, rec.Code)
		}
	}
}

// treeHash sums every file name and content under dir.
func treeHash(t *testing.T, dir string) string {
	t.Helper()
	h := sha256.New()
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		h.Write([]byte(p))
		h.Write(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// TestBundledExample serves the embedded example when no source is
// given, rendering it on first view.
func TestBundledExample(t *testing.T) {
	srv, err := New(Config{OutDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	f := &fixture{t: t, srv: srv, handle: srv.Handler()}
	if body := f.mustGet("/"); !strings.Contains(body, "(bundled)") {
		t.Error("the index does not name the bundled example")
	}
	body := f.mustGet("/article/" + exampleSlug)
	if src := attr(t, body, `id="poster"`, "src"); !strings.HasPrefix(src, "/preview/") {
		t.Errorf("image from %s", src)
	}
	if err := srv.Watch(canceled()); err != nil {
		t.Errorf("watching nothing: %v", err)
	}
}

// canceled is a context that has already ended.
func canceled() context.Context {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	return ctx
}
