package main

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

const seedTxt = "../../examples/software-engineer-vs-platform-sre.txt"

func run(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var o, e bytes.Buffer
	code = Main(args, &o, &e)
	return code, o.String(), e.String()
}

func TestInspectJSONSeed(t *testing.T) {
	code, out, errOut := run(t, "inspect", "--json", seedTxt)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var got map[string]any
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	// The fields scripts have relied on since the first release, then the
	// ones added for site-generator Markdown and web pages.
	keys := []string{"slug", "title", "subtitle", "updated", "author", "lead", "table", "sections", "terms", "figure", "disclaimer", "warnings",
		"keywords", "ignored_keys", "draft", "notes", "lead_lists", "takeaways"}
	if len(got) != len(keys) {
		t.Errorf("JSON has %d fields, want exactly %d", len(got), len(keys))
	}
	for _, k := range keys {
		if _, ok := got[k]; !ok {
			t.Errorf("JSON lacks %q", k)
		}
	}
	if got["updated"] != "2025-04-21" || got["author"] != "Author" || got["title"] != "Software Engineer vs. Platform SRE" {
		t.Errorf("fields: %v %v %v", got["updated"], got["author"], got["title"])
	}
	table := got["table"].(map[string]any)
	if !reflect.DeepEqual(table["subjects"], []any{"Software Engineer", "Platform SRE"}) || len(table["rows"].([]any)) != 7 {
		t.Errorf("table: %v", table)
	}
	if w := got["warnings"].([]any); len(w) != 0 {
		t.Errorf("warnings: %v", w)
	}
}

func TestInspectReadable(t *testing.T) {
	code, out, _ := run(t, "inspect", seedTxt)
	if code != 0 || !strings.Contains(out, "Typical Metrics") || !strings.Contains(out, "Platform SRE: System uptime") {
		t.Errorf("exit %d, output:\n%s", code, out)
	}
}

func TestConvertWritesEquivalentMarkdown(t *testing.T) {
	dir := t.TempDir()
	md := filepath.Join(dir, "seed.md")
	if code, _, e := run(t, "convert", seedTxt, "-o", md); code != 0 {
		t.Fatalf("convert: exit %d: %s", code, e)
	}
	_, fromTxt, _ := run(t, "inspect", "--json", seedTxt)
	_, fromMd, _ := run(t, "inspect", "--json", md)
	if fromTxt != fromMd {
		t.Errorf("inspect differs between the .txt and its conversion:\n%s\n%s", fromTxt, fromMd)
	}
	want, _ := os.ReadFile("../../examples/software-engineer-vs-platform-sre.md")
	got, _ := os.ReadFile(md)
	if !bytes.Equal(got, want) {
		t.Error("examples/software-engineer-vs-platform-sre.md is stale: regenerate it with triptych convert")
	}
}

func TestErrorsAndExitCodes(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.txt")
	os.WriteFile(empty, nil, 0o644)
	cases := []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"inspect", empty}, 1, empty + ": empty article"},
		{[]string{"inspect"}, 2, "accepts 1 arg"},
		{[]string{"build", "--bogus"}, 2, "unknown flag"},
		{[]string{"build", "--formats", "gif"}, 2, `unknown format "gif"`},
		{[]string{"inspect", filepath.Join(dir, "missing.md")}, 1, "no such file"},
	}
	for _, c := range cases {
		code, _, errOut := run(t, c.args...)
		if code != c.code || !strings.Contains(errOut, c.msg) {
			t.Errorf("%v: exit %d, stderr %q; want exit %d and %q", c.args, code, errOut, c.code, c.msg)
		}
		if strings.Contains(errOut, "panic") {
			t.Errorf("%v: panicked", c.args)
		}
	}
}

func TestHelpForEveryCommand(t *testing.T) {
	for _, c := range []string{"build", "inspect", "convert", "version"} {
		code, out, _ := run(t, c, "--help")
		if code != 0 || !strings.Contains(out, "Usage:") {
			t.Errorf("%s --help: exit %d\n%s", c, code, out)
		}
	}
}

func TestBuildDefaultArticle(t *testing.T) {
	dir := t.TempDir()
	code, out, errOut := run(t, "build", "-o", dir, "--formats", "png")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, f := range []string{"software-engineer-vs-platform-sre.png", "software-engineer-vs-platform-sre.alt.txt"} {
		if info, err := os.Stat(filepath.Join(dir, "software-engineer-vs-platform-sre", f)); err != nil || info.Size() == 0 {
			t.Errorf("%s: %v", f, err)
		}
	}
	if !strings.Contains(out, "1 built, 0 skipped, 0 failed") {
		t.Errorf("output: %s", out)
	}
}

func TestBuildOptionErrors(t *testing.T) {
	for _, args := range [][]string{
		{"build", "--size", "huge"}, {"build", "--theme", "neon"}, {"build", "--scale", "4"},
		{"build", "--accents", "blue"}, {"build", "--config", "/nonexistent/triptych.yaml"},
	} {
		if code, _, errOut := run(t, args...); code != 2 {
			t.Errorf("%v: exit %d, want 2 (%s)", args, code, errOut)
		}
	}
}

func TestBuildBadArticleDoesNotStopOthers(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "src")
	os.MkdirAll(src, 0o755)
	good, _ := os.ReadFile(seedTxt)
	os.WriteFile(filepath.Join(src, "good.txt"), good, 0o644)
	os.WriteFile(filepath.Join(src, "bad.txt"), []byte("A vs B\n\nAspect\tA\tB\nGoal\tonly\n"), 0o644)
	code, out, errOut := run(t, "build", src, "-o", filepath.Join(dir, "out"), "--formats", "png")
	if code != 1 || !strings.Contains(errOut, "bad.txt:4: table row has 1 cell, expected 2") || !strings.Contains(out, "1 built, 0 skipped, 1 failed") {
		t.Errorf("exit %d\nstdout %s\nstderr %s", code, out, errOut)
	}
	if _, err := os.Stat(filepath.Join(dir, "out", "software-engineer-vs-platform-sre", "software-engineer-vs-platform-sre.png")); err != nil {
		t.Error("the good article was not built")
	}
}

func TestConfigFileAndFlagsWin(t *testing.T) {
	dir := t.TempDir()
	cfg := filepath.Join(dir, "t.yaml")
	os.WriteFile(cfg, []byte("size: og\nformats: png\n"), 0o644)
	out := filepath.Join(dir, "out")
	if code, _, e := run(t, "build", "--config", cfg, "-o", out); code != 0 {
		t.Fatalf("exit %d: %s", code, e)
	}
	data, _ := os.ReadFile(filepath.Join(out, "software-engineer-vs-platform-sre", "software-engineer-vs-platform-sre.png"))
	if len(data) < 24 || data[16] != 0 || data[19] != 0xB0 || data[23] != 0x76 { // 1200 = 0x4B0, 630 = 0x276
		t.Errorf("config size og not applied")
	}
	os.WriteFile(cfg, []byte("bogus: 1\n"), 0o644)
	if code, _, e := run(t, "build", "--config", cfg, "-o", out); code != 2 || !strings.Contains(e, "bogus") {
		t.Errorf("unknown config key: exit %d %s", code, e)
	}
}

// zipHolds reports whether any member of a zip file contains s.
func zipHolds(t *testing.T, path, s string) bool {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, _ := io.ReadAll(rc)
		rc.Close()
		if strings.Contains(string(data), s) {
			return true
		}
	}
	return false
}
