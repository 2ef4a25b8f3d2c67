package layout

import (
	"strings"
	"testing"

	"github.com/triptych/triptych/layout/fonts"
)

// TestKinsoku breaks Japanese text, which has no spaces, at widths that
// put punctuation, small kana and brackets at every position, and checks
// that no line starts with closing punctuation or a small kana, or ends
// with an opening bracket.
func TestKinsoku(t *testing.T) {
	const text = "東京の家賃は全国で最も高く、特に都心部では大阪より三割ほど高くなります。「食費」や光熱費の差は小さいので、家賃が生活費の差の大部分を占めます。ちょっと待って！（本当に？）"
	checked := 0
	for width := 40.0; width < 200; width += 3 {
		lines := BreakJustified([]Span{{Text: text, Face: fonts.SansRegular}}, 10, width)
		var all strings.Builder
		for i, l := range lines {
			var line strings.Builder
			for _, p := range l.Pieces {
				line.WriteString(p.Text)
			}
			s := []rune(line.String())
			all.WriteString(line.String())
			if len(s) == 0 {
				continue
			}
			checked++
			if i > 0 && noLineStart(s[0]) {
				t.Errorf("width %.0f: line %d starts with %q: %s", width, i+1, s[0], string(s))
			}
			if i < len(lines)-1 && noLineEnd(s[len(s)-1]) {
				t.Errorf("width %.0f: line %d ends with %q: %s", width, i+1, s[len(s)-1], string(s))
			}
		}
		if all.String() != text {
			t.Fatalf("width %.0f: the lines say %q", width, all.String())
		}
	}
	if checked < 100 {
		t.Fatalf("only %d lines checked", checked)
	}
}
