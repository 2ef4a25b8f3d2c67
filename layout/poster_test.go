package layout

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/triptych/triptych/content"
	"github.com/triptych/triptych/internal/testkit"
	"github.com/triptych/triptych/layout/fonts"
)

func load(t testing.TB, path string) *content.Article {
	return testkit.Load(t, strings.TrimPrefix(path, "../"))
}

// synthetic makes an article with n rows and the given subjects.
func synthetic(t testing.TB, subjects []string, rows int, cell func(r, c int) string) *content.Article {
	t.Helper()
	var b strings.Builder
	fmt.Fprintf(&b, "---\ntitle: %s\nsubtitle: A synthetic comparison\ndate: 2025-01-02\nauthor: Test\n---\n\n", strings.Join(subjects, " vs. "))
	b.WriteString("| Aspect | " + strings.Join(subjects, " | ") + " |\n|" + strings.Repeat("---|", len(subjects)+1) + "\n")
	for r := range rows {
		fmt.Fprintf(&b, "| Aspect number %d |", r+1)
		for c := range subjects {
			b.WriteString(" " + cell(r, c) + " |")
		}
		b.WriteString("\n")
	}
	b.WriteString("\n## Related Important Terms\n\n### First Term\n\nDefinition.\n\n### Second Term\n\nDefinition.\n")
	a, err := content.Parse("synthetic.md", []byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func corpus(t testing.TB) map[string]*content.Article {
	t.Helper()
	arts := map[string]*content.Article{"seed": load(t, "../examples/software-engineer-vs-platform-sre.md")}
	files, _ := filepath.Glob("../testdata/articles/*.txt")
	for _, f := range files {
		arts[filepath.Base(f)] = load(t, f)
	}
	// Markdown as site generators write it: lists, footnotes, other tables,
	// line breaks in cells.
	mds, _ := filepath.Glob("../testdata/markdown/*.md")
	for _, f := range mds {
		if a, err := content.Load(f); err == nil {
			arts[filepath.Base(f)] = a
		}
	}
	plain := func(r, c int) string { return fmt.Sprintf("Cell %d of row %d says something useful.", c+1, r+1) }
	arts["one row"] = synthetic(t, []string{"Alpha", "Beta"}, 1, plain)
	arts["twelve rows"] = synthetic(t, []string{"Alpha", "Beta", "Gamma"}, 12, plain)
	arts["long word"] = synthetic(t, []string{"Alpha", "Beta"}, 2, func(r, c int) string {
		return strings.Repeat("x", 300) + " and https://example.com/a/very/long/path/that/keeps/going/on/and/on"
	})
	arts["unicode"] = synthetic(t, []string{"Café", "Кафе"}, 3, func(r, c int) string {
		return "Ελληνικά, кириллица, accents éàü, an emoji 🚀 and “quotes” — dashes."
	})
	return arts
}

// checkInvariants asserts what every laid-out page must satisfy: boxes
// inside the canvas, no text wider than its line, and no two boxes that
// partly overlap (each pair is disjoint or one contains the other).
func checkInvariants(t *testing.T, name string, doc *Document) {
	t.Helper()
	canvas := Rect{0, 0, doc.Width, doc.Height}
	for _, page := range doc.Pages {
		var flat []Box
		for _, b := range page.Boxes {
			if !canvas.Contains(b.Bounds()) {
				t.Errorf("%s: %T %+v outside the canvas %vx%v", name, b, b.Bounds(), doc.Width, doc.Height)
			}
			if tx, ok := b.(*Text); ok {
				if w := tx.Face.Width(tx.Text, tx.Size); w > tx.Width+0.01 {
					t.Errorf("%s: text %q measures %.2f, wider than its box %.2f", name, tx.Text, w, tx.Width)
				}
			}
			switch b.(type) {
			case *Text, *Fill:
				flat = append(flat, b)
			}
		}
		for i := range flat {
			for j := i + 1; j < len(flat); j++ {
				a, b := flat[i].Bounds(), flat[j].Bounds()
				if a.Overlaps(b) && !a.Contains(b) && !b.Contains(a) {
					t.Errorf("%s: %T %q %+v overlaps %T %q %+v", name, flat[i], textOf(flat[i]), a, flat[j], textOf(flat[j]), b)
				}
			}
		}
	}
}

func textOf(b Box) string {
	if t, ok := b.(*Text); ok {
		return t.Text
	}
	return ""
}

func TestPosterInvariants(t *testing.T) {
	for name, a := range corpus(t) {
		for _, theme := range []string{"light", "dark"} {
			for size := range PosterSizes {
				doc, err := Poster(a, PosterOptions{Theme: theme, Size: size})
				if err != nil {
					t.Errorf("%s/%s/%s: %v", name, theme, size, err)
					continue
				}
				checkInvariants(t, name+"/"+theme+"/"+size, doc)
				if want := PosterSizes[size]; want.Height > 0 && (doc.Width != want.Width || doc.Height != want.Height) {
					t.Errorf("%s/%s: %vx%v, want %vx%v", name, size, doc.Width, doc.Height, want.Width, want.Height)
				}
			}
		}
	}
}

// TestContrast checks every text box against the colour painted under it.
func TestContrast(t *testing.T) {
	arts := corpus(t)
	for _, opts := range []PosterOptions{
		{Theme: "light"}, {Theme: "dark"}, {Theme: "light", Accents: []string{"#FFFF00", "#AAFFAA"}},
		{Theme: "dark", Size: "og"},
	} {
		for name, a := range arts {
			doc, err := Poster(a, opts)
			if err != nil {
				t.Fatal(err)
			}
			boxes := doc.Pages[0].Boxes
			for i, b := range boxes {
				tx, ok := b.(*Text)
				if !ok {
					continue
				}
				bg := doc.Background
				for j := i - 1; j >= 0; j-- {
					if under, ok := boxes[j].(*Fill); ok && under.Rect.Contains(tx.Bounds()) {
						bg = under.Color
						break
					}
					if c, ok := boxes[j].(*Circle); ok && c.Bounds().Contains(tx.Bounds()) {
						bg = c.Color
						break
					}
				}
				bold := tx.Face == fonts.SansBold || tx.Face == fonts.SerifBold
				if got, need := Contrast(tx.Color, bg), MinContrast(tx.Size, bold); got < need {
					t.Errorf("%s %+v: %q %s on %s has contrast %.2f < %.1f", name, opts, tx.Text, tx.Color.Hex(), bg.Hex(), got, need)
				}
			}
		}
	}
}

func TestFixedSizesDropInOrder(t *testing.T) {
	a := synthetic(t, []string{"Alpha", "Beta", "Gamma"}, 24, func(r, c int) string {
		return strings.Repeat("A fairly long sentence for this cell. ", 4)
	})
	doc, err := Poster(a, PosterOptions{Size: "portrait"})
	if err != nil {
		t.Fatal(err)
	}
	var msgs []string
	for _, w := range doc.Warnings {
		msgs = append(msgs, w.Msg)
	}
	joined := strings.Join(msgs, "\n")
	for _, want := range []string{"leaves out the related terms", "shortens table cells", "aspects to fit"} {
		if !strings.Contains(joined, want) {
			t.Errorf("warnings lack %q:\n%s", want, joined)
		}
	}
	found := false
	for _, b := range doc.Pages[0].Boxes {
		if tx, ok := b.(*Text); ok {
			found = found || strings.HasPrefix(tx.Text, "+") && strings.Contains(tx.Text, "more aspect")
			floor := float64(minLabelPx)
			if tx.Face == fonts.SansRegular && tx.Color == Light.Text {
				floor = minBodyPx // cell text
			}
			if tx.Size < floor-0.01 {
				t.Errorf("text %q at %.1f px is under the floor of %v", tx.Text, tx.Size, floor)
			}
		}
	}
	if !found {
		t.Error("no \"+K more aspects\" line")
	}
}

func TestMissingGlyphsWarnAndShowPlaceholder(t *testing.T) {
	a := corpus(t)["unicode"]
	doc, err := Poster(a, PosterOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Warnings) == 0 || !strings.Contains(doc.Warnings[0].String(), "U+1F680") || !strings.Contains(doc.Warnings[0].String(), "synthetic.md:") {
		t.Errorf("warnings: %v", doc.Warnings)
	}
	for _, b := range doc.Pages[0].Boxes {
		if tx, ok := b.(*Text); ok {
			for _, r := range tx.Text {
				if !covered(r) {
					t.Errorf("text %q holds %q, which the fonts lack", tx.Text, r)
				}
			}
		}
	}
	if !covered(Placeholder) {
		t.Error("the placeholder itself is not covered")
	}
}

func TestIconFor(t *testing.T) {
	cases := map[string]string{
		"Primary Focus": "focus", "Core Responsibilities": "responsibilities", "Key Skills": "skills",
		"Tools Used": "tools", "Goal": "goal", "Collaboration": "collaboration", "Typical Metrics": "metrics",
		"Salary Range": "salary", "Typical Background": "background", "Learning Curve": "curve",
		"Scalability": "scale", "Weather": "neutral",
	}
	for aspect, want := range cases {
		if got := IconFor(aspect); got != want {
			t.Errorf("IconFor(%q) = %q, want %q", aspect, got, want)
		}
	}
}

// TestPosterGolden keeps a readable dump of the seed's layout, one line per
// box; UPDATE_GOLDEN=1 rewrites it.
func TestPosterGolden(t *testing.T) {
	doc, err := Poster(load(t, "../examples/software-engineer-vs-platform-sre.md"), PosterOptions{})
	if err != nil {
		t.Fatal(err)
	}
	got := Dump(doc)
	golden := "testdata/poster-seed.golden"
	if os.Getenv("UPDATE_GOLDEN") == "1" && os.Getenv("CI") != "true" {
		os.MkdirAll("testdata", 0o755)
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (UPDATE_GOLDEN=1 creates it)", err)
	}
	if string(want) != got {
		t.Errorf("layout differs from %s; rerun with UPDATE_GOLDEN=1 after checking the picture", golden)
	}
}

func BenchmarkPoster(b *testing.B) {
	a := load(b, "../examples/software-engineer-vs-platform-sre.md")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Poster(a, PosterOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}
