package out

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestTargetStaysInsideTheFolder(t *testing.T) {
	root := t.TempDir()
	if p, err := Target(root, "my-slug", ".png"); err != nil || p != filepath.Join(root, "my-slug", "my-slug.png") {
		t.Errorf("Target = %q, %v", p, err)
	}
	for _, slug := range []string{"", ".", "..", "../x", "a/b", `a\b`, ".hidden", "x\x00y"} {
		if _, err := Target(root, slug, ".png"); !errors.Is(err, ErrEscapes) {
			t.Errorf("slug %q: err = %v", slug, err)
		}
	}
}

func TestWriteFileReplacesAtomicallyAndCleansUp(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "sub", "f.txt")
	for _, content := range []string{"first", "second"} {
		if err := WriteFile(p, []byte(content)); err != nil {
			t.Fatal(err)
		}
		if got, _ := os.ReadFile(p); string(got) != content {
			t.Errorf("read %q, want %q", got, content)
		}
	}
	entries, _ := os.ReadDir(filepath.Dir(p))
	if len(entries) != 1 {
		t.Errorf("left %d files, want 1", len(entries))
	}
	os.WriteFile(filepath.Join(dir, TempPrefix+"f.txt-123"), []byte("partial"), 0o644)
	if n, err := CleanTemps(dir, Shard{}); err != nil || n != 1 {
		t.Errorf("CleanTemps = %d, %v", n, err)
	}
	// A write into a folder that cannot be created fails without a trace.
	blocker := filepath.Join(dir, "file")
	os.WriteFile(blocker, nil, 0o644)
	if err := WriteFile(filepath.Join(blocker, "x.txt"), []byte("x")); err == nil {
		t.Error("writing under a file succeeded")
	}
}

func TestManifestRoundTripJournalAndFreshness(t *testing.T) {
	dir := t.TempDir()
	data := []byte("output bytes")
	WriteFile(filepath.Join(dir, "a", "a.png"), data)
	info, _ := os.Stat(filepath.Join(dir, "a", "a.png"))
	e := &Entry{Source: "a.md", Slug: "a", Status: "ok", Outputs: []Output{{Path: "a/a.png", Size: int64(len(data)), SHA256: HashBytes(data), ModTime: info.ModTime().UnixNano()}}}
	m := NewManifest("1")
	m.Articles["a.md"] = e
	mp := filepath.Join(dir, "manifest.json")
	if err := m.Write(mp); err != nil {
		t.Fatal(err)
	}
	back, err := ReadManifest(mp, "1")
	if err != nil || back.Articles["a.md"].Outputs[0].SHA256 != HashBytes(data) {
		t.Fatalf("read back %+v, %v", back, err)
	}
	if !back.Articles["a.md"].Fresh(dir) {
		t.Error("an intact output is not fresh")
	}
	os.WriteFile(filepath.Join(dir, "a", "a.png"), []byte("tampered!!!!"), 0o644)
	if back.Articles["a.md"].Fresh(dir) {
		t.Error("a changed output of the same size is still fresh")
	}
	os.WriteFile(mp, []byte("{"), 0o644)
	if m, err := ReadManifest(mp, "1"); err == nil || len(m.Articles) != 0 {
		t.Errorf("a damaged manifest: %v, %d entries", err, len(m.Articles))
	}
	jp := filepath.Join(dir, "journal")
	j, _ := OpenJournal(jp)
	j.Append(e)
	j.Close()
	f, _ := os.OpenFile(jp, os.O_APPEND|os.O_WRONLY, 0)
	f.WriteString(`{"source":"torn`)
	f.Close()
	m2 := NewManifest("1")
	if err := Replay(m2, jp); err != nil || len(m2.Articles) != 1 {
		t.Errorf("replay: %v, %d entries", err, len(m2.Articles))
	}
}

func TestLockIsExclusive(t *testing.T) {
	dir := t.TempDir()
	unlock, err := Lock(dir, Shard{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Lock(dir, Shard{}); !errors.Is(err, ErrLocked) || !strings.Contains(err.Error(), "in use") {
		t.Errorf("second lock: %v", err)
	}
	unlock()
	again, err := Lock(dir, Shard{})
	if err != nil {
		t.Fatalf("after unlock: %v", err)
	}
	again()
}
