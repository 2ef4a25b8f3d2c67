package layout

import (
	"strings"
	"testing"
	"time"
)

// TestEveryBoxKindHasACase: a box kind added without a case in a
// transform is caught here (painters have the same test).
func TestEveryBoxKindHasACase(t *testing.T) {
	for _, b := range SampleBoxes() {
		if !moveBox(b, 1) {
			t.Errorf("moveBox has no case for %T", b)
		}
		if transformBox(b, 0.5, 1, 1) == nil {
			t.Errorf("transformBox has no case for %T", b)
		}
		if d := Dump(&Document{Pages: []Page{{Boxes: []Box{b}}}}); strings.Contains(d, "unknown box") {
			t.Errorf("Dump has no case for %T", b)
		}
	}
}

// The handout's figure is the poster the infographic shows: the same
// theme and the same size, placed, not laid out again.
func TestHandoutPlacesThePosterOfTheResult(t *testing.T) {
	a := load(t, "../examples/software-engineer-vs-platform-sre.md")
	res, err := Layout(a, Options{Theme: "dark", Size: "og", Parts: Parts{Poster: true, Handout: true}})
	if err != nil {
		t.Fatal(err)
	}
	if res.Poster.Background != Dark.Background || res.Meta.Theme != "dark" {
		t.Fatalf("poster background %s, theme %q", res.Poster.Background.Hex(), res.Meta.Theme)
	}
	var figure *Fill
	for _, p := range res.Handout.Pages {
		for _, b := range p.Boxes {
			if f, ok := b.(*Fill); ok && f.Color == res.Poster.Background && figure == nil {
				figure = f
			}
		}
	}
	if figure == nil {
		t.Fatal("the handout has no figure in the poster's background colour")
	}
	if got, want := figure.W/figure.H, res.Poster.Width/res.Poster.Height; got < want*0.99 || got > want*1.01 {
		t.Errorf("figure ratio %.3f, poster ratio %.3f: not the same poster", got, want)
	}
	texts := 0
	for _, b := range res.Poster.Pages[0].Boxes {
		if _, ok := b.(*Text); ok {
			texts++
		}
	}
	figureTexts := 0
	for _, p := range res.Handout.Pages {
		for _, b := range p.Boxes {
			if tx, ok := b.(*Text); ok && tx.Role == RoleFigure {
				figureTexts++
			}
		}
	}
	if figureTexts != texts {
		t.Errorf("the figure has %d texts, the poster %d", figureTexts, texts)
	}
}

// One rule for the files' date: the article's, else SOURCE_DATE_EPOCH in
// 1900–2200, else 1980-01-01.
func TestStamp(t *testing.T) {
	a := load(t, "../examples/software-engineer-vs-platform-sre.md")
	for _, tc := range []struct {
		epoch, want string
		warn        bool
	}{
		{"", "1980-01-01", false},
		{"1700000000", "2023-11-14", false},
		{"99999999999", "1980-01-01", true},
		{"-99999999999", "1980-01-01", true},
		{"soon", "1980-01-01", true},
	} {
		t.Setenv("SOURCE_DATE_EPOCH", tc.epoch)
		b := *a
		b.Updated = time.Time{}
		res, err := Layout(&b, Options{Parts: Parts{Workbook: true}})
		if err != nil {
			t.Fatal(err)
		}
		if got := res.Meta.Stamp.Format("2006-01-02"); got != tc.want {
			t.Errorf("SOURCE_DATE_EPOCH=%q: stamp %s, want %s", tc.epoch, got, tc.want)
		}
		warned := false
		for _, w := range res.Warnings {
			warned = warned || strings.Contains(w.Msg, "SOURCE_DATE_EPOCH")
		}
		if warned != tc.warn {
			t.Errorf("SOURCE_DATE_EPOCH=%q: warned %v", tc.epoch, warned)
		}
	}
	t.Setenv("SOURCE_DATE_EPOCH", "1700000000")
	res, _ := Layout(a, Options{})
	if res.Meta.Stamp != a.Updated {
		t.Errorf("an article's own date must win over SOURCE_DATE_EPOCH")
	}
}

// Labels and colours are decided once: the workbook's header says what
// the handout's does, and an unreadable accent is warned whatever the
// formats asked for.
func TestDecidedOnce(t *testing.T) {
	a := load(t, "../examples/software-engineer-vs-platform-sre.md")
	a.Table.Label = ""
	for _, parts := range []Parts{{Workbook: true}, {Poster: true}, {Handout: true}} {
		res, err := Layout(a, Options{Accents: []string{"#ffff00"}, Parts: parts})
		if err != nil {
			t.Fatal(err)
		}
		warned := false
		for _, w := range res.Warnings {
			warned = warned || strings.Contains(w.Msg, "too light")
		}
		if !warned {
			t.Errorf("%+v: no warning for the unreadable accent", parts)
		}
		if res.Meta.AspectLabel != DefaultLabel {
			t.Errorf("label %q", res.Meta.AspectLabel)
		}
		if parts.Workbook && (res.Workbook.Header[0] != DefaultLabel || res.Workbook.HeaderColors[0] == (Color{255, 255, 0})) {
			t.Errorf("workbook header %q colour %s", res.Workbook.Header[0], res.Workbook.HeaderColors[0].Hex())
		}
	}
}
