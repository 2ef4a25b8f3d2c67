package main

import (
	"bytes"
	"encoding/json"
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
	keys := []string{"slug", "title", "subtitle", "updated", "author", "lead", "table", "sections", "terms", "figure", "disclaimer", "warnings"}
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
