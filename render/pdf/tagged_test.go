package pdf

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/triptych/triptych/content"
	"github.com/triptych/triptych/internal/readers"
	"github.com/triptych/triptych/internal/testkit"
	"github.com/triptych/triptych/render"
)

// taggedArticles are the example, the long test article and a
// three-subject one.
var taggedArticles = []string{
	"examples/software-engineer-vs-platform-sre.md",
	"testdata/long/long-comparison.md",
	"testdata/articles/python-vs-java-vs-go.txt",
}

// needPikepdf skips (fails in CI) when Debian's python3-pikepdf is missing.
func needPikepdf(t *testing.T) {
	t.Helper()
	if err := exec.Command(readers.Python, "-c", "import pikepdf").Run(); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("python3-pikepdf is not installed: .ci/deps installs it")
		}
		t.Skip("python3-pikepdf is not installed (make deps installs it)")
	}
}

type tagTree struct {
	Elems []struct {
		Type, Scope, Alt string
		Depth            int
	}
	Problems []string
	Catalog  struct {
		Marked, Lang, DisplayDocTitle string
		MCIDs                         int `json:"mcids"`
		Links                         int `json:"links"`
	}
}

// TestTaggedPDFStructure walks the structure tree with pikepdf and reads
// the elements' text with poppler (pdfinfo -struct-text): one H1 (the
// title), the H2s in the article's order, the comparison's header row as
// TH column headers with the subjects, each row's aspect as a TH row
// header, a Figure with alternative text, and every MCID of every page
// reached from the tree exactly once, with no painting outside marked
// content and a ParentTree that agrees.
func TestTaggedPDFStructure(t *testing.T) {
	needPikepdf(t)
	for _, rel := range taggedArticles {
		a := testkit.Load(t, rel)
		for _, variant := range []struct {
			paper string
			pdfa  bool
		}{{"a4", false}, {"letter", false}, {"a4", true}, {"letter", true}} {
			paper := variant.paper
			name := rel + "/" + paper
			if variant.pdfa {
				name += "/pdfa"
			}
			path := readers.WriteTemp(t, "tagged.pdf", renderPDF(t, a, render.Options{Paper: paper, PDFA: variant.pdfa}))
			checkPDFA(t, name, path, variant.pdfa)
			if info := readers.Run(t, "pdfinfo", path); !strings.Contains(info, "Tagged:          yes") {
				t.Errorf("%s: pdfinfo does not say Tagged: yes", name)
			}
			var tree tagTree
			if err := json.Unmarshal([]byte(readers.Run(t, readers.Python, "testdata/tagtree.py", path)), &tree); err != nil {
				t.Fatal(err)
			}
			for _, p := range tree.Problems {
				t.Errorf("%s: %s", name, p)
			}
			if c := tree.Catalog; c.Marked != "True" || c.Lang != "en" || c.DisplayDocTitle != "True" || c.MCIDs == 0 {
				t.Errorf("%s: catalog %+v", name, c)
			}
			count := map[string]int{}
			for _, e := range tree.Elems {
				count[e.Type]++
				if e.Type == "Figure" && strings.TrimSpace(e.Alt) == "" {
					t.Errorf("%s: a Figure without /Alt", name)
				}
			}
			if count["H1"] != 1 || count["Figure"] != 1 || count["Table"] == 0 || count["Document"] != 1 {
				t.Errorf("%s: element counts %v", name, count)
			}
			if strings.Contains(rel, "long-comparison") && (tree.Catalog.Links == 0 || count["Link"] == 0) {
				t.Errorf("%s: %d link annotations, %d Link elements: the link checks checked nothing", name, tree.Catalog.Links, count["Link"])
			}
			checkStructText(t, name, a, readers.Run(t, "pdfinfo", "-struct-text", path))
			checkQpdfJSON(t, name, readers.Run(t, "qpdf", "--json", "--json-key=qpdf", "--json-key=pages", path))
		}
	}
}

// checkPDFA runs testdata/pdfa.py on a --pdfa handout and expects no
// problem; a handout made without --pdfa must not claim PDF/A.
func checkPDFA(t *testing.T, name, path string, pdfa bool) {
	t.Helper()
	var got struct {
		Problems    []string
		Annotations int
	}
	if err := json.Unmarshal([]byte(readers.Run(t, readers.Python, "testdata/pdfa.py", path)), &got); err != nil {
		t.Fatal(err)
	}
	if !pdfa {
		if len(got.Problems) == 0 || !strings.Contains(got.Problems[0], "XMP declares PDF/A") {
			t.Errorf("%s: a handout made without --pdfa claims PDF/A: %v", name, got.Problems)
		}
		return
	}
	for _, p := range got.Problems {
		t.Errorf("%s: PDF/A: %s", name, p)
	}
	if strings.Contains(name, "long-comparison") && got.Annotations == 0 {
		t.Errorf("%s: no link annotation: the print-flag check checked nothing", name)
	}
}

// structElem is an element as pdfinfo -struct-text prints it.
type structElem struct {
	typ, scope, text string
}

// parseStructText reads pdfinfo -struct-text: an element per line
// ("TH:" when attributes follow), its attributes ("/Scope /Row") and its
// text (quoted) indented under it.
func parseStructText(out string) []structElem {
	var elems []structElem
	for _, line := range strings.Split(out, "\n") {
		l := strings.TrimSpace(line)
		switch {
		case l == "":
		case strings.HasPrefix(l, `"`):
			if n := len(elems); n > 0 {
				elems[n-1].text += strings.Trim(l, `"`)
			}
		case strings.HasPrefix(l, "/Scope "):
			if n := len(elems); n > 0 {
				elems[n-1].scope = strings.TrimPrefix(l, "/Scope /")
			}
		case strings.HasPrefix(l, "/"):
		default:
			typ := strings.TrimSuffix(strings.Fields(l)[0], ":")
			elems = append(elems, structElem{typ: typ})
		}
	}
	return elems
}

// squash drops spaces and hyphens and folds quotes: poppler joins the
// words of a line without spaces, and a cell may break after a hyphen.
func squash(s string) string {
	s = strings.NewReplacer("“", "\"", "”", "\"", "‘", "'", "’", "'").Replace(s)
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '-' || r == '\u00ad' {
			return -1
		}
		return r
	}, s)
}

func checkStructText(t *testing.T, name string, a *content.Article, out string) {
	t.Helper()
	elems := parseStructText(out)
	var h1, h2 []string
	for _, e := range elems {
		switch e.typ {
		case "H1":
			h1 = append(h1, e.text)
		case "H2":
			h2 = append(h2, squash(e.text))
		}
	}
	if len(h1) != 1 || squash(h1[0]) != squash(a.Title) {
		t.Errorf("%s: H1 %q, want the title %q", name, h1, a.Title)
	}
	caption := a.Table.Caption
	if caption == "" {
		caption = "Comparison"
	}
	want := []string{squash(caption)}
	for _, s := range a.Sections {
		if s.Level == 0 {
			want = append(want, squash(s.Heading))
		}
	}
	if len(a.Terms) > 0 {
		heading := a.TermsHeading
		if heading == "" {
			heading = content.DefaultTermsHeading
		}
		want = append(want, squash(heading))
	}
	if len(a.Notes) > 0 {
		want = append(want, "Notes")
	}
	if strings.Join(h2, "|") != strings.Join(want, "|") {
		t.Errorf("%s: H2s\n%q\nwant\n%q", name, h2, want)
	}
	// The comparison: the first table's header row, then its rows.
	var cols, rows []string
	inTable, row := false, 0
	for _, e := range elems {
		switch {
		case e.typ == "Table" && !inTable && cols == nil:
			inTable = true
		case inTable && e.typ == "Table", inTable && (e.typ == "Figure" || e.typ == "H2"):
			inTable = false
		case inTable && e.typ == "TR":
			row++
		case inTable && e.typ == "TH" && row == 1:
			if e.scope != "Column" {
				t.Errorf("%s: header cell %q has scope %q", name, e.text, e.scope)
			}
			cols = append(cols, squash(e.text))
		case inTable && e.typ == "TH":
			if e.scope != "Row" {
				t.Errorf("%s: row header %q has scope %q", name, e.text, e.scope)
			}
			rows = append(rows, squash(e.text))
		}
	}
	if len(cols) != len(a.Table.Subjects)+1 {
		t.Fatalf("%s: header row %q, want the label and %q", name, cols, a.Table.Subjects)
	}
	for i, s := range a.Table.Subjects {
		if cols[i+1] != squash(s) {
			t.Errorf("%s: column header %d is %q, want %q", name, i+1, cols[i+1], s)
		}
	}
	if len(rows) != len(a.Table.Rows) {
		t.Fatalf("%s: %d row headers, want %d", name, len(rows), len(a.Table.Rows))
	}
	for i, r := range a.Table.Rows {
		if rows[i] != squash(r.Aspect) {
			t.Errorf("%s: row %d header %q, want %q", name, i+1, rows[i], r.Aspect)
		}
	}
}

// TestTaggedPDFCorpus checks the tree of every Markdown test article
// (lists, notes, other tables, sub-sections): every MCID reached once,
// nothing painted outside marked content, one H1, one Figure with /Alt,
// a Note for each footnote.
func TestTaggedPDFCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	needPikepdf(t)
	paths, err := filepath.Glob(testkit.Path("testdata/markdown/*.md"))
	if err != nil || len(paths) == 0 {
		t.Fatal("no test articles", err)
	}
	notes := 0
	for _, p := range paths {
		rel, _ := filepath.Rel(testkit.Root(), p)
		a, err := content.Load(p)
		if err != nil {
			continue // an article the loader rejects on purpose
		}
		path := readers.WriteTemp(t, "corpus.pdf", renderPDF(t, a, render.Options{}))
		var tree tagTree
		if err := json.Unmarshal([]byte(readers.Run(t, readers.Python, "testdata/tagtree.py", path)), &tree); err != nil {
			t.Fatal(err)
		}
		for _, pr := range tree.Problems {
			t.Errorf("%s: %s", rel, pr)
		}
		count := map[string]int{}
		for _, e := range tree.Elems {
			count[e.Type]++
			if e.Type == "Figure" && strings.TrimSpace(e.Alt) == "" {
				t.Errorf("%s: a Figure without /Alt", rel)
			}
		}
		if count["H1"] != 1 || count["Figure"] != 1 || count["LI"] != count["Lbl"] || count["LI"] != count["LBody"] {
			t.Errorf("%s: element counts %v", rel, count)
		}
		if count["Note"] != len(a.Notes) {
			t.Errorf("%s: %d Note elements for %d footnotes", rel, count["Note"], len(a.Notes))
		}
		notes += len(a.Notes)
	}
	if notes == 0 {
		t.Error("no test article has footnotes: the Note check checked nothing")
	}
}

// checkQpdfJSON reads the objects as qpdf --json gives them: the catalog
// has the structure tree root, MarkInfo, ViewerPreferences and Lang, the
// trailer's Info is an Info dictionary, and every page has StructParents
// (its index).
func checkQpdfJSON(t *testing.T, name, out string) {
	t.Helper()
	var doc struct {
		Pages []struct{ Object string }
		Qpdf  []json.RawMessage
	}
	var objs map[string]struct{ Value map[string]any }
	if err := json.Unmarshal([]byte(out), &doc); err != nil || len(doc.Qpdf) < 2 {
		t.Fatalf("%s: qpdf --json: %v", name, err)
	}
	if err := json.Unmarshal(doc.Qpdf[1], &objs); err != nil {
		t.Fatalf("%s: qpdf --json objects: %v", name, err)
	}
	obj := func(ref any) map[string]any {
		s, _ := ref.(string)
		return objs["obj:"+s].Value
	}
	trailer := objs["trailer"].Value
	cat := obj(trailer["/Root"])
	if cat["/StructTreeRoot"] == nil || cat["/Lang"] == nil || fmt.Sprint(cat["/MarkInfo"]) != "map[/Marked:true]" ||
		fmt.Sprint(cat["/ViewerPreferences"]) != "map[/DisplayDocTitle:true]" {
		t.Errorf("%s: catalog %v", name, cat)
	}
	if obj(cat["/StructTreeRoot"])["/Type"] != "/StructTreeRoot" {
		t.Errorf("%s: the StructTreeRoot is %v", name, obj(cat["/StructTreeRoot"]))
	}
	if info := obj(trailer["/Info"]); info["/Title"] == nil || info["/CreationDate"] == nil {
		t.Errorf("%s: the trailer's /Info is %v", name, info)
	}
	for i, p := range doc.Pages {
		if sp, ok := obj(p.Object)["/StructParents"].(float64); !ok || int(sp) != i {
			t.Errorf("%s: page %d has /StructParents %v", name, i+1, obj(p.Object)["/StructParents"])
		}
	}
}

// The document's /Lang (and, under --pdfa, the XMP's dc:language) is the
// article's language.
func TestPDFLanguageIsTheArticles(t *testing.T) {
	needPikepdf(t)
	a := testkit.Seed(t)
	a.Lang = "de-CH"
	path := readers.WriteTemp(t, "lang.pdf", renderPDF(t, a, render.Options{PDFA: true}))
	var tree tagTree
	if err := json.Unmarshal([]byte(readers.Run(t, readers.Python, "testdata/tagtree.py", path)), &tree); err != nil {
		t.Fatal(err)
	}
	if tree.Catalog.Lang != "de-CH" {
		t.Errorf("/Lang %q, want de-CH", tree.Catalog.Lang)
	}
	got := readers.Run(t, readers.Python, "-c", "import pikepdf,sys; print(pikepdf.open(sys.argv[1]).open_metadata().get('dc:language'))", path)
	if !strings.Contains(got, "de-CH") {
		t.Errorf("XMP dc:language %q, want de-CH", got)
	}
}
