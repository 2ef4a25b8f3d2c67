package content

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

const seedPath = "../examples/software-engineer-vs-platform-sre.txt"

func mustLoad(t *testing.T, path string) *Article {
	t.Helper()
	a, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func TestSeedArticle(t *testing.T) {
	a := mustLoad(t, seedPath)
	check := func(name, got, want string) {
		t.Helper()
		if got != want {
			t.Errorf("%s = %q, want %q", name, got, want)
		}
	}
	check("title", a.Title, "Software Engineer vs. Platform SRE")
	check("subtitle", a.Subtitle, "Which Role Is Best for Infrastructure Support in Development?")
	check("updated", a.Date(), "2025-04-21")
	check("author", a.Author, "Author")
	check("slug", a.Slug, "software-engineer-vs-platform-sre")
	check("figure", a.Figure, "Software Engineer vs Platform SRE for infrastructure support.")
	if !reflect.DeepEqual(a.Table.Subjects, []string{"Software Engineer", "Platform SRE"}) {
		t.Errorf("subjects = %q", a.Table.Subjects)
	}
	want := [][]string{
		{"Primary Focus", "Designing and developing software applications.", "Maintaining and optimizing infrastructure reliability and scalability."},
		{"Core Responsibilities", "Application coding, feature development, and debugging.", "System monitoring, incident response, and service uptime guarantees."},
		{"Key Skills", "Programming languages, algorithms, and software architecture.", "Automation, system administration, and cloud infrastructure management."},
		{"Tools Used", "IDEs, version control, CI/CD pipelines.", "Monitoring tools, configuration management, container orchestration."},
		{"Goal", "Build functional, reliable software products.", "Ensure platform stability, performance, and efficient resource usage."},
		{"Collaboration", "Work closely with product teams and QA.", "Coordinate with development and operations teams."},
		{"Typical Metrics", "Code quality, feature delivery speed, bug count.", "System uptime, MTTR (Mean Time to Recovery), incident frequency."},
	}
	if len(a.Table.Rows) != len(want) {
		t.Fatalf("%d rows, want %d", len(a.Table.Rows), len(want))
	}
	for i, r := range a.Table.Rows {
		if got := append([]string{r.Aspect}, r.Cells...); !reflect.DeepEqual(got, want[i]) {
			t.Errorf("row %d = %q\n want %q", i+1, got, want[i])
		}
	}
	if len(a.Sections) != 10 || a.Sections[0].Heading != "Defining Software Engineer and Platform SRE Roles" ||
		a.Sections[9].Heading != "Choosing the Right Role for Your Career Goals" {
		t.Errorf("sections: %d, %+v", len(a.Sections), a.Sections)
	}
	for _, s := range a.Sections {
		if len(s.Paragraphs) != 1 {
			t.Errorf("section %q has %d paragraphs, want 1", s.Heading, len(s.Paragraphs))
		}
	}
	if len(a.Terms) != 10 || a.Terms[0].Name != "Platform Engineering" || a.Terms[9].Name != "GitOps" {
		t.Errorf("terms: %+v", a.Terms)
	}
	if d := ParagraphsText(a.Disclaimer); !strings.HasPrefix(d, "The information provided in this document") {
		t.Errorf("disclaimer = %q", d)
	}
	if len(a.Lead) != 1 {
		t.Errorf("lead has %d paragraphs, want 1", len(a.Lead))
	}
	if len(a.Warnings) != 0 {
		t.Errorf("warnings: %v", a.Warnings)
	}
}

// testArticles lists the plain-text articles of the test corpus.
func testArticles(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob("../testdata/articles/*.txt")
	if err != nil || len(files) < 4 {
		t.Fatalf("test corpus missing: %v %v", files, err)
	}
	return append(files, seedPath)
}

// TestRowsKeepEveryWord checks the importer's invariant on every row of
// every article: the parts joined by single spaces give the source line.
func TestRowsKeepEveryWord(t *testing.T) {
	for _, path := range testArticles(t) {
		a := mustLoad(t, path)
		data, _ := os.ReadFile(path)
		lines := strings.Split(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n")
		for _, r := range a.Table.Rows {
			src := strings.TrimSpace(lines[r.Line-1])
			if parts, sep := splitSeparated(src); sep {
				if !reflect.DeepEqual(parts, append([]string{r.Aspect}, r.Cells...)) {
					t.Errorf("%s:%d: separated row split as %q", path, r.Line, parts)
				}
				continue
			}
			if got := strings.Join(append([]string{r.Aspect}, r.Cells...), " "); got != src {
				t.Errorf("%s:%d: parts join to\n%q\nwant\n%q", path, r.Line, got, src)
			}
		}
	}
}

// TestCorpusGolden compares each corpus article's summary with its golden
// JSON; UPDATE_GOLDEN=1 rewrites the goldens.
func TestCorpusGolden(t *testing.T) {
	for _, path := range testArticles(t) {
		a := mustLoad(t, path)
		got, _ := json.MarshalIndent(Summarize(a), "", "  ")
		golden := filepath.Join("testdata", "golden", strings.TrimSuffix(filepath.Base(path), ".txt")+".json")
		compareGolden(t, golden, append(got, '\n'))
	}
}

func compareGolden(t *testing.T, golden string, got []byte) {
	t.Helper()
	if os.Getenv("UPDATE_GOLDEN") == "1" {
		if os.Getenv("CI") == "true" {
			t.Fatal("UPDATE_GOLDEN is refused in CI")
		}
		if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with UPDATE_GOLDEN=1 to create it)", err)
	}
	if string(want) != string(got) {
		t.Errorf("%s differs from the output:\n%s", golden, diffLines(string(want), string(got)))
	}
}

func diffLines(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			b.WriteString("- " + wl + "\n+ " + gl + "\n")
		}
	}
	return b.String()
}

func TestSplitRowCases(t *testing.T) {
	cases := []struct {
		name string
		row  string
		n    int
		want []string
	}{
		{"acronym cell", "Tools Used IDEs, version control. Monitoring tools.", 2,
			[]string{"Tools Used", "IDEs, version control.", "Monitoring tools."}},
		{"lower-case product", "Packaging pip or uv with wheels. Maven producing JAR files.", 2,
			[]string{"Packaging", "pip or uv with wheels.", "Maven producing JAR files."}},
		{"digits", "Learning Time 2 weeks for analysts. 4 to 6 weeks for engineers.", 2,
			[]string{"Learning Time", "2 weeks for analysts.", "4 to 6 weeks for engineers."}},
		{"currency", "Salary Range $85,000 to $120,000. $95,000 to $140,000.", 2,
			[]string{"Salary Range", "$85,000 to $120,000.", "$95,000 to $140,000."}},
		{"quote", "Motto “Move fast.” “Keep it running.”", 2,
			[]string{"Motto", "“Move fast.”", "“Keep it running.”"}},
		{"no full stops", "Difficulty High Medium", 2, []string{"Difficulty", "High", "Medium"}},
		{"three subjects", "Typing Dynamic. Static. Static and structural.", 3,
			[]string{"Typing", "Dynamic.", "Static.", "Static and structural."}},
		{"two sentences each", "Pace Fast releases. Many small bets. Slow releases. Few big bets.", 2,
			[]string{"Pace", "Fast releases. Many small bets.", "Slow releases. Few big bets."}},
		{"small word in aspect", "Time to Market Weeks of setup. Days with templates.", 2,
			[]string{"Time to Market", "Weeks of setup.", "Days with templates."}},
		{"abbreviation", "Examples Tools, e.g. Jira and Linear. Boards, e.g. Trello.", 2,
			[]string{"Examples", "Tools, e.g. Jira and Linear.", "Boards, e.g. Trello."}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			best, _, ok := splitRow(c.row, c.n, nil)
			if !ok || !reflect.DeepEqual(best.parts, c.want) {
				t.Errorf("split = %q\nwant    %q", best.parts, c.want)
			}
		})
	}
}

func TestSeparatedRows(t *testing.T) {
	for _, sep := range []string{"\t", "  ", " | "} {
		text := "Title A vs B\n\nLead.\n\nAspect" + sep + "A" + sep + "B\nGoal" + sep + "x y. z" + sep + "w\n"
		a, err := Parse("t.txt", []byte(text))
		if err != nil {
			t.Fatalf("sep %q: %v", sep, err)
		}
		if r := a.Table.Rows[0]; r.Aspect != "Goal" || !reflect.DeepEqual(r.Cells, []string{"x y. z", "w"}) {
			t.Errorf("sep %q: row = %+v", sep, r)
		}
	}
}

func TestBadInputs(t *testing.T) {
	cases := []struct {
		name, file, data, want string
		kind                   error
	}{
		{"empty", "a.txt", "", "a.txt: empty article", ErrEmpty},
		{"whitespace", "a.txt", "  \n\t\n  ", "a.txt: empty article", ErrEmpty},
		{"no title line", "a.txt", "\nLast Updated Apr 21, 2025\nBy Me\n", "a.txt:2: no title line", nil},
		{"no table", "a.txt", "A vs B\n\nJust text.\n", "a.txt:3: no comparison table", nil},
		{"short separated row", "a.txt", "A vs B\n\nAspect\tA\tB\nGoal\tonly one\n", "a.txt:4: table row has 1 cell, expected 2", nil},
		{"nul", "a.txt", "A vs B\x00\n", "a.txt: not a text file", ErrNotText},
		{"binary", "a.md", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a.md: not a text file", ErrNotText},
		{"list where a value is expected", "a.md", "---\ntitle: x\nsubtitle: [a, b]\n---\n", `a.md:3: "subtitle" must be a single value`, nil},
		{"unknown extension", "a.doc", "x", `a.doc: unsupported file type ".doc"`, ErrFormat},
		{"no title md", "a.md", "---\nauthor: me\n---\n\nText.\n", "a.md:1: no title", nil},
		{"unclosed front matter", "a.md", "---\ntitle: x\n", "a.md:1: front matter is not closed", nil},
		{"alias", "a.md", "---\ntitle: &a x\nsubtitle: *a\n---\n", "a.md:2: YAML anchors and aliases are not allowed", nil},
		{"duplicate key", "a.md", "---\ntitle: x\ntitle: y\n---\n", `a.md:3: key "title" is given twice`, nil},
		{"bad date", "a.md", "---\ntitle: x\n\n\ndate: 2024-02-30\n---\n", `a.md:5: date "2024-02-30" is not a valid date`, nil},
		{"tab indent", "a.md", "---\ntitle: a\n\tauthor: b\n---\n", "a.md:3: front matter:", nil},
		{"md short row", "a.md", "---\ntitle: x\n---\n\n| Aspect | A | B |\n|---|---|---|\n| Goal | y |\n", "a.md:7: table row has 1 cell, expected 2", nil},
		{"deep nesting", "a.md", "---\ntitle: x\n---\n" + strings.Repeat("> ", 40) + "x\n", "a.md:4: nesting deeper than 32", ErrTooLarge},
		{"long line", "a.txt", "A vs B\n" + strings.Repeat("a", MaxLineBytes+1) + "\n", "a.txt:2: line is", ErrTooLarge},
		{"too many subjects", "a.txt", strings.Repeat("A vs ", 12) + "B\n\nAspect " + strings.Repeat("w ", 24) + "\nGoal x\n", "a.txt:1: the title names 13 subjects", ErrTooLarge},
		{"too large", "a.txt", strings.Repeat("a b\n", MaxFileBytes/4+1), "a.txt: file is", ErrTooLarge},
		{"big front matter", "a.md", "---\ntitle: |\n" + strings.Repeat("  "+strings.Repeat("a", 98)+"\n", MaxFrontMatterBytes/100+1) + "---\n", "a.md:1: front matter larger than", ErrTooLarge},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Parse(c.file, []byte(c.data))
			if err == nil {
				t.Fatalf("no error, want %q", c.want)
			}
			if !strings.HasPrefix(err.Error(), c.want) {
				t.Errorf("error %q, want prefix %q", err, c.want)
			}
			var e *Error
			if !errors.As(err, &e) {
				t.Errorf("error is %T, not *content.Error", err)
			}
			if c.kind != nil && !errors.Is(err, c.kind) {
				t.Errorf("error %q is not %v", err, c.kind)
			}
		})
	}
}

func TestAcceptedVariants(t *testing.T) {
	seed, err := os.ReadFile(seedPath)
	if err != nil {
		t.Fatal(err)
	}
	base := mustLoad(t, seedPath)
	variants := map[string]string{
		"crlf":             strings.ReplaceAll(string(seed), "\n", "\r\n"),
		"bom":              "\xEF\xBB\xBF" + string(seed),
		"trailing spaces":  strings.ReplaceAll(string(seed), "\n", "  \n"),
		"no final newline": strings.TrimRight(string(seed), "\n"),
	}
	for name, text := range variants {
		a, err := Parse(seedPath, []byte(text))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !reflect.DeepEqual(Summarize(a), Summarize(base)) {
			t.Errorf("%s: article differs from the plain seed", name)
		}
	}
}

func TestRowWordLimit(t *testing.T) {
	row := func(words int) string {
		return "A vs B\n\nAspect A B\nGoal " + strings.TrimSpace(strings.Repeat("x ", words-1)) + "\n"
	}
	if _, err := Parse("a.txt", []byte(row(MaxRowWords))); err != nil {
		t.Errorf("at the limit: %v", err)
	}
	_, err := Parse("a.txt", []byte(row(MaxRowWords+1)))
	if err == nil || !strings.HasPrefix(err.Error(), "a.txt:4: table row has 301 words") {
		t.Errorf("past the limit: %v", err)
	}
}

func TestInvalidUTF8IsReadAsWindows1252WithAWarning(t *testing.T) {
	a, err := Parse("a.txt", []byte("Caf\xe9 vs. Bar\n\nAspect\tCaf\xe9\tBar\nGoal\tx\ty\n"))
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Café vs. Bar" || len(a.Warnings) != 1 || !strings.HasPrefix(a.Warnings[0].String(), "a.txt:1: invalid UTF-8") {
		t.Errorf("title %q, warnings %v", a.Title, a.Warnings)
	}
}
