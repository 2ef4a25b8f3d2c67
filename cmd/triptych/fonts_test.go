package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/triptych/triptych/internal/readers"
	"github.com/triptych/triptych/layout/fonts"
)

// TestFontFlagAndOption: --font and "fonts:" in triptych.yaml add fallback
// fonts in order; the build then warns only of the characters no font
// has, and a file that is not a usable font is a usage error naming it.
func TestFontFlagAndOption(t *testing.T) {
	readers.NeedFile(t, readers.DroidFallback, "fonts-droid-fallback")
	t.Cleanup(func() { fonts.SetFallbacks(nil) })
	dir := t.TempDir()
	article := filepath.Join(dir, "runes.md")
	// ᚠ (runic) is in no font here: not Liberation, not Droid.
	src := "---\ntitle: 抹茶 vs ほうじ茶\n---\n\n| 項目 | 抹茶 | ほうじ茶 |\n|---|---|---|\n| 香り | 青い ᚠ | 香ばしい |\n"
	if err := os.WriteFile(article, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(readers.DroidFallback, filepath.Join(dir, "droid.ttf")); err != nil {
		t.Fatal(err)
	}
	cfg := filepath.Join(dir, "triptych.yaml")
	if err := os.WriteFile(cfg, []byte("fonts:\n  - droid.ttf\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for name, args := range map[string][]string{
		"flag":   {"--font", readers.DroidFallback},
		"option": {"--config", cfg},
	} {
		code, out, errOut := run(t, append([]string{"build", article, "-o", filepath.Join(dir, name), "--json"}, args...)...)
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", name, code, errOut)
		}
		if !strings.Contains(out, `no font, embedded or added with --font, has a glyph for \"ᚠ\" (U+16A0)`) {
			t.Errorf("%s: no warning naming the one character no font has:\n%s", name, out)
		}
		if strings.Contains(out, "抹") || strings.Contains(out, "U+9999") {
			t.Errorf("%s: a warning names a character the fallback font draws:\n%s", name, out)
		}
	}
	code, out, _ := run(t, "build", article, "-o", filepath.Join(dir, "none"), "--json")
	if code != 0 || !strings.Contains(out, "--font adds a font that has them") || !strings.Contains(out, "U+62B9") {
		t.Errorf("without --font: exit %d, the warning should name 抹 (U+62B9) and point to --font:\n%s", code, out)
	}

	notFont := filepath.Join(dir, "notes.ttf")
	if err := os.WriteFile(notFont, []byte("not a font at all, just some words"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := run(t, "build", article, "-o", filepath.Join(dir, "bad"), "--font", notFont)
	if code != 2 || !strings.Contains(errOut, notFont) || !strings.Contains(errOut, "not a TrueType font") {
		t.Errorf("--font with a text file: exit %d, %q", code, errOut)
	}
	if _, err := os.Stat(filepath.Join(dir, "bad")); err == nil {
		t.Error("a usage error still created the output folder")
	}
}
