package triptych

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image/png"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/triptych/triptych/internal/batchcorpus"
	"github.com/triptych/triptych/internal/readers"
	"github.com/triptych/triptych/out"
	"github.com/triptych/triptych/render"
)

// writeCorpus writes n varied articles (batchcorpus.Write) into dir and
// returns their paths.
func writeCorpus(t testing.TB, dir string, n int, seed int64) []string {
	t.Helper()
	paths, err := batchcorpus.Write(dir, n, seed)
	if err != nil {
		t.Fatal(err)
	}
	return paths
}

func build(t testing.TB, opts Options) Report {
	t.Helper()
	rep, err := Build(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

func TestBatchCorpusIncremental(t *testing.T) {
	if testing.Short() {
		t.Skip("builds 200 articles")
	}
	dir := t.TempDir()
	src, dst := filepath.Join(dir, "src"), filepath.Join(dir, "out")
	os.MkdirAll(src, 0o755)
	paths := writeCorpus(t, src, 200, 1)
	opts := Options{Sources: []string{src}, OutDir: dst, Jobs: 2}

	rep := build(t, opts)
	if rep.Built != 200 || rep.Failed != 0 {
		for _, a := range rep.Articles {
			if a.Err != nil {
				t.Log(a.Err)
			}
		}
		t.Fatalf("first run: %s", rep.Summary())
	}
	m, err := out.ReadManifest(filepath.Join(dst, "manifest.json"), Version)
	if err != nil || len(m.Articles) != 200 {
		t.Fatalf("manifest: %v, %d entries", err, len(m.Articles))
	}
	for _, e := range m.Articles {
		if filepath.IsAbs(e.Source) || len(e.Outputs) != 4 {
			t.Fatalf("entry %+v", e)
		}
		for _, o := range e.Outputs {
			if sum, err := out.HashFile(filepath.Join(dst, o.Path)); err != nil || sum != o.SHA256 {
				t.Fatalf("%s: hash %s, recorded %s (%v)", o.Path, sum, o.SHA256, err)
			}
		}
	}

	if rep := build(t, opts); rep.Built != 0 || rep.Skipped != 200 {
		t.Fatalf("second run: %s", rep.Summary())
	}

	data, _ := os.ReadFile(paths[7])
	os.WriteFile(paths[7], append(data, []byte("\nAn added closing paragraph.\n")...), 0o644)
	if rep := build(t, opts); rep.Built != 1 || rep.Skipped != 199 {
		t.Fatalf("after one edit: %s", rep.Summary())
	}

	// An output damaged on disk is rebuilt.
	e := m.Articles[filepath.Base(paths[3])]
	os.WriteFile(filepath.Join(dst, e.Outputs[0].Path), []byte("broken"), 0o644)
	if rep := build(t, opts); rep.Built != 1 {
		t.Fatalf("after damaging an output: %s", rep.Summary())
	}

	// One broken article among good ones.
	bad := filepath.Join(src, "zz-broken.txt")
	os.WriteFile(bad, []byte("Broken vs. Article\n\nAspect\tBroken\tArticle\nGoal\tonly one cell\n"), 0o644)
	rep = build(t, opts)
	if rep.Failed != 1 || rep.Skipped != 200 {
		t.Fatalf("with a broken article: %s", rep.Summary())
	}
	for _, a := range rep.Articles {
		if a.Status == "failed" && !strings.Contains(a.Error, "zz-broken.txt:4: table row has 1 cell, expected 2") {
			t.Errorf("error %q lacks path:line", a.Error)
		}
	}
	os.Remove(bad)

	// Removed sources (and the broken one's failed record) are reported,
	// and pruned on request.
	os.Remove(paths[0])
	rep = build(t, opts)
	if len(rep.Stale) != 2 || len(rep.Pruned) != 0 {
		t.Fatalf("stale %v pruned %v", rep.Stale, rep.Pruned)
	}
	opts.Prune = true
	rep = build(t, opts)
	if len(rep.Pruned) != 2 {
		t.Fatalf("pruned %v", rep.Pruned)
	}
	if _, err := os.Stat(filepath.Join(dst, e.Slug)); err != nil {
		t.Errorf("an article that still exists lost its outputs: %v", err)
	}
	m, _ = out.ReadManifest(filepath.Join(dst, "manifest.json"), Version)
	if len(m.Articles) != 199 {
		t.Errorf("manifest keeps %d entries after pruning", len(m.Articles))
	}
}

func TestSecondRunOnTheSameFolderFailsAtOnce(t *testing.T) {
	dst := t.TempDir()
	unlock, err := out.Lock(dst, out.Shard{})
	if err != nil {
		t.Fatal(err)
	}
	defer unlock()
	start := time.Now()
	_, err = Build(context.Background(), Options{OutDir: dst, Formats: []render.Format{render.XLSX}})
	if !errors.Is(err, out.ErrLocked) || time.Since(start) > time.Second {
		t.Fatalf("err = %v after %v", err, time.Since(start))
	}
}

func TestShardsAreDisjointAndComplete(t *testing.T) {
	dir := t.TempDir()
	src, dst := filepath.Join(dir, "src"), filepath.Join(dir, "out")
	os.MkdirAll(src, 0o755)
	writeCorpus(t, src, 40, 2)
	seen := map[string]int{}
	var manifests []*out.Manifest
	for k := range 4 {
		rep := build(t, Options{Sources: []string{src}, OutDir: dst, Formats: []render.Format{render.XLSX}, Shard: Shard{Index: k, Count: 4}})
		for _, a := range rep.Articles {
			seen[a.Source]++
		}
		m, err := out.ReadManifest(filepath.Join(dst, fmt.Sprintf("manifest.shard-%d-of-4.json", k)), Version)
		if err != nil {
			t.Fatal(err)
		}
		manifests = append(manifests, m)
	}
	if len(seen) != 40 {
		t.Errorf("shards built %d articles, want 40", len(seen))
	}
	for s, n := range seen {
		if n != 1 {
			t.Errorf("%s built by %d shards", s, n)
		}
	}
	if merged := out.Merge(Version, manifests...); len(merged.Articles) != 40 {
		t.Errorf("merged manifest has %d articles", len(merged.Articles))
	}
}

func TestDuplicateSlugsFailBothNamingBoth(t *testing.T) {
	dir := t.TempDir()
	src, dst := filepath.Join(dir, "src"), filepath.Join(dir, "out")
	os.MkdirAll(src, 0o755)
	for _, name := range []string{"a.md", "b.md"} {
		os.WriteFile(filepath.Join(src, name), []byte("---\ntitle: Report vs. Summary\n---\n\n| Aspect | Report | Summary |\n|---|---|---|\n| Goal | x | y |\n"), 0o644)
	}
	rep := build(t, Options{Sources: []string{src}, OutDir: dst, Formats: []render.Format{render.XLSX}})
	if rep.Failed != 2 {
		t.Fatalf("%s", rep.Summary())
	}
	for _, a := range rep.Articles {
		if !strings.Contains(a.Error, "a.md and ") || !strings.Contains(a.Error, "b.md") {
			t.Errorf("error %q does not name both files", a.Error)
		}
	}
	if _, err := os.Stat(filepath.Join(dst, "report-vs-summary")); err == nil {
		t.Error("an output was written for the shared slug")
	}
}

func TestPanicFailsOnlyItsArticle(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "src")
	os.MkdirAll(src, 0o755)
	writeCorpus(t, src, 6, 3)
	var log bytes.Buffer
	testPanicSlug = "go-vs-rust-comparison-4"
	defer func() { testPanicSlug = "" }()
	// Find the slug of article 4 to be sure the hook hits.
	rep := build(t, Options{Sources: []string{src}, OutDir: filepath.Join(dir, "out"), Formats: []render.Format{render.XLSX}, Log: &log})
	var target string
	for _, a := range rep.Articles {
		if strings.Contains(a.Source, "article-004") {
			target = a.Slug
		}
	}
	testPanicSlug = target
	rep = build(t, Options{Sources: []string{src}, OutDir: filepath.Join(dir, "out2"), Formats: []render.Format{render.XLSX}, Log: &log})
	if rep.Failed != 1 || rep.Built != 5 {
		t.Fatalf("%s", rep.Summary())
	}
	for _, a := range rep.Articles {
		if a.Status == "failed" && !strings.Contains(a.Error, "internal error") {
			t.Errorf("error %q", a.Error)
		}
	}
	if !strings.Contains(log.String(), "goroutine") {
		t.Error("the stack did not reach the verbose log")
	}
}

// TestKilledRunsLeaveOnlyCompleteFiles kills a real build process at
// random moments and checks every file under a final name.
func TestKilledRunsLeaveOnlyCompleteFiles(t *testing.T) {
	if testing.Short() {
		t.Skip("kills a build 20 times")
	}
	readers.Need(t, "qpdf")
	dir := t.TempDir()
	bin := filepath.Join(dir, "triptych")
	if outp, err := exec.Command("go", "build", "-o", bin, "./cmd/triptych").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, outp)
	}
	src, dst := filepath.Join(dir, "src"), filepath.Join(dir, "out")
	os.MkdirAll(src, 0o755)
	writeCorpus(t, src, 20, 4)
	r := rand.New(rand.NewSource(5))
	for i := range 20 {
		cmd := exec.Command(bin, "build", src, "-o", dst, "--jobs", "2", "--force")
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(50+r.Intn(1500)) * time.Millisecond)
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		checkFinalFiles(t, dst, i)
	}
	cmd := exec.Command(bin, "build", src, "-o", dst, "--jobs", "2")
	if outp, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("rerun after kills: %v\n%s", err, outp)
	}
	if _, err := out.ReadManifest(filepath.Join(dst, "manifest.json"), Version); err != nil {
		t.Fatal(err)
	}
	checkFinalFiles(t, dst, 20)
}

func checkFinalFiles(t *testing.T, dst string, round int) {
	t.Helper()
	filepath.WalkDir(dst, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasPrefix(d.Name(), out.TempPrefix) {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			t.Errorf("round %d: %v", round, err)
			return nil
		}
		switch filepath.Ext(p) {
		case ".png":
			if _, err := png.Decode(bytes.NewReader(data)); err != nil {
				t.Errorf("round %d: %s: %v", round, p, err)
			}
		case ".pdf":
			if outp, err := exec.Command("qpdf", "--check", p).CombinedOutput(); err != nil {
				t.Errorf("round %d: %s: %v\n%s", round, p, err, outp)
			}
		case ".xlsx":
			f, err := excelize.OpenReader(bytes.NewReader(data))
			if err != nil {
				t.Errorf("round %d: %s: %v", round, p, err)
			} else {
				f.Close()
			}
		case ".json":
			if len(data) == 0 || data[len(data)-1] != '\n' {
				t.Errorf("round %d: %s is incomplete", round, p)
			}
		}
		return nil
	})
}
