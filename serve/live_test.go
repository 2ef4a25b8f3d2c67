package serve

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/triptych/triptych/content"
)

// waitEvent waits for an event about slug (its old or new address).
func waitEvent(t *testing.T, ch chan event, slug string, within time.Duration) event {
	t.Helper()
	deadline := time.After(within)
	for {
		select {
		case ev := <-ch:
			if ev.Slug == slug || ev.URL == "/article/"+slug {
				return ev
			}
		case <-deadline:
			t.Fatalf("no event for %s within %v", slug, within)
		}
	}
}

// TestWatchRebuilds edits the source: the watcher rebuilds it into the
// preview cache, tells the pages, and the page shows the edit; the
// output folder is untouched. Breaking the article keeps the last good
// files, dimmed, under the error; fixing it clears the error.
func TestWatchRebuilds(t *testing.T) {
	f := newFixture(t, true, nil)
	before := treeHash(t, f.out)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go f.srv.Watch(ctx)
	ch := f.srv.hub.subscribe()
	time.Sleep(100 * time.Millisecond) // the watcher is set up

	data, _ := os.ReadFile(f.file)
	edited := strings.Replace(string(data), "| Typical Metrics |", "| Typical Yardsticks |", 1)
	if err := os.WriteFile(f.file, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	ev := waitEvent(t, ch, exampleSlug, 3*time.Second)
	if ev.Status != statusOK {
		t.Fatalf("rebuild status %s", ev.Status)
	}
	body := f.mustGet("/article/" + exampleSlug)
	if !strings.Contains(body, "<td>Typical Yardsticks</td>") {
		t.Error("the page does not show the edit")
	}
	if src := attr(t, body, `id="poster"`, "src"); !strings.HasPrefix(src, "/preview/") {
		t.Errorf("after an edit the image comes from %s, want the preview cache", src)
	}

	// Break it: no table any more.
	broken := strings.Split(edited, "| Aspect |")[0] + "\n## Only prose\n\nNo table here.\n"
	os.WriteFile(f.file, []byte(broken), 0o644)
	if ev := waitEvent(t, ch, exampleSlug, 3*time.Second); ev.Status != statusFailed {
		t.Fatalf("a broken article has status %s", ev.Status)
	}
	body = f.mustGet("/article/" + exampleSlug)
	for _, want := range []string{`id="build-error"`, `class="panes stale"`, "<td>Typical Yardsticks</td>", `id="poster"`} {
		if !strings.Contains(body, want) {
			t.Errorf("after a failed build the page lacks %q", want)
		}
	}
	if index := f.mustGet("/"); !strings.Contains(index, "status-failed") {
		t.Error("the index does not show the failure")
	}

	os.WriteFile(f.file, data, 0o644)
	if ev := waitEvent(t, ch, exampleSlug, 3*time.Second); ev.Status != statusOK {
		t.Fatalf("a fixed article has status %s", ev.Status)
	}
	if body := f.mustGet("/article/" + exampleSlug); strings.Contains(body, "build-error") {
		t.Error("the error stays after the fix")
	}

	// A new article file in the folder appears.
	other := strings.Replace(string(data), "slug: software-engineer-vs-platform-sre", "slug: second-article", 1)
	os.WriteFile(filepath.Join(f.src, "second.md"), []byte(other), 0o644)
	waitEvent(t, ch, "second-article", 3*time.Second)
	f.mustGet("/article/second-article")

	if treeHash(t, f.out) != before {
		t.Error("live rebuilds changed the output folder")
	}
}

// TestAmbiguousRows lists a guessed row's candidate splits with its
// path and line.
func TestAmbiguousRows(t *testing.T) {
	f := newFixture(t, true, nil)
	a, _ := f.srv.lookup(exampleSlug)
	f.srv.mu.Lock()
	a.rows = []ambiguousRow{{Line: 12, Aspect: "Monthly Fees", Candidates: [][]string{
		{"Monthly Fees", "$0 to $15, often waived", "Usually $0 to $5"},
		{"Monthly Fees $0", "to $15, often waived", "Usually $0 to $5"},
	}}}
	a.warnings = []string{f.file + ":12: the split of this row is a guess"}
	f.srv.mu.Unlock()
	body := f.mustGet("/article/" + exampleSlug)
	for _, want := range []string{"Rows split by guess", f.file + ":12", "Monthly Fees $0 <span class=\"sep\">|</span> to $15, often waived", f.file + ":12: the split of this row is a guess"} {
		if !strings.Contains(body, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
}

// TestDescribeKeepsAlternatives takes the candidate splits of a loaded
// scraped article's guessed rows.
func TestDescribeKeepsAlternatives(t *testing.T) {
	var a article
	a.describe(&content.Article{Slug: "x", Table: content.Table{Subjects: []string{"A", "B"}, Rows: []content.Row{
		{Aspect: "Sure", Cells: []string{"a", "b"}, Line: 3},
		{Aspect: "Guess", Cells: []string{"a", "b"}, Line: 4, Alternatives: [][]string{{"Guess", "a", "b"}, {"Guess a", "b", ""}}},
	}}})
	if len(a.rows) != 1 || a.rows[0].Line != 4 || len(a.rows[0].Candidates) != 2 {
		t.Errorf("rows %+v", a.rows)
	}
}

// TestReadSheetsShowsFormulas reads a formula back as "=…", not as its
// cached value.
func TestReadSheetsShowsFormulas(t *testing.T) {
	x := excelize.NewFile()
	x.SetCellValue("Sheet1", "A1", 2)
	x.SetCellValue("Sheet1", "A2", 3)
	x.SetCellFormula("Sheet1", "A3", "SUM(A1:A2)")
	x.SetCellValue("Sheet1", "B1", "merged")
	x.MergeCell("Sheet1", "B1", "C2")
	var buf bytes.Buffer
	if err := x.Write(&buf); err != nil {
		t.Fatal(err)
	}
	sheets, err := readSheets(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if len(sheets) != 1 || len(sheets[0].Rows) != 3 {
		t.Fatalf("sheets %+v", sheets)
	}
	if c := sheets[0].Rows[2][0]; c.Text != "=SUM(A1:A2)" || !c.Formula {
		t.Errorf("A3 = %+v", c)
	}
	if c := sheets[0].Rows[0][0]; c.Text != "2" || c.Formula {
		t.Errorf("A1 = %+v", c)
	}
	rows := sheets[0].Rows
	if b1 := rows[0][1]; b1.Text != "merged" || b1.ColSpan != 2 || b1.RowSpan != 2 || b1.Covered {
		t.Errorf("B1 = %+v, want spanning 2×2", b1)
	}
	if !rows[0][2].Covered || !rows[1][1].Covered || !rows[1][2].Covered || rows[2][1].Covered {
		t.Errorf("the cells under B1:C2 are not all covered: %+v", rows)
	}
	if _, err := readSheets([]byte("not a workbook")); err == nil {
		t.Error("no error for bytes that are not a workbook")
	}
}

// TestPDFPages counts page objects, not the page tree.
func TestPDFPages(t *testing.T) {
	pdf := []byte("<</Type /Pages /Count 2>> <</Type /Page /Parent 1 0 R>> <</Type/Page>>")
	if n := pdfPages(pdf); n != 2 {
		t.Errorf("pages = %d, want 2", n)
	}
}
