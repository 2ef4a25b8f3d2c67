package fonts

import "testing"

func TestEveryFaceLoadsAndMeasures(t *testing.T) {
	if err := Load(); err != nil {
		t.Fatal(err)
	}
	for _, f := range All {
		if !f.Has('A') || f.Advance('A') <= 0 || f.Ascent() <= 0 || f.Descent() <= 0 {
			t.Errorf("%s: has %v, advance %v", f, f.Has('A'), f.Advance('A'))
		}
		if f.Has(0x1F680) {
			t.Errorf("%s claims an emoji glyph", f)
		}
	}
	// Arial metrics: "0" is 0.556 em in Liberation Sans.
	if w := SansRegular.Width("00", 10); w < 11.1 || w > 11.15 {
		t.Errorf("width of 00 at 10 pt = %v", w)
	}
	if SansRegular.With(true, true) != SansBoldItalic || SerifBold.With(false, true) != SerifItalic {
		t.Error("With picks the wrong face")
	}
	if SerifItalic.Family() != "serif" || SansBold.Style() != "B" {
		t.Error("Family or Style wrong")
	}
}
