package serve

import (
	"bytes"
	"context"
	"image/png"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// findChromium returns Debian's Chromium (chromium, or chromium-browser
// on older systems), or "" when there is none.
func findChromium() string {
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// TestBrowser drives Chromium through the preview: the index, the
// example's page with its three panes, a saved edit that reaches the
// open page within 3 s through the event stream (no reload), and a
// screenshot that is not blank. TRIPTYCH_SERVE_SCREENSHOT=path (an
// absolute path: the test runs in a temporary folder) also saves a
// picture of the page before the edit there, for docs/serve.png.
func TestBrowser(t *testing.T) {
	bin := findChromium()
	if bin == "" {
		t.Skip("skipped: no Chromium found (looked for chromium and chromium-browser on PATH); .ci/deps installs it with apt-get install chromium")
	}
	f := newFixtureIn(t, true, true, nil)
	watchCtx, stopWatch := context.WithCancel(context.Background())
	defer stopWatch()
	go f.srv.Watch(watchCtx)
	ts := httptest.NewServer(f.handle) // listens on 127.0.0.1 only
	defer ts.Close()
	defer f.srv.Close() // ends the event stream before ts.Close waits for it

	opts := append(slices.Clone(chromedp.DefaultExecAllocatorOptions[:]),
		chromedp.ExecPath(bin),
		chromedp.WindowSize(1600, 1000),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("hide-scrollbars", true),
	)
	if os.Geteuid() == 0 {
		opts = append(opts, chromedp.NoSandbox) // Chromium refuses to sandbox as root
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelAlloc()
	browser, cancelTab := chromedp.NewContext(allocCtx)
	defer cancelTab()
	// The first action starts the browser, which lives as long as the
	// context of that call: it gets no timeout, the later steps do.
	if err := chromedp.Do(browser, chromedp.Navigate(ts.URL+"/")); err != nil {
		t.Fatalf("starting Chromium (%s): %v", bin, err)
	}
	ctx, cancel := context.WithTimeout(browser, 90*time.Second)
	defer cancel()

	link := chromedp.CSS(`a[href="/article/` + exampleSlug + `"]`)
	loaded := `(() => { const i = document.getElementById("poster"); return i && i.complete && i.naturalWidth > 0; })()`
	err := chromedp.Do(ctx,
		chromedp.WaitVisible(link),
		chromedp.Click(link),
		chromedp.WaitVisible(chromedp.ID("poster")),
		void(chromedp.Poll[bool](loaded, chromedp.WithPollingTimeout(15*time.Second))),
	)
	if err != nil {
		t.Fatalf("opening the example from the index: %v", err)
	}
	width := eval[int](t, ctx, `document.getElementById("poster").naturalWidth`)
	height := eval[int](t, ctx, `document.getElementById("poster").naturalHeight`)
	hasPDF := eval[bool](t, ctx, `!!document.querySelector('iframe#handout[src$=".pdf"]')`)
	aspects := eval[[]string](t, ctx, `Array.from(document.querySelectorAll('table[data-sheet="Comparison"] tr')).map(tr => tr.cells[0] ? tr.cells[0].textContent : "")`)
	pngData, _ := os.ReadFile(filepath.Join(f.out, exampleSlug, exampleSlug+".png"))
	cfg, err := png.DecodeConfig(bytes.NewReader(pngData))
	if err != nil {
		t.Fatal(err)
	}
	if width != cfg.Width || height != cfg.Height || width != 1200 {
		t.Errorf("the browser decoded the image at %d×%d, the file is %d×%d", width, height, cfg.Width, cfg.Height)
	}
	if !hasPDF {
		t.Error("no PDF frame on the page")
	}
	for _, want := range exampleAspects(t) {
		if !slices.Contains(aspects, want) {
			t.Errorf("the spreadsheet table lacks the aspect %q (has %q)", want, aspects)
		}
	}

	// The picture for the README shows the example as it is, once the
	// PDF viewer (which takes a few seconds) has painted.
	if docs := os.Getenv("TRIPTYCH_SERVE_SCREENSHOT"); docs != "" {
		if err := chromedp.Do(ctx, chromedp.Sleep(4*time.Second)); err != nil {
			t.Fatal(err)
		}
		shot, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
		if err != nil {
			t.Fatalf("screenshot: %v", err)
		}
		checkNotBlank(t, shot)
		if err := os.WriteFile(docs, shot, 0o644); err != nil {
			t.Fatal(err)
		}
	}

	// Edit the source; the open page must show it within 3 s by itself.
	// The marker on window proves that the page was not reloaded.
	err = chromedp.Do(ctx,
		chromedp.WaitVisible(chromedp.CSS(`#live.on`)), // the event stream is open
		void(chromedp.Evaluate[bool](`window.noReload = true`)),
	)
	if err != nil {
		t.Fatalf("the event stream did not open: %v", err)
	}
	data, _ := os.ReadFile(f.file)
	edited := strings.Replace(string(data), "| Typical Metrics |", "| Typical Yardsticks |", 1)
	start := time.Now()
	if err := os.WriteFile(f.file, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	err = chromedp.Do(ctx, void(chromedp.Poll[bool](
		`window.noReload === true && document.querySelector('table[data-sheet="Comparison"]').textContent.includes("Typical Yardsticks")`,
		chromedp.WithPollingTimeout(3*time.Second), chromedp.WithPollingInterval(50*time.Millisecond))))
	if err != nil {
		t.Fatalf("the page did not show the edit within 3 s without a reload: %v", err)
	}
	t.Logf("the page showed the edit %v after the save", time.Since(start).Round(time.Millisecond))

	err = chromedp.Do(ctx,
		void(chromedp.Poll[bool](loaded, chromedp.WithPollingTimeout(5*time.Second))),
		chromedp.Sleep(300*time.Millisecond), // the new image is painted
	)
	if err != nil {
		t.Fatalf("the image after the edit: %v", err)
	}
	shot, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	path := filepath.Join(t.TempDir(), "serve.png")
	if err := os.WriteFile(path, shot, 0o644); err != nil {
		t.Fatal(err)
	}
	checkNotBlank(t, shot)
}

// checkNotBlank decodes a screenshot and checks its size and that it
// shows something: many colours, and no single colour on nearly all of
// it.
func checkNotBlank(t *testing.T, data []byte) {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("the screenshot is not a PNG: %v", err)
	}
	b := img.Bounds()
	if b.Dx() < 1000 || b.Dy() < 600 {
		t.Errorf("the screenshot is %d×%d, want at least 1000×600", b.Dx(), b.Dy())
	}
	counts := map[[3]uint32]int{}
	for y := b.Min.Y; y < b.Max.Y; y += 2 {
		for x := b.Min.X; x < b.Max.X; x += 2 {
			r, g, bl, _ := img.At(x, y).RGBA()
			counts[[3]uint32{r >> 8, g >> 8, bl >> 8}]++
		}
	}
	total, most := 0, 0
	for _, n := range counts {
		total += n
		most = max(most, n)
	}
	if len(counts) < 50 || float64(most) > 0.9*float64(total) {
		t.Errorf("the screenshot looks blank: %d colours, the commonest on %.0f%% of it", len(counts), 100*float64(most)/float64(total))
	}
}

// void drops an action's value, to run it among others with chromedp.Do.
func void[T any](a chromedp.Action[T]) chromedp.Action[chromedp.Void] {
	return func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
		_, err := a(ctx, t)
		return chromedp.Void{}, err
	}
}

// eval evaluates a JavaScript expression in the page.
func eval[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		t.Fatalf("in the browser, %s: %v", expr, err)
	}
	return v
}
