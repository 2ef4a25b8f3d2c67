package content

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

const tableBody = "\n| Aspect | A | B |\n|---|---|---|\n| One | a | b |\n| Two | c | d |\n"

func TestFrontMatterDates(t *testing.T) {
	for _, tc := range []struct{ date, want string }{
		{"2024-03-05", "2024-03-05"},
		{"2024-03-05T10:00:00+01:00", "2024-03-05"},
		{"2024-03-05T23:30:00-07:00", "2024-03-05"}, // the calendar date as written, not UTC's
		{"2024-03-05T00:30:00Z", "2024-03-05"},
		{"2024-03-05T10:00:00", "2024-03-05"},
		{"2024-03-05 10:00:00 +0100", "2024-03-05"},
		{"2024-03-05 10:00", "2024-03-05"},
		{"2001-12-14t21:59:43.10-05:00", "2001-12-14"},
		{"2001-12-14 21:59:43.10 -5", "2001-12-14"},
		{"Apr 21, 2025", "2025-04-21"},
	} {
		a, err := Parse("t.md", []byte("---\ntitle: T\ndate: "+tc.date+"\n---\n"+tableBody))
		if err != nil {
			t.Errorf("%s: %v", tc.date, err)
			continue
		}
		if a.Date() != tc.want {
			t.Errorf("%s: got %s, want %s", tc.date, a.Date(), tc.want)
		}
	}
}

func TestFrontMatterSyntaxes(t *testing.T) {
	for name, src := range map[string]string{
		"yaml": "---\ntitle: T\ndate: 2024-03-05T10:00:00+01:00\nlastmod: 2024-04-01\ntags: [go, Hugo]\nkeywords: \"hugo, static sites\"\nauthor: [\"Ana\", \"Tom\", \"Eve\"]\ndraft: true\nweight: 3\ncover:\n  image: x.png\n---\n",
		"toml": "+++\ntitle = \"T\"\ndate = 2024-03-05T10:00:00+01:00\nlastmod = 2024-04-01\ntags = [\"go\", \"Hugo\"]\nkeywords = \"hugo, static sites\"\nauthor = [\"Ana\", \"Tom\", \"Eve\"]\ndraft = true\nweight = 3\n[cover]\nimage = \"x.png\"\n+++\n",
		"json": "{\n  \"title\": \"T\",\n  \"date\": \"2024-03-05T10:00:00+01:00\",\n  \"lastmod\": \"2024-04-01\",\n  \"tags\": [\"go\", \"Hugo\"],\n  \"keywords\": \"hugo, static sites\",\n  \"author\": [\"Ana\", \"Tom\", \"Eve\"],\n  \"draft\": true,\n  \"weight\": 3,\n  \"cover\": {\"image\": \"x.png\"}\n}\n",
	} {
		a, err := Parse("t.md", []byte(src+tableBody))
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if a.Title != "T" || a.Date() != "2024-04-01" || a.Author != "Ana, Tom and Eve" || !a.Draft {
			t.Errorf("%s: title %q date %s author %q draft %v", name, a.Title, a.Date(), a.Author, a.Draft)
		}
		if want := []string{"go", "Hugo", "hugo, static sites"}; name != "x" && !reflect.DeepEqual(a.Keywords, []string{"go", "Hugo", "static sites"}) {
			t.Errorf("%s: keywords %q (not %q)", name, a.Keywords, want)
		}
		if !reflect.DeepEqual(a.IgnoredKeys, []string{"weight", "cover"}) {
			t.Errorf("%s: ignored keys %q", name, a.IgnoredKeys)
		}
		if len(a.Table.Rows) != 2 {
			t.Errorf("%s: the body after the front matter was not read", name)
		}
	}
}

func TestFrontMatterMapping(t *testing.T) {
	a, err := Parse("t.md", []byte("---\ntitle: T\ndescription: From the description\nsummary: From the summary\nauthor:\n  - name: Ana Silva\n    affiliation: Uni\n  - name: Tom Berg\ncategories: finance review\n---\n"+tableBody))
	if err != nil {
		t.Fatal(err)
	}
	if a.Subtitle != "From the description" || a.Author != "Ana Silva and Tom Berg" || !reflect.DeepEqual(a.Keywords, []string{"finance", "review"}) {
		t.Errorf("subtitle %q author %q keywords %q", a.Subtitle, a.Author, a.Keywords)
	}
	a, err = Parse("t.md", []byte("---\ntitle: T\nsubtitle: Own\ndescription: Not this\ndate: 2024-05-01\nmodified: 2024-01-01\n---\n"+tableBody))
	if err != nil {
		t.Fatal(err)
	}
	if a.Subtitle != "Own" || a.Date() != "2024-05-01" {
		t.Errorf("subtitle %q date %s: an older modified date must not win", a.Subtitle, a.Date())
	}
}

// All of a file's front-matter problems are reported in one run, each
// with its line.
func TestFrontMatterProblemsAllAtOnce(t *testing.T) {
	_, err := Parse("t.md", []byte("---\ntitle: [a, b]\ndate: 2024-02-30\ndraft: maybe\ntable: zero\ntheme:\n  name: sepia\n---\n"+tableBody))
	var list ErrorList
	if !errors.As(err, &list) {
		t.Fatalf("error %v is not a list", err)
	}
	want := []string{`t.md:2: "title" must be a single value`, `t.md:3: date "2024-02-30" is not a valid date`,
		`t.md:4: draft "maybe" must be true or false`, `t.md:5: table "zero" must be the number`, `t.md:7: theme name "sepia" is unknown`}
	if len(list) != len(want) {
		t.Fatalf("%d problems, want %d:\n%v", len(list), len(want), err)
	}
	for i, w := range want {
		if !strings.HasPrefix(list[i].Error(), w) {
			t.Errorf("problem %d = %q, want %q…", i+1, list[i].Error(), w)
		}
	}
}

func TestStrictFrontMatter(t *testing.T) {
	src := []byte("---\ntitle: T\nlayout: post\nweight: 2\n---\n" + tableBody)
	if _, err := Parse("t.md", src); err != nil {
		t.Fatalf("unknown keys must not fail a build: %v", err)
	}
	_, err := ParseWith("t.md", src, ParseOptions{Strict: true})
	if err == nil || !strings.Contains(err.Error(), `t.md:3: unknown key "layout"`) || !strings.Contains(err.Error(), `t.md:4: unknown key "weight"`) {
		t.Errorf("strict: %v", err)
	}
}

func TestFrontMatterSyntaxErrors(t *testing.T) {
	for _, tc := range []struct{ name, src, want string }{
		{"toml", "+++\ntitle = \"T\"\ndate = \n+++\n", "t.md:3: front matter (TOML)"},
		{"toml unclosed", "+++\ntitle = \"T\"\n", "t.md:1: front matter is not closed"},
		{"json unclosed", "{\n  \"title\": \"T\"\n", "t.md:4: front matter (JSON): invalid character '|'"},
		{"json trailing", "{\"title\": \"T\"} more\n", "t.md:1: front matter: text after"},
		{"json deep", "{\"a\":" + strings.Repeat("[", 40) + strings.Repeat("]", 40) + "}\n", "nested deeper"},
		{"yaml alias", "---\na: &x 1\nb: *x\n---\n", "anchors and aliases"},
	} {
		_, err := Parse("t.md", []byte(tc.src+tableBody))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v, want %q", tc.name, err, tc.want)
		}
	}
}

func TestTableChoice(t *testing.T) {
	toc := "\n| Section | What you will find |\n|---|---|\n| Pricing | Costs |\n| Speed | Numbers |\n"
	a, err := Parse("t.md", []byte("---\ntitle: T\n---\n"+toc+tableBody))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(a.Table.Subjects, []string{"A", "B"}) || len(a.Lead) != 1 || a.Lead[0].Table == nil || a.Table.Choice == "" {
		t.Errorf("subjects %q, lead %d blocks, choice %q", a.Table.Subjects, len(a.Lead), a.Table.Choice)
	}
	second := "\n| Spec | X | Y |\n|---|---|---|\n| P | 1 | 2 |\n| Q | 3 | 4 |\n"
	a, err = Parse("t.md", []byte("---\ntitle: T\ntable: 2\n---\n"+tableBody+second))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(a.Table.Subjects, []string{"X", "Y"}) {
		t.Errorf("table: 2 took %q", a.Table.Subjects)
	}
	_, err = Parse("t.md", []byte("---\ntitle: T\n---\n"+toc))
	if err == nil || !strings.HasPrefix(err.Error(), "t.md: no comparison table (found 1 table: line 5: 2 columns, 2 rows)") || !errors.Is(err, ErrNoTable) {
		t.Errorf("no qualifying table: %v", err)
	}
}

func TestBodyAsAReaderSeesIt(t *testing.T) {
	src := "---\ntitle: T\n---\n\nLead <!-- TODO: check --> text with a note[^1] and <kbd>Ctrl</kbd>.\n\n<!--\nmulti-line\ncomment\n-->\n\n" +
		"{{< figure src=\"x.png\" >}}\n\n{: .notice}\n\n![Diagram](images/x.png)\n\n" +
		"| Aspect | A | B |\n|---|---|---|\n| One | line one<br>line two | b |\n| Two | [[Note|alias]] | ==high== |\n\n" +
		"## Section\n\n<details>\n<summary>Show more</summary>\n\nHidden text.\n\n</details>\n\n- item one\n  - nested\n- item two\n\n1. first\n2. second\n\n[^1]: The note.\n"
	a, err := Parse("t.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if got := a.Lead[0].Text(); got != "Lead text with a note1 and Ctrl." {
		t.Errorf("lead %q", got)
	}
	if a.Table.Rows[0].Cells[0] != "line one\nline two" || a.Table.Rows[1].Cells[0] != "alias" || a.Table.Rows[1].Cells[1] != "high" {
		t.Errorf("cells %q %q", a.Table.Rows[0].Cells, a.Table.Rows[1].Cells)
	}
	if len(a.Notes) != 1 || a.Notes[0].Number != 1 || ParagraphsText(a.Notes[0].Paragraphs) != "The note." {
		t.Errorf("notes %+v", a.Notes)
	}
	sec := a.Sections[0]
	var kinds []string
	for _, p := range sec.Paragraphs {
		switch {
		case p.List != nil:
			kinds = append(kinds, "list:"+strings.ReplaceAll(p.Text(), "\n", "/"))
		default:
			kinds = append(kinds, p.Text())
		}
	}
	want := []string{"Show more", "Hidden text.", "list:• item one/  • nested/• item two", "list:1. first/2. second"}
	if !reflect.DeepEqual(kinds, want) {
		t.Errorf("section blocks %q, want %q", kinds, want)
	}
	if sec.Paragraphs[0].Runs[0].Style != Bold {
		t.Errorf("the summary is not a bold lead-in")
	}
	var warned []string
	for _, w := range a.Warnings {
		warned = append(warned, w.Msg)
	}
	all := strings.Join(warned, "\n")
	for _, w := range []string{"template tag {{< figure", "kramdown attribute line", `image "images/x.png" left out`} {
		if !strings.Contains(all, w) {
			t.Errorf("no warning %q in:\n%s", w, all)
		}
	}
}
