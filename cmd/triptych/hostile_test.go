package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"

	"github.com/triptych/triptych/content"
)

// hostileCases are the inputs of RELIABILITY.md section 3, each with its
// expected outcome through the whole command line: an error naming the
// file (and line) with no output, or success, possibly with a warning.
var hostileCases = []struct {
	name, file, data string
	fails            bool   // the article fails
	want             string // a substring of its error or of a warning ("" for none)
}{
	// Front matter and YAML.
	{"billion laughs", "laughs.md", "---\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\ntitle: x\n---\n", true, "laughs.md:2: YAML anchors and aliases are not allowed"},
	{"deep flow list", "deep.md", "---\ntitle: " + strings.Repeat("[", 20000) + "\n---\n", true, "deep.md:1: front matter: exceeded max depth"},
	{"deep flow map", "deepmap.md", "---\ntitle: " + strings.Repeat("{", 20000) + "\n---\n", true, "deepmap.md:1: front matter: exceeded max depth"},
	{"huge front matter", "big.md", "---\ntitle: x\n" + strings.Repeat("#"+strings.Repeat("a", 99)+"\n", 700) + "---\n", true, "big.md:1: front matter larger than 64.0 KiB"},
	{"bom", "bom.md", "\xEF\xBB\xBF---\ntitle: Bom vs Less\n---\n\n| Aspect | Bom | Less |\n|---|---|---|\n| Goal | x | y |\n", false, ""},
	{"crlf", "crlf.md", "---\r\ntitle: Crlf vs Lf\r\n---\r\n\r\n| Aspect | Crlf | Lf |\r\n|---|---|---|\r\n| Goal | x | y |\r\n", false, ""},
	{"unclosed", "unclosed.md", "---\ntitle: x\n", true, "unclosed.md:1: front matter is not closed"},
	{"duplicate key", "dup.md", "---\ntitle: a\ntitle: b\n---\n", true, "dup.md:3: key \"title\" is given twice"},
	{"tab indent", "tab.md", "---\ntitle: a\n\tauthor: b\n---\n", true, "tab.md:3: front matter"},
	{"key of the wrong shape", "shape.md", "---\ntitle: a\nauthor: {x: 1}\n---\n", true, "shape.md:3: \"author\" must be a name"},
	{"bad date", "date.md", "---\ntitle: a\n\n\ndate: 2024-02-30\n---\n", true, "date.md:5: date \"2024-02-30\" is not a valid date"},
	{"list where text", "tags.md", "---\ntitle: [a, b]\n---\n", true, "tags.md:2: \"title\" must be a single value"},
	{"nul in front matter", "nul.md", "---\ntitle: a\x00b\n---\n", true, "nul.md: not a text file"},
	{"slug escape", "slug.md", "---\ntitle: Slug vs Path\nslug: ../../pwned\n---\n\n| Aspect | Slug | Path |\n|---|---|---|\n| Goal | x | y |\n", false, "slug \"../../pwned\" is not safe"},
	{"slug dot", "dot.md", "---\ntitle: Dot vs Slug\nslug: \".\"\n---\n\n| Aspect | Dot | Slug |\n|---|---|---|\n| Goal | x | y |\n", false, "is not safe as a file name"},
	// Markdown body.
	{"deep list", "list.md", "---\ntitle: a\n---\n" + strings.Repeat("- ", 3000) + "x\n", true, "list.md:4: nesting deeper than 32"},
	{"deep quote", "quote.md", "---\ntitle: a\n---\n" + strings.Repeat(">", 60000) + " x\n", true, "quote.md:4: nesting deeper than 32"},
	{"nested list lines", "nested.md", "---\ntitle: a\n---\n" + nestedList(200), true, "nesting deeper than 32"},
	{"emphasis storm", "emph.md", "---\ntitle: Emph vs Storm\n---\n\n" + strings.Repeat(strings.Repeat("*a_b*c_d**e_f*g**h*i_j** ", 40)+"\n", 60) + "\n| Aspect | Emph | Storm |\n|---|---|---|\n| Goal | x | y |\n", false, ""},
	{"brackets", "brackets.md", "---\ntitle: a\n---\n" + strings.Repeat("[", 50000) + strings.Repeat("]", 50000) + "\n", true, "brackets.md:4: line is"},
	{"raw html", "html.md", "---\ntitle: Html vs Text\n---\n\n<script>alert(1)</script>\n\nText <img src=\"file:///etc/passwd\"> here.\n\n| Aspect | Html | Text |\n|---|---|---|\n| Goal | x | y |\n", false, ""},
	{"dangerous links", "links.md", "---\ntitle: Links vs Text\nsource_url: javascript:alert(1)\n---\n\n[cv](javascript:alert(1)) [cv](JaVaScRiPt:x) [cv](\\\\\\\\attacker.invalid\\\\s)\n\n| Aspect | Links | Text |\n|---|---|---|\n| Goal | x | y |\n", false, ""},
	{"wide table", "wide.md", "---\ntitle: a\n---\n\n" + "|" + strings.Repeat(" c |", 10000) + "\n|" + strings.Repeat("-|", 10000) + "\n", true, "wide.md:5: table compares 9999 subjects"},
	{"giant word", "word.md", "---\ntitle: a\n---\n\n" + strings.Repeat("w", 200000) + "\n", true, "word.md:5: line is"},
	{"many bullets", "bullets.md", "---\ntitle: Many vs Bullets\n---\n\n| Aspect | Many | Bullets |\n|---|---|---|\n| Goal | x | y |\n\n" + strings.Repeat("- item\n", 100000), true, "bullets.md: the handout would have"},
	{"big body", "body.md", "---\ntitle: a\n---\n" + strings.Repeat("words and words\n", 80000), true, "body.md:4: body larger than 1.0 MiB"},
	// Scraped plain text.
	{"long line", "line.txt", "A vs B\n" + strings.Repeat("x", 200000) + "\n", true, "line.txt:2: line is"},
	{"utf16", "utf16.txt", utf16le("U vs V\n\nAspect\tU\tV\nGoal\tx\ty\n"), false, "the file is UTF-16"},
	{"windows-1252", "cp.txt", "Caf\xe9 vs Bar\n\nAspect\tCaf\xe9\tBar\nGoal\tx\ty\n", false, "cp.txt:1: invalid UTF-8"},
	{"mixed line ends", "mixed.txt", "Mixed vs Ends\r\n\rAspect\tMixed\tEnds\nGoal\tx\ty\r\n", false, ""},
	{"nul bytes", "nul.txt", "A vs B\x00\x00\n", true, "nul.txt: not a text file"},
	{"empty", "empty.txt", "", true, "empty.txt: empty article"},
	{"whitespace", "blank.txt", " \n\t\n  \n", true, "blank.txt: empty article"},
	{"no table", "notable.txt", "Title Only vs Nothing\n\nJust a paragraph.\n", true, "notable.txt:3: no comparison table"},
	{"short row", "short.txt", "A vs B\n\nAspect\tA\tB\nGoal\tonly\n", true, "short.txt:4: table row has 1 cell, expected 2"},
	// Spreadsheet and rendering.
	{"formula title", "formula.md", "---\ntitle: \"=HYPERLINK(\\\"http://x.invalid\\\",\\\"cv\\\") vs B\"\nauthor: \"@SUM(1,1)\"\n---\n\n| Aspect | =A | +B |\n|---|---|---|\n| -Goal | =1+1 | @x |\n", false, ""},
	{"huge paragraph", "para.md", "---\ntitle: Huge vs Para\n---\n\n" + strings.Repeat("A sentence of the lead. ", 1700) + "\n\n| Aspect | Huge | Para |\n|---|---|---|\n| Goal | x | y |\n", false, ""},
	{"control characters", "ctl.md", "---\ntitle: \"Ctl\\x01\\x0b\\x1b vs Chars\"\n---\n\n| Aspect | Ctl | Chars |\n|---|---|---|\n| Goal | x | y |\n", false, "removed invisible control characters"},
	{"illegal sheet names", "sheet.md", "---\ntitle: \"Q3: results/[draft]? vs q3 RESULTS draft\"\n---\n\n| Aspect | Q3: results/[draft]? | q3 RESULTS draft |\n|---|---|---|\n| Goal | x | y |\n", false, ""},
	{"emoji and cjk", "emoji.md", "---\ntitle: Deploy 🚀 漢字 — “q” vs Rollback\n---\n\n| Aspect | Deploy 🚀 | Rollback |\n|---|---|---|\n| Goal | 漢字 | y |\n", false, "have no glyph for"},
	{"combining flood and bidi", "bidi.md", "---\ntitle: \"Z\u0336\u0337\u0338\u0300\u0301\u0302\u0303\u0304\u0305\u0306 \u202eevil vs Good\"\n---\n\n| Aspect | Evil | Good |\n|---|---|---|\n| Goal | x | y |\n", false, "removed invisible control characters"},
	{"cell over limit", "cell.md", "---\ntitle: a\n---\n\n| Aspect | A | B |\n|---|---|---|\n| Goal | " + strings.Repeat("c", 2001) + " | y |\n", true, "cell.md:7: table cell is 2001 characters long"},
	{"too many rows", "rows.md", "---\ntitle: a\n---\n\n| Aspect | A | B |\n|---|---|---|\n" + strings.Repeat("| R | x | y |\n", content.MaxRows+1), true, fmt.Sprintf("rows.md:%d: table has %d rows", content.MaxRows+7, content.MaxRows+1)},
}

func nestedList(n int) string {
	var b strings.Builder
	for i := range n {
		b.WriteString(strings.Repeat("  ", i) + "- x\n")
	}
	return b.String()
}

func utf16le(s string) string {
	b := []byte{0xFF, 0xFE}
	for _, r := range s {
		b = append(b, byte(r), byte(r>>8))
	}
	return string(b)
}

// articleJSON is one article of the --json report.
type articleJSON struct {
	Source, Slug, Status, Error string
	Warnings                    []string
	Files                       []string
}

var locatedError = regexp.MustCompile(`^error: [^ ]+\.(md|txt)(:\d+)?: `)

// TestHostileInputsThroughTheCLI runs each hostile input next to a good
// article: each gets its expected outcome, the good one is always built,
// nothing panics and no partial or temporary file remains.
func TestHostileInputsThroughTheCLI(t *testing.T) {
	if len(hostileCases) < 40 {
		t.Fatalf("only %d hostile cases", len(hostileCases))
	}
	good, err := os.ReadFile(seedTxt)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range hostileCases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			src, dst := filepath.Join(dir, "src"), filepath.Join(dir, "out")
			os.MkdirAll(src, 0o755)
			os.WriteFile(filepath.Join(src, "good.txt"), good, 0o644)
			os.WriteFile(filepath.Join(src, c.file), []byte(c.data), 0o644)
			code, stdout, stderr := run(t, "build", src, "-o", dst, "--json")
			if strings.Contains(stderr, "panic") || strings.Contains(stderr, "goroutine") {
				t.Fatalf("panic:\n%s", stderr)
			}
			var rep struct{ Articles []articleJSON }
			if err := json.Unmarshal([]byte(stdout), &rep); err != nil {
				t.Fatalf("report: %v\n%s\n%s", err, stdout, stderr)
			}
			var hostile, goodRep *articleJSON
			for i := range rep.Articles {
				a := &rep.Articles[i]
				if strings.HasSuffix(a.Source, c.file) {
					hostile = a
				} else {
					goodRep = a
				}
			}
			if goodRep == nil || goodRep.Status != "built" {
				t.Errorf("the good article was not built: %+v", goodRep)
			}
			if hostile == nil {
				t.Fatalf("no report for %s", c.file)
			}
			if c.fails {
				if code != 1 || hostile.Status != "failed" || !strings.Contains(hostile.Error, c.want) {
					t.Errorf("exit %d, status %s, error %q; want failure with %q", code, hostile.Status, hostile.Error, c.want)
				}
				if !locatedError.MatchString("error: " + hostile.Error) {
					t.Errorf("error %q does not start with path[:line]", hostile.Error)
				}
				if hostile.Slug != "" && hostile.Slug != goodRep.Slug {
					if _, err := os.Stat(filepath.Join(dst, hostile.Slug)); err == nil {
						t.Errorf("outputs written for the failed article %s", hostile.Slug)
					}
				}
			} else {
				if code != 0 || hostile.Status != "built" {
					t.Fatalf("exit %d, status %s, error %q; want success", code, hostile.Status, hostile.Error)
				}
				if c.want != "" && !strings.Contains(strings.Join(hostile.Warnings, "\n"), c.want) {
					t.Errorf("warnings %q lack %q", hostile.Warnings, c.want)
				}
				for _, f := range hostile.Files {
					if info, err := os.Stat(filepath.Join(dst, f)); err != nil || info.Size() == 0 {
						t.Errorf("%s: %v", f, err)
					}
					if rel, err := filepath.Rel(dst, filepath.Join(dst, f)); err != nil || strings.HasPrefix(rel, "..") {
						t.Errorf("%s escapes the output folder", f)
					}
				}
			}
			filepath.WalkDir(dst, func(p string, d os.DirEntry, err error) error {
				if err == nil && strings.HasPrefix(d.Name(), ".triptych-tmp-") {
					t.Errorf("temporary file left: %s", p)
				}
				return nil
			})
		})
	}
}

// TestFIFOIsRefusedWithoutHanging: reading a FIFO would wait for a writer.
func TestFIFOIsRefusedWithoutHanging(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "pipe.md")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no FIFO here:", err)
	}
	code, _, stderr := run(t, "inspect", fifo)
	if code != 1 || !strings.Contains(stderr, "pipe.md: not a regular file") {
		t.Errorf("exit %d: %s", code, stderr)
	}
}

// TestOutputsLeakNothing builds from a folder whose path, user, host and
// home are marker values, then searches every output for them.
func TestOutputsLeakNothing(t *testing.T) {
	root := filepath.Join(t.TempDir(), "LEAKMARK-folder")
	os.MkdirAll(filepath.Join(root, "articles"), 0o755)
	good, _ := os.ReadFile(seedTxt)
	os.WriteFile(filepath.Join(root, "articles", "seed.txt"), good, 0o644)
	t.Setenv("USER", "LEAKMARKUSER")
	t.Setenv("LOGNAME", "LEAKMARKUSER")
	t.Setenv("HOSTNAME", "LEAKMARKHOST")
	t.Setenv("HOME", filepath.Join(root, "LEAKMARKHOME"))
	t.Chdir(root)
	host, _ := os.Hostname()
	if code, _, e := run(t, "build", "articles", "-o", "dist", "--formats", "png,pdf,xlsx,csv"); code != 0 {
		t.Fatalf("exit %d: %s", code, e)
	}
	markers := []string{"LEAKMARK", root}
	if len(host) > 3 {
		markers = append(markers, host)
	}
	count := 0
	filepath.WalkDir("dist", func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasPrefix(d.Name(), ".triptych") {
			return nil
		}
		count++
		data, _ := os.ReadFile(p)
		for _, m := range markers {
			if strings.Contains(string(data), m) {
				t.Errorf("%s holds %q", p, m)
			}
		}
		if strings.HasSuffix(p, ".xlsx") {
			for _, m := range markers {
				if zipHolds(t, p, m) {
					t.Errorf("%s holds %q inside", p, m)
				}
			}
		}
		return nil
	})
	if count < 5 {
		t.Errorf("only %d outputs searched", count)
	}
}
