package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// convert -o replaced /dev/null, /dev/stdout and symlinks with regular
// files, created folders silently and overwrote its own source.
func TestConvertOutput(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "a.txt")
	seed, err := os.ReadFile(seedTxt)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(src, seed, 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, e := run(t, "convert", src, "-o", "/dev/null"); code != 0 {
		t.Errorf("-o /dev/null: exit %d %s", code, e)
	}
	if info, err := os.Lstat("/dev/null"); err != nil || info.Mode()&os.ModeCharDevice == 0 {
		t.Fatalf("/dev/null is no longer a device: %v", info.Mode())
	}
	if _, err := os.Stat("/dev/full"); err == nil {
		if code, _, e := run(t, "convert", src, "-o", "/dev/full"); code == 0 || !strings.Contains(e, "no space") {
			t.Errorf("-o /dev/full: exit %d %q", code, e)
		}
	}
	if code, _, e := run(t, "convert", src, "-o", src); code == 0 || !strings.Contains(e, "overwrite the article it reads") {
		t.Errorf("-o source: exit %d %q", code, e)
	}
	target := filepath.Join(dir, "target.md")
	os.WriteFile(target, []byte("keep"), 0o644)
	link := filepath.Join(dir, "link.md")
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
	if code, _, e := run(t, "convert", src, "-o", link); code == 0 || !strings.Contains(e, "symbolic link") {
		t.Errorf("-o symlink: exit %d %q", code, e)
	}
	if b, _ := os.ReadFile(target); string(b) != "keep" {
		t.Errorf("the symlink's target was written")
	}
	deep := filepath.Join(dir, "new", "folder", "a.md")
	if code, _, e := run(t, "convert", src, "-o", deep); code == 0 || !strings.Contains(e, "--parents") {
		t.Errorf("-o into a missing folder: exit %d %q", code, e)
	}
	if code, _, e := run(t, "convert", src, "-o", deep, "--parents"); code != 0 {
		t.Errorf("--parents: exit %d %q", code, e)
	}
	if b, err := os.ReadFile(deep); err != nil || !strings.HasPrefix(string(b), "---\ntitle:") {
		t.Errorf("--parents did not write the Markdown: %v", err)
	}
	if code, out, _ := run(t, "convert", src, "-o", "-"); code != 0 || !strings.HasPrefix(out, "---\n") {
		t.Errorf("-o -: exit %d", code)
	}
}
