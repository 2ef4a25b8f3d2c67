package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/triptych/triptych/internal/readers"
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

// File names were printed raw: an ESC or a newline in a name reached the
// terminal and could forge log lines; the JSON report turned a name that
// is not UTF-8 into U+FFFD. Names are now quoted when they hold such
// characters, and the report keeps the raw bytes.
func TestNamesArePrintedSafely(t *testing.T) {
	dir := t.TempDir()
	src, err := os.ReadFile(seedTxt)
	if err != nil {
		t.Fatal(err)
	}
	evil := filepath.Join(dir, "a\x1b[31mred\nbuilt   forged.txt")
	os.WriteFile(evil, []byte("not an article"), 0o644)
	bad := filepath.Join(dir, "caf\xe9.txt")
	os.WriteFile(bad, src, 0o644)
	code, out, errOut := run(t, "build", dir, "-o", filepath.Join(dir, "out"))
	all := out + errOut
	if code != 1 || strings.Contains(all, "\x1b") || strings.Contains(all, "\nbuilt   forged.txt") {
		t.Errorf("exit %d; output holds raw control characters:\n%q", code, all)
	}
	if !strings.Contains(all, `\x1b[31mred\nbuilt`) {
		t.Errorf("the name is not shown escaped:\n%q", all)
	}
	code, out, _ = run(t, "build", bad, "-o", filepath.Join(dir, "out2"), "--json")
	if code != 0 || !strings.Contains(out, `"source_bytes": "Y2Fm6S50eHQ="`) {
		t.Errorf("exit %d; the JSON report lacks the raw name:\n%s", code, out)
	}
}

// --pdfa and "pdfa: true" make the handout declare PDF/A-2b in its XMP;
// without either it declares nothing.
func TestPDFAFlagAndOption(t *testing.T) {
	dir := t.TempDir()
	cfg := filepath.Join(dir, "triptych.yaml")
	if err := os.WriteFile(cfg, []byte("pdfa: true\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	std := filepath.Join(dir, "standard.yaml")
	if err := os.WriteFile(std, []byte("pdf:\n  standard: pdfa-2b\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	bad := filepath.Join(dir, "bad.yaml")
	if err := os.WriteFile(bad, []byte("pdf:\n  standard: pdfx-4\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, errOut := run(t, "build", seedTxt, "-o", filepath.Join(dir, "bad"), "--config", bad); code == 0 || !strings.Contains(errOut, "use pdfa-2b or none") {
		t.Errorf("pdf standard pdfx-4: exit %d, %q", code, errOut)
	}
	for name, args := range map[string][]string{
		"flag":     {"--pdfa"},
		"option":   {"--config", cfg},
		"standard": {"--config", std},
		"none":     {},
	} {
		o := filepath.Join(dir, name)
		code, _, errOut := run(t, append([]string{"build", seedTxt, "-o", o, "--formats", "pdf"}, args...)...)
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", name, code, errOut)
		}
		pdfs, _ := filepath.Glob(filepath.Join(o, "*", "*.pdf"))
		if len(pdfs) != 1 {
			t.Fatalf("%s: %d PDFs", name, len(pdfs))
		}
		data, err := os.ReadFile(pdfs[0])
		if err != nil {
			t.Fatal(err)
		}
		claims := bytes.Contains(data, []byte("<pdfaid:part>2</pdfaid:part>")) && bytes.Contains(data, []byte("/GTS_PDFA1"))
		if claims != (name != "none") {
			t.Errorf("%s: the handout claims PDF/A: %v", name, claims)
		}
	}
}

// TestLangFlagAndOption: --lang (or lang: in triptych.yaml) is the
// language of articles that do not say: the PDF declares it and, not
// being English, the handout is not hyphenated; an article's own lang:
// wins; a value that is no language tag is a usage error.
func TestLangFlagAndOption(t *testing.T) {
	dir := t.TempDir()
	cfg := filepath.Join(dir, "triptych.yaml")
	if err := os.WriteFile(cfg, []byte("lang: de-CH\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	english := filepath.Join(dir, "english.md")
	src, err := os.ReadFile("../../examples/software-engineer-vs-platform-sre.md")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(english, bytes.Replace(src, []byte("---\n"), []byte("---\nlang: en-GB\n"), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	handout := func(name string, args ...string) string {
		o := filepath.Join(dir, name)
		code, _, errOut := run(t, append([]string{"build", "-o", o, "--formats", "pdf"}, args...)...)
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", name, code, errOut)
		}
		pdfs, _ := filepath.Glob(filepath.Join(o, "*", "*.pdf"))
		if len(pdfs) != 1 {
			t.Fatalf("%s: %d PDFs", name, len(pdfs))
		}
		return pdfs[0]
	}
	for name, c := range map[string]struct {
		args       []string
		lang       string
		hyphenated bool
	}{
		"default": {[]string{seedTxt}, "en", true},
		"flag":    {[]string{seedTxt, "--lang", "DE"}, "de", false},
		"option":  {[]string{seedTxt, "--config", cfg}, "de-CH", false},
		"article": {[]string{english, "--lang", "fr"}, "en-GB", true},
	} {
		pdf := handout(name, c.args...)
		data, err := os.ReadFile(pdf)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(data, []byte("/Lang ("+c.lang+")")) {
			t.Errorf("%s: the PDF does not declare /Lang (%s)", name, c.lang)
		}
		// A word broken by an inserted hyphen is said whole through an
		// /ActualText span, which the decompressed content streams show.
		plain := filepath.Join(dir, name+".qdf.pdf")
		readers.Run(t, "qpdf", "--qdf", "--object-streams=disable", pdf, plain)
		qdf, err := os.ReadFile(plain)
		if err != nil {
			t.Fatal(err)
		}
		hyphens := bytes.Count(qdf, []byte("/ActualText"))
		if (hyphens > 0) != c.hyphenated {
			t.Errorf("%s: %d words broken by a hyphen; hyphenated should be %v", name, hyphens, c.hyphenated)
		}
	}
	if code, _, errOut := run(t, "build", seedTxt, "-o", filepath.Join(dir, "bad"), "--lang", "not a language"); code != 2 || !strings.Contains(errOut, "language tag") {
		t.Errorf("--lang with no language tag: exit %d, %q", code, errOut)
	}
}
