// Package readers runs the independent programs that tests use to check
// outputs (poppler's pdftotext, pdfinfo and pdffonts, qpdf, Debian's
// python3 with openpyxl). A missing program skips the test on a developer
// machine and fails it in CI (CI=true), where .ci/deps installs them.
package readers

import (
	"bytes"
	"os"
	"os/exec"
	"testing"
)

// Python is Debian's interpreter, which sees python3-openpyxl even when
// another python3 comes first on PATH.
const Python = "/usr/bin/python3"

// Need returns the path of a program, or skips (fails in CI) without it.
func Need(t testing.TB, name string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is not installed: .ci/deps installs it", name)
		}
		t.Skipf("%s is not installed (make deps installs it)", name)
	}
	return path
}

// NeedOpenpyxl skips (fails in CI) when Debian's python3-openpyxl is missing.
func NeedOpenpyxl(t testing.TB) {
	t.Helper()
	if err := exec.Command(Python, "-c", "import openpyxl").Run(); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("python3-openpyxl is not installed: .ci/deps installs it")
		}
		t.Skip("python3-openpyxl is not installed (make deps installs it)")
	}
}

// Run runs a program on input files and returns its standard output,
// failing the test on a non-zero exit.
func Run(t testing.TB, name string, args ...string) string {
	t.Helper()
	path := Need(t, name)
	var out, errb bytes.Buffer
	cmd := exec.Command(path, args...)
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s %v: %v\n%s%s", name, args, err, out.String(), errb.String())
	}
	return out.String()
}

// WriteTemp writes data to a file in a test's temp folder.
func WriteTemp(t testing.TB, name string, data []byte) string {
	t.Helper()
	p := t.TempDir() + "/" + name
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// DroidFallback is the CJK TrueType font of Debian's fonts-droid-fallback,
// which tests use as a fallback font (--font).
const DroidFallback = "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"

// NeedFile returns the contents of a file a Debian package installs, or
// skips (fails in CI) without it.
func NeedFile(t testing.TB, path, pkg string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is missing: .ci/deps installs %s", path, pkg)
		}
		t.Skipf("%s is missing (make deps installs %s)", path, pkg)
	}
	return data
}

// DejaVuSans is the TrueType font of Debian's fonts-dejavu-core, which
// has the symbols (★ ✓ ☃) that Liberation and Droid Sans Fallback lack.
const DejaVuSans = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
