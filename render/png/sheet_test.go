package png

import (
	"bytes"
	"fmt"
	stdpng "image/png"
	"os"
	"path/filepath"
	"testing"

	"github.com/triptych/triptych/internal/testkit"
	"github.com/triptych/triptych/layout"
	"github.com/triptych/triptych/layout/fonts"
	"github.com/triptych/triptych/render"
)

// sheetPresets is the order of the contact sheet: the growing poster,
// then the fixed sizes from the widest to the tallest.
var sheetPresets = []string{"poster", "og", "square", "portrait", "pinterest", "a4"}

// TestPresetContactSheet paints the example at every size preset, light
// and dark, side by side at one height, each labelled with its name and
// pixel size. PRESET_SHEET=path.png writes it (docs/presets.png is one,
// made by `make docs`).
func TestPresetContactSheet(t *testing.T) {
	out := os.Getenv("PRESET_SHEET")
	if out == "" {
		t.Skip("set PRESET_SHEET=path.png to write the contact sheet")
	}
	a := testkit.Seed(t)
	const tileH, gap, margin, labelH = 560.0, 28.0, 32.0, 34.0
	th := layout.Light
	var boxes []layout.Box
	width, y := 0.0, margin+40
	title := "triptych: the example at every size preset, light and dark (each tile scaled to one height)"
	boxes = append(boxes, &layout.Text{X: margin, Baseline: margin + 20, Size: 22, Face: fonts.SansBold, Color: th.Text,
		Text: title, Width: fonts.SansBold.Width(title, 22)})
	for _, theme := range []string{"light", "dark"} {
		x := margin
		for _, size := range sheetPresets {
			res, err := layout.Layout(a, layout.Options{Size: size, Theme: theme, Scale: 1, Parts: layout.Parts{Poster: true}})
			if err != nil {
				t.Fatal(err)
			}
			r, err := Renderer{}.Render(res, render.Options{Scale: 1})
			if err != nil {
				t.Fatal(err)
			}
			cfg, err := stdpng.DecodeConfig(bytes.NewReader(r.Files[0].Data))
			if err != nil {
				t.Fatal(err)
			}
			w := tileH * float64(cfg.Width) / float64(cfg.Height)
			label := fmt.Sprintf("%s %s  %d×%d", size, theme, cfg.Width, cfg.Height)
			boxes = append(boxes, &layout.Text{X: x, Baseline: y + 20, Size: 17, Face: fonts.SansBold, Color: th.Text,
				Text: label, Width: fonts.SansBold.Width(label, 17)})
			boxes = append(boxes, &layout.Fill{Rect: layout.Rect{X: x - 1, Y: y + labelH - 1, W: w + 2, H: tileH + 2}, Color: th.Muted})
			boxes = append(boxes, &layout.Image{Rect: layout.Rect{X: x, Y: y + labelH, W: w, H: tileH}, PNG: r.Files[0].Data})
			x += w + gap
		}
		width = max(width, x-gap+margin)
		y += labelH + tileH + gap
	}
	doc := &layout.Document{Width: width, Height: y - gap + margin, Background: th.Background}
	doc.Pages = []layout.Page{{Boxes: boxes}}
	img, err := Paint(doc, 1)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := Encode(&buf, img, nil); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}
