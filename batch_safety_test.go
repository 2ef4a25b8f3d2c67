package triptych

// Tests for the batch that must never delete or follow what it should not
// (issue 12, second list): each reproduces one report against the old
// code and checks the fix.

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/triptych/triptych/out"
	"github.com/triptych/triptych/render"
)

var quick = []render.Format{render.XLSX, render.CSV}

// article is a small valid Markdown article titled "<name> vs. Other".
func article(name string) string {
	return fmt.Sprintf("---\ntitle: %s vs. Other\ndate: 2025-01-02\n---\n\n| Aspect | %s | Other |\n|---|---|---|\n| Goal | x | y |\n", name, name)
}

// folders makes src (with the named articles) and dst under a temp dir.
func folders(t *testing.T, names ...string) (src, dst string) {
	t.Helper()
	dir := t.TempDir()
	src, dst = filepath.Join(dir, "src"), filepath.Join(dir, "out")
	os.MkdirAll(src, 0o755)
	for _, n := range names {
		os.WriteFile(filepath.Join(src, n+".md"), []byte(article(strings.ToUpper(n[:1])+n[1:])), 0o644)
	}
	return src, dst
}

func exists(p string) bool { _, err := os.Lstat(p); return err == nil }

// Bullet 1: --prune deleted the outputs it had just built when a source
// was renamed to a file with the same slug.
func TestPruneKeepsTheOutputsOfARenamedSource(t *testing.T) {
	src, dst := folders(t, "alpha")
	build(t, Options{Sources: []string{src}, OutDir: dst, Formats: quick})
	os.Rename(filepath.Join(src, "alpha.md"), filepath.Join(src, "renamed.md"))
	rep := build(t, Options{Sources: []string{src}, OutDir: dst, Formats: quick, Prune: true})
	if len(rep.Pruned) != 1 || rep.Failed != 0 {
		t.Fatalf("pruned %v; %s", rep.Pruned, rep.Summary())
	}
	m, _ := out.ReadManifest(filepath.Join(dst, "manifest.json"), Version)
	for _, e := range m.Articles {
		for _, o := range e.Outputs {
			if !exists(filepath.Join(dst, o.Path)) {
				t.Errorf("%s is in the manifest but was deleted", o.Path)
			}
		}
	}
	if len(m.Articles) != 1 || m.Articles["renamed.md"] == nil {
		t.Errorf("manifest keys %v", m.Sources())
	}
}

// Bullet 1: manifest keys were relative to the working folder, so a run
// from another folder rebuilt everything and pruned what it built.
func TestManifestKeysDoNotDependOnTheWorkingFolder(t *testing.T) {
	src, dst := folders(t, "alpha", "beta")
	parent := filepath.Dir(src)
	t.Chdir(parent)
	build(t, Options{Sources: []string{"src"}, OutDir: "out", Formats: quick})
	t.Chdir(src)
	rep := build(t, Options{Sources: []string{src}, OutDir: dst, Formats: quick, Prune: true})
	if rep.Skipped != 2 || len(rep.Pruned) != 0 {
		t.Fatalf("from another folder: %s, pruned %v", rep.Summary(), rep.Pruned)
	}
	for _, slug := range []string{"alpha-vs-other", "beta-vs-other"} {
		if !exists(filepath.Join(dst, slug, slug+".xlsx")) {
			t.Errorf("%s lost its outputs", slug)
		}
	}
}

// buildWithin runs Build and fails the test if it does not return in time
// (the old freshness check hashed /dev/zero forever).
func buildWithin(t *testing.T, d time.Duration, opts Options) (Report, error) {
	t.Helper()
	type res struct {
		rep Report
		err error
	}
	done := make(chan res, 1)
	go func() {
		defer func() {
			if r := recover(); r != nil {
				done <- res{err: fmt.Errorf("panic: %v", r)}
			}
		}()
		rep, err := Build(context.Background(), opts)
		done <- res{rep, err}
	}()
	select {
	case r := <-done:
		return r.rep, r.err
	case <-time.After(d):
		t.Fatalf("Build did not finish within %v", d)
	}
	return Report{}, nil
}

// Bullet 2: a null entry panicked every later run; an output path out of
// the folder was hashed (or deleted) wherever it pointed.
func TestDamagedManifestEntriesAreIgnored(t *testing.T) {
	src, dst := folders(t, "alpha", "beta")
	t.Chdir(src) // the same keys for the old and the new scheme
	os.MkdirAll(dst, 0o755)
	victim := filepath.Join(filepath.Dir(dst), "victim.txt")
	os.WriteFile(victim, []byte("keep me"), 0o644)
	manifest := fmt.Sprintf(`{"manifest_version": 1, "tool_version": %q, "articles": {
  "alpha.md": null,
  "beta.md": {"source": "beta.md", "slug": "beta-vs-other", "status": "ok", "tool_version": %q,
    "outputs": [{"path": "../../../../../../../../../../dev/zero", "size": 0, "sha256": "x", "mtime_ns": 1}]},
  "gone.md": {"source": "gone.md", "slug": "gone", "status": "ok",
    "outputs": [{"path": "../victim.txt", "size": 7, "sha256": "x"}, {"path": "gone/../.triptych.lock", "size": 0, "sha256": "x"}]}}}`, Version, Version)
	os.WriteFile(filepath.Join(dst, "manifest.json"), []byte(manifest), 0o644)
	opts := Options{Sources: []string{"alpha.md", "beta.md"}, OutDir: dst, Formats: quick, Prune: true}
	rep, err := buildWithin(t, 30*time.Second, opts)
	if err != nil || rep.Built != 2 {
		t.Fatalf("%v; %s", err, rep.Summary())
	}
	if data, _ := os.ReadFile(victim); string(data) != "keep me" {
		t.Error("a file outside the output folder was deleted or changed")
	}
	if !exists(filepath.Join(dst, ".triptych.lock")) {
		t.Error("pruning removed the run's own lock file")
	}
}

// Bullet 4: a shard restarting after a kill removed the temporary files
// another shard was writing.
func TestShardCleansOnlyItsOwnTemporaryFiles(t *testing.T) {
	src, dst := folders(t, "alpha")
	os.MkdirAll(filepath.Join(dst, "other"), 0o755)
	theirs := filepath.Join(dst, "other", out.TempPrefix+"1-of-2-other.png-123")
	mine := filepath.Join(dst, "other", out.TempPrefix+"0-of-2-other.png-456")
	os.WriteFile(theirs, []byte("in flight"), 0o644)
	os.WriteFile(mine, []byte("left by a kill"), 0o644)
	os.WriteFile(filepath.Join(dst, ".triptych-journal.shard-0-of-2.jsonl"), nil, 0o644) // shard 0 was killed
	unlock, err := out.Lock(dst, Shard{Index: 1, Count: 2})                              // shard 1 is running
	if err != nil {
		t.Fatal(err)
	}
	defer unlock()
	build(t, Options{Sources: []string{src}, OutDir: dst, Formats: quick, Shard: Shard{Index: 0, Count: 2}})
	if !exists(theirs) {
		t.Error("shard 0 removed a temporary file of shard 1, which is running")
	}
	if exists(mine) {
		t.Error("shard 0 left its own temporary file")
	}
}

// Bullet 4: an unsharded run and a sharded one, or 0/2 and 0/4, wrote one
// folder at once; shards of one count still share it.
func TestRunsThatMayNotShareAFolderAreRefused(t *testing.T) {
	src, dst := folders(t, "alpha")
	cases := []struct {
		held, run Shard
		ok        bool
	}{
		{Shard{Index: 0, Count: 2}, Shard{}, false},
		{Shard{}, Shard{Index: 1, Count: 2}, false},
		{Shard{Index: 0, Count: 2}, Shard{Index: 0, Count: 4}, false},
		{Shard{Index: 0, Count: 2}, Shard{Index: 0, Count: 2}, false},
		{Shard{Index: 0, Count: 2}, Shard{Index: 1, Count: 2}, true},
	}
	for _, c := range cases {
		unlock, err := out.Lock(dst, c.held)
		if err != nil {
			t.Fatal(err)
		}
		_, err = Build(context.Background(), Options{Sources: []string{src}, OutDir: dst, Formats: quick, Shard: c.run})
		unlock()
		if c.ok != (err == nil) || err != nil && !errors.Is(err, out.ErrLocked) {
			t.Errorf("holding %v, running %v: err = %v", c.held, c.run, err)
		}
	}
}

// symlinkOrSkip plants a symbolic link, or skips where links need rights.
func symlinkOrSkip(t *testing.T, target, link string) {
	t.Helper()
	if err := os.Symlink(target, link); err != nil {
		t.Skipf("cannot make symbolic links here: %v", err)
	}
}

// Bullet 5: links planted in the output folder were followed: the journal,
// an article folder, pruning through a linked folder, the lock.
func TestLinksInTheOutputFolderAreNeverFollowed(t *testing.T) {
	t.Run("journal", func(t *testing.T) {
		src, dst := folders(t, "alpha")
		os.MkdirAll(dst, 0o755)
		victim := filepath.Join(t.TempDir(), "victim")
		os.WriteFile(victim, []byte("keep"), 0o644)
		symlinkOrSkip(t, victim, filepath.Join(dst, ".triptych-journal.jsonl"))
		_, err := Build(context.Background(), Options{Sources: []string{src}, OutDir: dst, Formats: quick})
		if data, _ := os.ReadFile(victim); string(data) != "keep" || err == nil || !strings.Contains(err.Error(), "symbolic link") {
			t.Errorf("victim %q, err %v", data, err)
		}
	})
	t.Run("article folder", func(t *testing.T) {
		src, dst := folders(t, "alpha")
		os.MkdirAll(dst, 0o755)
		elsewhere := t.TempDir()
		symlinkOrSkip(t, elsewhere, filepath.Join(dst, "alpha-vs-other"))
		rep := build(t, Options{Sources: []string{src}, OutDir: dst, Formats: quick})
		if entries, _ := os.ReadDir(elsewhere); len(entries) != 0 || rep.Failed != 1 || !strings.Contains(rep.Articles[0].Error, "symbolic link") {
			t.Errorf("%d files written through the link; %+v", len(entries), rep.Articles)
		}
	})
	t.Run("prune", func(t *testing.T) {
		src, dst := folders(t, "alpha", "gone")
		build(t, Options{Sources: []string{src}, OutDir: dst, Formats: quick})
		os.Remove(filepath.Join(src, "gone.md"))
		elsewhere := t.TempDir()
		for _, name := range []string{"gone-vs-other.xlsx", "gone-vs-other.csv"} {
			os.WriteFile(filepath.Join(elsewhere, name), []byte("keep"), 0o644)
		}
		os.RemoveAll(filepath.Join(dst, "gone-vs-other"))
		symlinkOrSkip(t, elsewhere, filepath.Join(dst, "gone-vs-other"))
		build(t, Options{Sources: []string{src}, OutDir: dst, Formats: quick, Prune: true})
		if !exists(filepath.Join(elsewhere, "gone-vs-other.xlsx")) || !exists(filepath.Join(elsewhere, "gone-vs-other.csv")) {
			t.Error("--prune deleted a file outside the output folder through a link")
		}
	})
	t.Run("lock", func(t *testing.T) {
		src, dst := folders(t, "alpha")
		os.MkdirAll(dst, 0o755)
		outside := filepath.Join(t.TempDir(), "created-through-link")
		symlinkOrSkip(t, outside, filepath.Join(dst, ".triptych.lock"))
		Build(context.Background(), Options{Sources: []string{src}, OutDir: dst, Formats: quick})
		if exists(outside) {
			t.Error("the lock was created through a link, outside the output folder")
		}
	})
}

// Bullet 6: an output folder inside the input folder was read back as
// articles (<slug>.alt.txt, .csv...) and every later run failed.
func TestOutputFolderInsideTheInputsIsNotRead(t *testing.T) {
	src, _ := folders(t, "alpha")
	dst := filepath.Join(src, "dist")
	opts := Options{Sources: []string{src}, OutDir: dst, Formats: []render.Format{render.PNG, render.CSV}}
	build(t, opts)
	rep := build(t, opts)
	if rep.Failed != 0 || rep.Skipped != 1 || len(rep.Articles) != 1 {
		t.Errorf("second run: %s, %d articles", rep.Summary(), len(rep.Articles))
	}
}

// Bullet 8: a write failure part-way through an article left new and old
// outputs of that article mixed.
func TestAFailedWriteLeavesTheEarlierOutputsWhole(t *testing.T) {
	src, dst := folders(t, "alpha")
	opts := Options{Sources: []string{src}, OutDir: dst, Formats: quick}
	build(t, opts)
	dir := filepath.Join(dst, "alpha-vs-other")
	before, _ := os.ReadFile(filepath.Join(dir, "alpha-vs-other.xlsx"))
	os.WriteFile(filepath.Join(src, "alpha.md"), []byte(article("Alpha")+"| Cost | more | less |\n"), 0o644)
	csv := filepath.Join(dir, "alpha-vs-other.csv")
	os.Remove(csv)
	os.MkdirAll(filepath.Join(csv, "blocker"), 0o755) // the .csv cannot be replaced
	rep := build(t, opts)
	after, _ := os.ReadFile(filepath.Join(dir, "alpha-vs-other.xlsx"))
	if rep.Failed != 1 || !bytes.Equal(before, after) {
		t.Errorf("%s; the spreadsheet changed although its article failed: %v", rep.Summary(), !bytes.Equal(before, after))
	}
}

// Bullet 9: the same file named two ways failed as a duplicate of itself.
func TestTheSameFileNamedTwoWaysIsBuiltOnce(t *testing.T) {
	src, dst := folders(t, "alpha")
	file := filepath.Join(src, "alpha.md")
	twice := filepath.Join(src, "..", "src", "alpha.md")
	link := filepath.Join(src, "link.md")
	os.Symlink(file, link)
	rep := build(t, Options{Sources: []string{src, file, twice, link}, OutDir: dst, Formats: quick})
	if rep.Built != 1 || rep.Failed != 0 {
		t.Errorf("%s: %+v", rep.Summary(), rep.Articles)
	}
}
