package fonts_test

import (
	"strings"
	"testing"

	"github.com/triptych/triptych/internal/readers"
	"github.com/triptych/triptych/layout/fonts"
)

func TestRegisterRefusesWhatThePDFCannotEmbed(t *testing.T) {
	cases := map[string]struct {
		data []byte
		want string
	}{
		"cff.otf":   {append([]byte("OTTO"), make([]byte, 60)...), "CFF outlines"},
		"noto.ttc":  {append([]byte("ttcf"), make([]byte, 60)...), "collection"},
		"notes.txt": {[]byte("these are not the glyphs you are looking for"), "not a TrueType font"},
		"tiny.ttf":  {[]byte("\x00\x01"), "not a font file"},
		"empty.ttf": {append([]byte("\x00\x01\x00\x00\x00\x00"), make([]byte, 20)...), "without glyph outlines"},
	}
	for name, c := range cases {
		_, err := fonts.Register(name, c.data)
		if err == nil || !strings.Contains(err.Error(), c.want) || !strings.HasPrefix(err.Error(), name+": ") {
			t.Errorf("%s: got %v, want an error naming the file and saying %q", name, err, c.want)
		}
	}
}

func TestFallbackDrawsWhatTheFacesLack(t *testing.T) {
	data := readers.NeedFile(t, readers.DroidFallback, "fonts-droid-fallback")
	fb, err := fonts.Register("droid.ttf", data)
	if err != nil {
		t.Fatal(err)
	}
	if again, _ := fonts.Register("copy.ttf", data); again != fb {
		t.Errorf("the same font registered twice gave faces %v and %v", fb, again)
	}
	if !fb.IsFallback() || fb.Sum() == "" || !strings.Contains(fb.String(), "Droid") {
		t.Errorf("fallback face: IsFallback %v, Sum %q, name %q", fb.IsFallback(), fb.Sum(), fb)
	}
	t.Cleanup(func() { fonts.SetFallbacks(nil) })

	const text = "Rent 家賃 is high"
	if fonts.SerifRegular.Draws('家') {
		t.Fatal("Liberation Serif draws 家 without a fallback: the test needs a character it lacks")
	}
	if runs := fonts.Runs(fonts.SerifRegular, text); len(runs) != 1 {
		t.Errorf("without fallbacks: %d runs, want 1", len(runs))
	}
	plain := fonts.SerifRegular.Width(text, 10)
	if err := fonts.SetFallbacks([]fonts.Face{fb}); err != nil {
		t.Fatal(err)
	}
	if !fonts.SerifBold.Draws('家') || fonts.SerifBold.For('家') != fb || fonts.SerifBold.For('R') != fonts.SerifBold {
		t.Error("with the fallback set, the faces do not draw 家 through it")
	}
	runs := fonts.Runs(fonts.SerifRegular, text)
	want := []fonts.Run{{fonts.SerifRegular, "Rent "}, {fb, "家賃"}, {fonts.SerifRegular, " is high"}}
	if len(runs) != len(want) {
		t.Fatalf("runs %v, want %v", runs, want)
	}
	total := 0.0
	for i := range runs {
		if runs[i] != want[i] {
			t.Errorf("run %d is %v, want %v", i, runs[i], want[i])
		}
		total += runs[i].Face.Width(runs[i].Text, 10)
	}
	// The layout measures with the fallback's advances: the text is as
	// wide as its runs, and no longer as wide as with placeholders.
	if w := fonts.SerifRegular.Width(text, 10); w != total || w == plain {
		t.Errorf("width %.2f with the fallback, runs %.2f, placeholders %.2f", w, total, plain)
	}
	if only := fonts.Runs(fonts.SansBold, "項目"); len(only) != 1 || only[0].Face != fb {
		t.Errorf("a text all in the fallback: runs %v", only)
	}
}
