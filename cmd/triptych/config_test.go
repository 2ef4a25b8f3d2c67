package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// The options file was read without bounds: --config /dev/zero reached
// 840 MB in 3 s and a FIFO hung. Only a regular file of at most 64 KiB is
// read now.
func TestOptionsFileIsBounded(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo.yaml")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "triptych.yaml")
	os.Symlink("/dev/zero", link)
	big := filepath.Join(dir, "big.yaml")
	os.WriteFile(big, []byte("theme: light\n"+strings.Repeat("# padding\n", 8000)), 0o644)
	for _, cfg := range []string{"/dev/zero", fifo, link, big} {
		code, _, errOut := run(t, "build", seedTxt, "-o", filepath.Join(dir, "out"), "--config", cfg)
		if code != 2 || !(strings.Contains(errOut, "regular file") || strings.Contains(errOut, "larger than 64 KiB")) {
			t.Errorf("--config %s: exit %d, %q", cfg, code, errOut)
		}
	}
}

// A brand in the options file replaces "Made with triptych"; its logo must
// stay inside the options file's folder.
func TestOptionsFileBrand(t *testing.T) {
	dir := t.TempDir()
	cfg := filepath.Join(dir, "triptych.yaml")
	os.WriteFile(cfg, []byte("brand:\n  name: Acme Careers\n  logo: ../outside.png\ntypography: plain\n"), 0o644)
	code, _, errOut := run(t, "build", seedTxt, "-o", filepath.Join(dir, "out"), "--config", cfg, "--formats", "png")
	if code != 2 || !strings.Contains(errOut, "brand logo ../outside.png") {
		t.Errorf("logo outside: exit %d, %q", code, errOut)
	}
	os.WriteFile(cfg, []byte("brand:\n  name: Acme Careers\n"), 0o644)
	if code, _, errOut := run(t, "build", seedTxt, "-o", filepath.Join(dir, "out"), "--config", cfg, "--formats", "png"); code != 0 {
		t.Errorf("brand name: exit %d, %q", code, errOut)
	}
	if code, _, errOut := run(t, "build", seedTxt, "-o", filepath.Join(dir, "out2"), "--typography", "fancy"); code != 2 || !strings.Contains(errOut, "use smart or plain") {
		t.Errorf("--typography fancy: exit %d, %q", code, errOut)
	}
}
