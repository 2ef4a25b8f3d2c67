package layout_test

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/triptych/triptych/layout"
	"github.com/triptych/triptych/layout/fonts"
	"github.com/triptych/triptych/render/png"
)

// TestIconsForAspects checks IconFor on aspect names collected from real
// comparison tables (testdata/aspects/aspects.txt: the aspect, a tab, the
// icon each should get): every one must match, and at most 15 % may get
// the neutral icon.
func TestIconsForAspects(t *testing.T) {
	f, err := os.Open("../testdata/aspects/aspects.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	kinds := map[string]bool{}
	for _, k := range layout.IconKinds() {
		kinds[k] = true
	}
	total, neutral, wrong := 0, 0, 0
	per := map[string]int{}
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		text := sc.Text()
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		aspect, want, ok := strings.Cut(text, "\t")
		if !ok || !kinds[want] {
			t.Errorf("aspects.txt:%d: want %q, an aspect, a tab and one of the icons", line, text)
			continue
		}
		total++
		got := layout.IconFor(aspect)
		per[got]++
		if got == "neutral" {
			neutral++
		}
		if got != want {
			wrong++
			t.Errorf("aspects.txt:%d: IconFor(%q) = %s, want %s", line, aspect, got, want)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if total < 150 {
		t.Errorf("only %d aspects; want at least 150", total)
	}
	share := float64(neutral) / float64(total)
	used := 0
	for k := range kinds {
		if per[k] > 0 {
			used++
		}
	}
	t.Logf("%d aspects: %d match their expected icon, %d neutral (%.1f %%); %d of %d icons used",
		total, total-wrong, neutral, 100*share, used, len(kinds))
	if share > 0.15 {
		t.Errorf("neutral share %.1f %% is over 15 %%", 100*share)
	}
	for k := range kinds {
		if per[k] == 0 {
			t.Errorf("icon %s is never chosen for the collected aspects", k)
		}
	}
}

// TestIconForMatching pins the matching rules: stems, phrases, the main
// part over parentheses, precedence and the neutral icon.
func TestIconForMatching(t *testing.T) {
	for aspect, want := range map[string]string{
		"Pricing":                 "price",
		"PRICES":                  "price",
		"Scaling Limit":           "scale",
		"Scalability":             "scale",
		"Setup Time":              "time",
		"Learning Curve":          "curve",
		"Battery Life (Video)":    "battery",
		"Video (Battery Life)":    "video",
		"Screen Size":             "display",
		"Interest Rate":           "percent",
		"Safety Rating":           "shield",
		"Vendor Lock-in":          "lock",
		"Talk & Text":             "mobile",
		"Men's Weight":            "weight",
		"Weather":                 "neutral",
		"":                        "neutral",
		"Résumé Gaps":             "neutral",
		"Hybrid Battery Warranty": "shield",
	} {
		if got := layout.IconFor(aspect); got != want {
			t.Errorf("IconFor(%q) = %s, want %s", aspect, got, want)
		}
	}
}

// TestIconDrawings checks that every icon draws, stays in its box and
// scales with it.
func TestIconDrawings(t *testing.T) {
	kinds := layout.IconKinds()
	if len(kinds) < 41 {
		t.Errorf("%d icons; want at least 40 and the neutral one", len(kinds))
	}
	c, bg := layout.Color{R: 10, G: 20, B: 30}, layout.Color{R: 250, G: 250, B: 250}
	for _, k := range kinds {
		const x, y, size = 100, 200, 48
		boxes := layout.IconBoxes(k, x, y, size, c, bg)
		if len(boxes) == 0 {
			t.Errorf("%s draws nothing", k)
		}
		area := layout.Rect{X: x, Y: y, W: size, H: size}
		for _, b := range boxes {
			if !area.Contains(b.Bounds()) {
				t.Errorf("%s: %T %v outside %v", k, b, b.Bounds(), area)
			}
			p, ok := b.(*layout.Path)
			if !ok {
				continue
			}
			// The stroke is 2 units of 24; its centre line stays 0.5 in.
			in := layout.Rect{X: x + size/48, Y: y + size/48, W: size * 46 / 48, H: size * 46 / 48}
			for _, op := range p.Ops {
				for i := 0; i+1 < len(op.Pts); i += 2 {
					pt := layout.Rect{X: op.Pts[i], Y: op.Pts[i+1]}
					if !in.Contains(pt) {
						t.Errorf("%s: point (%.1f, %.1f) of grid-size icon leaves the box", k, (pt.X-x)*24/size, (pt.Y-y)*24/size)
					}
				}
			}
			if p.Ops[0].Kind != 'M' {
				t.Errorf("%s: a path starts with %c", k, p.Ops[0].Kind)
			}
		}
	}
	dump := func(k string) string {
		return layout.Dump(&layout.Document{Pages: []layout.Page{{Boxes: layout.IconBoxes(k, 0, 0, 24, c, bg)}}})
	}
	if dump("no such icon") != dump("neutral") {
		t.Error("an unknown icon does not draw the neutral one")
	}
}

// TestIconContactSheet paints every icon at poster size (24 px) and at
// 48 px with its name and the aspects that chose it. ICON_SHEET=path.png
// writes it (docs/icons.png is one).
func TestIconContactSheet(t *testing.T) {
	out := os.Getenv("ICON_SHEET")
	if out == "" {
		t.Skip("set ICON_SHEET=path.png to write the contact sheet")
	}
	kinds := layout.IconKinds()
	sort.Strings(kinds[:len(kinds)-1])
	const cols, cellW, cellH, margin = 6, 190, 118, 24
	rows := (len(kinds) + cols - 1) / cols
	th := layout.Light
	ink := th.Subjects[0].Mix(th.Text, 0.35) // the poster's icon colour
	doc := &layout.Document{Width: 2*margin + cols*cellW, Height: 2*margin + 44 + float64(rows)*cellH, Background: th.Background}
	var boxes []layout.Box
	title := fmt.Sprintf("triptych poster icons: %d and the neutral mark, at 24 px (poster size), 48 px and on the dark theme", len(kinds)-1)
	boxes = append(boxes, &layout.Text{X: margin, Baseline: margin + 18, Size: 18, Face: fonts.SansBold, Color: th.Text, Text: title,
		Width: fonts.SansBold.Width(title, 18)})
	for i, k := range kinds {
		x := float64(margin + (i%cols)*cellW)
		y := float64(margin + 44 + (i/cols)*cellH)
		boxes = append(boxes, &layout.Fill{Rect: layout.Rect{X: x + 4, Y: y, W: cellW - 8, H: cellH - 10}, Color: th.Card, Radius: 6})
		boxes = append(boxes, layout.IconBoxes(k, x+18, y+24, 24, ink, th.Card)...)
		boxes = append(boxes, layout.IconBoxes(k, x+60, y+12, 48, ink, th.Card)...)
		dk := layout.Dark
		boxes = append(boxes, &layout.Fill{Rect: layout.Rect{X: x + 122, Y: y + 16, W: 52, H: 48}, Color: dk.Background, Radius: 6})
		boxes = append(boxes, layout.IconBoxes(k, x+136, y+28, 24, dk.Subjects[0].Mix(dk.Text, 0.35), dk.Background)...)
		boxes = append(boxes, &layout.Text{X: x + 18, Baseline: y + 88, Size: 15, Face: fonts.SansBold, Color: th.Text, Text: k,
			Width: fonts.SansBold.Width(k, 15)})
	}
	doc.Pages = []layout.Page{{Boxes: boxes}}
	img, err := png.Paint(doc, 2)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		t.Fatal(err)
	}
	w, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if err := png.Encode(w, img, nil); err != nil {
		t.Fatal(err)
	}
}
