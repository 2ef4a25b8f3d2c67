package content

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestSplitFailureClasses holds a few rows of each class of split that
// scraped pages got wrong: each must come out exact, or be warned.
func TestSplitFailureClasses(t *testing.T) {
	cases := []struct {
		name string
		row  string
		n    int
		want []string
	}{
		{"parenthesis after the aspect", "Setup Time (Small Teams) Minutes Days to weeks", 2,
			[]string{"Setup Time (Small Teams)", "Minutes", "Days to weeks"}},
		{"parenthesis after a two-word aspect", "Monthly Cost (Small App) $20 for one VM $75 for a cluster", 2,
			[]string{"Monthly Cost (Small App)", "$20 for one VM", "$75 for a cluster"}},
		{"no cut inside brackets", "Max File Size 2 TB (web: 375 GB) 5 TB", 2,
			[]string{"Max File Size", "2 TB (web: 375 GB)", "5 TB"}},
		{"no cut inside quotes", "Motto \"Move fast and fix it\" \"Keep it running\"", 2,
			[]string{"Motto", "\"Move fast and fix it\"", "\"Keep it running\""}},
		{"aspect ending with For", "Best For Small teams. Large companies.", 2,
			[]string{"Best For", "Small teams.", "Large companies."}},
		{"aspect ending with Suited For", "Best Suited For Startups. Banks.", 2,
			[]string{"Best Suited For", "Startups.", "Banks."}},
		{"one-word cells", "Needs Root No Yes", 2, []string{"Needs Root", "No", "Yes"}},
		{"opener after a number", "Interest Rate Usually 0% to 0.10% APY 0.40% to 4.50% APY", 2,
			[]string{"Interest Rate", "Usually 0% to 0.10% APY", "0.40% to 4.50% APY"}},
		{"numbers and units", "Weight 658 g 670 g 705 g", 3, []string{"Weight", "658 g", "670 g", "705 g"}},
		{"prices", "Launch Price $799 $799 $699", 3, []string{"Launch Price", "$799", "$799", "$699"}},
		{"five subjects", "Free Storage 2 GB 15 GB 5 GB 5 GB 10 GB", 5,
			[]string{"Free Storage", "2 GB", "15 GB", "5 GB", "5 GB", "10 GB"}},
		{"percentages", "Uptime 99.95% 99.9% 99.99%", 3, []string{"Uptime", "99.95%", "99.9%", "99.99%"}},
		{"one-word sentence opens a cell", "GUI Apps Yes, through casks. Limited. Snap fills the gap.", 2,
			[]string{"GUI Apps", "Yes, through casks.", "Limited. Snap fills the gap."}},
		{"lower-case code names", "Watch Mode node --watch is experimental. node --watch is stable.", 2,
			[]string{"Watch Mode", "node --watch is experimental.", "node --watch is stable."}},
		{"a capitalised opener inside a cell", "Monthly Fees $0 to $15, often waived Usually $0 to $5", 2,
			[]string{"Monthly Fees", "$0 to $15, often waived", "Usually $0 to $5"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			top := rankSplits(c.row, &splitContext{n: c.n, aspect: true})
			if len(top) == 0 {
				t.Fatal("no split")
			}
			if !reflect.DeepEqual(top[0].parts, c.want) && margin(top) >= ambiguityMargin {
				t.Errorf("split = %q, not warned (margin %.2f)\nwant    %q", top[0].parts, margin(top), c.want)
			}
		})
	}
}

// TestSubjectNamesAndLowerCaseTools checks the article's evidence: a cell
// opening with its subject's name, and lower-case tools the article
// writes at the start of its sentences.
func TestSubjectNamesAndLowerCaseTools(t *testing.T) {
	text := "Node 20 vs Node 22\n\nLead.\n\nFeature Node 20 Node 22\nBundled npm npm 9.6 at launch. npm 10.5\nRelease Node 20 shipped in 2023. Node 22 shipped in 2024.\n\n" +
		"Tools\n\npip and conda both install packages. sudo apt update refreshes the lists.\n"
	a, err := Parse("n.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{{"Bundled npm", "npm 9.6 at launch.", "npm 10.5"}, {"Release", "Node 20 shipped in 2023.", "Node 22 shipped in 2024."}}
	for i, r := range a.Table.Rows {
		got := append([]string{r.Aspect}, r.Cells...)
		if !reflect.DeepEqual(got, want[i]) && len(r.Alternatives) == 0 {
			t.Errorf("row %d = %q, not warned; want %q", i+1, got, want[i])
		}
	}
}

func TestDates(t *testing.T) {
	cases := []struct{ in, order, want string }{
		{"Apr 21, 2025", "", "2025-04-21"},
		{"Nov. 19, 2024", "", "2024-11-19"},
		{"Sept 3, 2023", "", "2023-09-03"},
		{"July 22nd, 2024", "", "2024-07-22"},
		{"Friday, 12 July 2024", "", "2024-07-12"},
		{"Monday, March 4, 2024", "", "2024-03-04"},
		{"22 Mar, 2024", "", "2024-03-22"},
		{"2024-11-04", "", "2024-11-04"},
		{"2024/03/05", "", "2024-03-05"},
		{"30/01/2024", "", "2024-01-30"},
		{"03/05/2024", "mdy", "2024-03-05"},
		{"03/05/2024", "dmy", "2024-05-03"},
		{"2024-03-05T23:30:00-07:00", "", "2024-03-05"},
	}
	for _, c := range cases {
		r, ok := readDate(c.in, c.order)
		if !ok || r.date.Format("2006-01-02") != c.want {
			t.Errorf("readDate(%q, %q) = %v %v, want %s", c.in, c.order, r.date, ok, c.want)
		}
	}
	for _, bad := range []string{"31/02/2024", "someday", "13/13/2024"} {
		if _, ok := readDate(bad, ""); ok {
			t.Errorf("readDate(%q) accepted", bad)
		}
	}
	a, err := Parse("d.txt", []byte("A vs B\n\nLast Updated : 03/05/2024\n\nAspect A B\nGoal x. y.\n"))
	if err != nil {
		t.Fatal(err)
	}
	if a.Date() != "2024-03-05" || len(a.Warnings) == 0 || !strings.Contains(a.Warnings[0].Msg, "could be") {
		t.Errorf("date %s, warnings %v", a.Date(), a.Warnings)
	}
	a, err = Parse("d.txt", []byte("A vs B\n\nUpdated on the 5th of never\n\nAspect A B\nGoal x. y.\n"))
	if err != nil {
		t.Fatal(err)
	}
	if a.Date() != "" {
		t.Errorf("date %s from an unreadable date", a.Date())
	}
}

func TestNoTableError(t *testing.T) {
	_, err := Load("../testdata/scraped/tea-vs-coffee-no-table.txt")
	if err == nil {
		t.Fatal("no error")
	}
	msg := err.Error()
	for _, want := range []string{"tea-vs-coffee-no-table.txt:10: no comparison table", `"Caffeine Content"`, `the title "Tea vs. Coffee" was found`} {
		if !strings.Contains(msg, want) {
			t.Errorf("error %q lacks %q", msg, want)
		}
	}
}

// TestSplitsSidecar checks that a choice in the sidecar changes the build,
// and that a stale choice is a warning.
func TestSplitsSidecar(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.txt")
	src := "Alpha vs Beta\n\nLead.\n\nAspect Alpha Beta\nNotes Fast start Slow start\n"
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	before, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	choice := []string{"Notes Fast", "start Slow", "start"}
	side := &SplitOverrides{Path: SplitsPath(path)}
	side.Set(6, choice)
	side.Set(6, []string{"Notes", "Fast start Slow", "start"}) // replaced below
	side.Set(6, choice)
	side.Choices = append(side.Choices, SplitChoice{Hash: RowHash("gone row"), Line: 9, Parts: []string{"a", "b", "c"}})
	if err := os.WriteFile(side.Path, side.Marshal(path), 0o644); err != nil {
		t.Fatal(err)
	}
	after, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	got := append([]string{after.Table.Rows[0].Aspect}, after.Table.Rows[0].Cells...)
	if !reflect.DeepEqual(got, choice) || reflect.DeepEqual(before.Table.Rows, after.Table.Rows) {
		t.Errorf("row = %q, want the sidecar's %q", got, choice)
	}
	stale := false
	for _, w := range after.Warnings {
		stale = stale || (w.Path == side.Path && strings.Contains(w.Msg, "no table row"))
	}
	if !stale {
		t.Errorf("no warning for the stale choice: %v", after.Warnings)
	}
	if err := os.WriteFile(side.Path, []byte("rows:\n  - hash: x\n    colour: red\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(path); err == nil || !strings.Contains(err.Error(), "a.txt.splits.yaml:3: unknown key") {
		t.Errorf("bad sidecar: %v", err)
	}
}

// FuzzFurniture inserts fuzzed lines into an article between its blocks
// and checks that furniture detection never drops a table row or a
// section heading of the article.
func FuzzFurniture(f *testing.F) {
	f.Add("Share this article", uint8(3))
	f.Add("You May Also Like\nA vs B: Which One?\nAnother Title", uint8(5))
	f.Add("Table of Contents\n1. Intro\n2. More", uint8(1))
	f.Add("About the author\nJane writes.", uint8(7))
	f.Add("We use cookies. Accept Decline", uint8(0))
	const base = "Alpha vs. Beta: Which One?\n\nBy Jane Doe\n\nLead paragraph about both.\n\nAspect Alpha Beta\n" +
		"Speed Fast. Slow.\nCost Cheap. Dear.\n\nWhy It Matters\n\nA paragraph under the heading.\n\n" +
		"Which One Is Built For\n\nAnother paragraph.\n"
	f.Fuzz(func(t *testing.T, junk string, at uint8) {
		if strings.ContainsAny(junk, "\r\x00") || len(junk) > 2000 {
			return
		}
		blocks := strings.Split(base, "\n\n")
		i := 2 + int(at)%(len(blocks)-2) // after the byline
		junkBlock := strings.Trim(junk, "\n")
		if junkBlock == "" || strings.Contains(junkBlock, "\n\n") {
			return
		}
		blocks = append(blocks[:i], append([]string{junkBlock}, blocks[i:]...)...)
		a, err := Parse("f.txt", []byte(strings.Join(blocks, "\n\n")))
		if err != nil {
			return // the junk may be a table header or a title; that is not furniture's doing
		}
		var rows []string
		for _, r := range a.Table.Rows {
			rows = append(rows, r.Aspect)
		}
		if !reflect.DeepEqual(rows[:min(2, len(rows))], []string{"Speed", "Cost"}) && len(a.Table.Rows) >= 2 {
			t.Fatalf("table rows %q", rows)
		}
		text := ""
		visitTexts(a, func(_, s string) { text += s + "\n" })
		for _, h := range []string{"Why It Matters", "A paragraph under the heading.", "Another paragraph."} {
			if !strings.Contains(text, h) {
				t.Fatalf("%q was dropped", h)
			}
		}
	})
}

// BenchmarkSplitLongRow splits a row of MaxRowWords words into an aspect
// and five cells, the worst case the limits allow.
func BenchmarkSplitLongRow(b *testing.B) {
	words := []string{"Primary", "Focus"}
	for len(words) < MaxRowWords {
		words = append(words, "Designing", "and", "building", "software", "for", "teams.")
	}
	row := strings.Join(words[:MaxRowWords], " ")
	ctx := &splitContext{n: 5, aspect: true}
	for b.Loop() {
		if len(rankSplits(row, ctx)) == 0 {
			b.Fatal("no split")
		}
	}
}
