package layout

import (
	"math"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/triptych/triptych/layout/fonts"
)

// TestLetterSpacingOnlyPastTheSpaceLimit sets paragraphs of words that
// are never hyphenated (capitalised names) at measures that leave some
// lines loose, and checks the justification: a line is letter-spaced only
// once its spaces reach 1.5×, never past maxTrackEm, and every piece's
// width is its letters' width plus the spacing between them.
func TestLetterSpacingOnlyPastTheSpaceLimit(t *testing.T) {
	const size = 10.5
	text := strings.Repeat("Kubernetes Terraform Prometheus Grafana Ansible Jenkins Elasticsearch PostgreSQL ", 6)
	face := fonts.SerifRegular
	space := face.Width(" ", size)
	tracked := 0
	for _, width := range []float64{220, 260, 300, 315, 340} {
		lines := BreakJustified([]Span{{Text: text, Face: face}}, size, width)
		for li, l := range lines[:len(lines)-1] {
			track := 0.0
			for _, p := range l.Pieces {
				if p.Tracking < 0 || p.Tracking > maxTrackEm*size+1e-9 {
					t.Fatalf("width %.0f line %d: %q tracked %.3f pt, outside 0 to %.3f", width, li, p.Text, p.Tracking, maxTrackEm*size)
				}
				want := face.Width(p.Text, size) + p.Tracking*float64(utf8.RuneCountInString(p.Text)-1)
				if math.Abs(p.W-want) > 0.01 {
					t.Fatalf("width %.0f line %d: %q is %.2f pt wide, its letters and spacing %.2f", width, li, p.Text, p.W, want)
				}
				track = math.Max(track, p.Tracking)
			}
			if math.Abs(l.Width-width*slack) > 0.05 && len(l.Pieces) > 1 {
				t.Errorf("width %.0f line %d is %.2f pt, not justified to %.2f", width, li, l.Width, width*slack)
			}
			if track == 0 {
				continue
			}
			tracked++
			for i := 1; i < len(l.Pieces); i++ {
				gap := l.Pieces[i].X - (l.Pieces[i-1].X + l.Pieces[i-1].W)
				if gap < 1.5*space-0.01 {
					t.Errorf("width %.0f line %d is letter-spaced while a space is %.2f× (under 1.5×)", width, li, gap/space)
				}
			}
		}
	}
	if tracked == 0 {
		t.Fatal("no line was letter-spaced: the test sets nothing loose")
	}
}
