package layout

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"testing"
)

// typesetFigures are the measures of issue 15 read from a laid-out
// handout: the measure, loose lines, hyphens and empty pages.
type typesetFigures struct {
	medianChars    float64
	looseShare     float64 // justified lines with a word space over 1.5× natural
	headingsAtFoot int     // headings with fewer than two lines under them on their page
	hyphensPerPage float64
	maxHyphenRun   int
	worstBlank     float64 // the largest blank share of a page but the last
	lines          int
}

func (f typesetFigures) String() string {
	return fmt.Sprintf("median %.0f chars/line, %.1f%% loose lines, %.1f hyphens/page, hyphen run %d, worst page %.0f%% blank, %d headings at a page foot (%d lines)",
		f.medianChars, 100*f.looseShare, f.hyphensPerPage, f.maxHyphenRun, 100*f.worstBlank, f.headingsAtFoot, f.lines)
}

// bodyLines groups a page's body text boxes into lines by baseline.
func bodyLines(p Page) [][]*Text {
	byLine := map[string][]*Text{}
	var keys []string
	for _, b := range p.Boxes {
		tx, ok := b.(*Text)
		if !ok || tx.Role != RoleBody {
			continue
		}
		k := fmt.Sprintf("%d/%.2f", tx.Block, tx.Baseline)
		if _, seen := byLine[k]; !seen {
			keys = append(keys, k)
		}
		byLine[k] = append(byLine[k], tx)
	}
	out := make([][]*Text, 0, len(keys))
	for _, k := range keys {
		l := byLine[k]
		sort.Slice(l, func(i, j int) bool { return l[i].X < l[j].X })
		out = append(out, l)
	}
	return out
}

func measureTypesetting(doc *Document) typesetFigures {
	var fig typesetFigures
	// A list item's label stands in the hanging indent: the gap after it
	// is the indent, not a word space.
	labels := map[int]bool{}
	doc.Structure.Leaves(func(e *StructElem) {
		if e.Type == "Lbl" {
			labels[e.Tag] = true
		}
	})
	var chars []int
	loose, justified, hyphens, run := 0, 0, 0, 0
	for pi, p := range doc.Pages {
		lines := bodyLines(p)
		for li, l := range lines {
			var text strings.Builder
			for i, tx := range l {
				if i > 0 {
					text.WriteByte(' ')
				}
				text.WriteString(tx.Text)
			}
			n := len([]rune(text.String()))
			last := l[len(l)-1]
			right := last.X + last.Width
			full := right > textRight(doc, p)-3 // a justified line reaches the right edge
			if full {
				chars = append(chars, n) // the measure: full lines, not paragraphs' last lines
			}
			if full && len(l) > 1 {
				justified++
				for i := 1; i < len(l); i++ {
					if labels[l[i-1].Tag] && l[i-1].Tag > 0 {
						continue
					}
					gap := l[i].X - (l[i-1].X + l[i-1].Width)
					if gap > 1.5*l[i-1].Face.Width(" ", l[i-1].Size)+0.01 {
						loose++
						break
					}
				}
			}
			if strings.HasSuffix(last.Text, "-") && li < len(lines)-1 {
				hyphens++
				run++
				fig.maxHyphenRun = max(fig.maxHyphenRun, run)
			} else {
				run = 0
			}
		}
		if pi < len(doc.Pages)-1 {
			fig.headingsAtFoot += headingsAtFoot(p)
			bottom := doc.Margins.Y
			for _, b := range p.Boxes {
				if tx, ok := b.(*Text); ok && (tx.Role == RolePageFooter || tx.Role == RolePageHeader) {
					continue
				}
				bottom = math.Max(bottom, b.Bounds().Y+b.Bounds().H)
			}
			blank := 1 - (bottom-doc.Margins.Y)/doc.Margins.H
			fig.worstBlank = math.Max(fig.worstBlank, blank)
		}
	}
	sort.Ints(chars)
	if len(chars) > 0 {
		fig.medianChars = float64(chars[len(chars)/2])
	}
	if justified > 0 {
		fig.looseShare = float64(loose) / float64(justified)
	}
	fig.hyphensPerPage = float64(hyphens) / float64(len(doc.Pages))
	fig.lines = len(chars)
	return fig
}

// headingsAtFoot counts the headings of a page with fewer than two lines
// of text (paragraph lines, table rows) under them on the page.
func headingsAtFoot(p Page) int {
	var headings []float64 // the baseline of each heading's last line
	lines := map[float64]bool{}
	for _, b := range p.Boxes {
		tx, ok := b.(*Text)
		if !ok {
			continue
		}
		switch tx.Role {
		case RoleHeading:
			if n := len(headings); n > 0 && tx.Baseline-headings[n-1] < 2*tx.Size {
				headings[n-1] = math.Max(headings[n-1], tx.Baseline) // the same heading's next line
			} else {
				headings = append(headings, tx.Baseline)
			}
		case RolePageHeader, RolePageFooter:
		default:
			lines[math.Round(tx.Baseline)] = true
		}
	}
	n := 0
	for _, h := range headings {
		under := 0
		for y := range lines {
			if y > h {
				under++
			}
		}
		if under < 2 {
			n++
		}
	}
	return n
}

// textRight is the right edge of the text column: the rightmost edge any
// body text of the page reaches.
func textRight(doc *Document, p Page) float64 {
	r := 0.0
	for _, b := range p.Boxes {
		if tx, ok := b.(*Text); ok && tx.Role == RoleBody {
			r = math.Max(r, tx.X+tx.Width)
		}
	}
	return r
}

// maxLooseShare bounds the justified lines whose word spaces stretch past
// 1.5× (see TestTypesetting); greedy breaking without hyphenation left
// 24 % past 2×.
const maxLooseShare = 0.02

// typesetArticles are the example, the long article and four others.
var typesetArticles = []string{
	"../examples/software-engineer-vs-platform-sre.md",
	"../testdata/long/long-comparison.md",
	"../testdata/markdown/hugo-yaml-postgres-vs-mysql.md",
	"../testdata/markdown/jekyll-django-vs-rails-vs-laravel.md",
	"../testdata/html/wordpress-fixed-vs-adjustable-mortgage.html",
	"../testdata/scraped/devops-engineer-vs-software-engineer.txt",
}

// TestTypesetting holds the handout to a book's standards on A4 and
// Letter: a readable measure, no loose justified lines, few hyphens and no
// more than two in a row, no page left mostly empty but the last.
func TestTypesetting(t *testing.T) {
	for _, path := range typesetArticles {
		a := load(t, path)
		for _, paper := range []string{"a4", "letter"} {
			doc, err := Handout(a, DocumentOptions{Paper: paper})
			if err != nil {
				t.Fatal(err)
			}
			fig := measureTypesetting(doc)
			t.Logf("%s/%s: %s", path[strings.LastIndex(path, "/")+1:], paper, fig)
			if fig.medianChars < 60 || fig.medianChars > 80 {
				t.Errorf("%s/%s: median %.0f characters a line, want 60-80", path, paper, fig.medianChars)
			}
			if fig.looseShare > maxLooseShare {
				t.Errorf("%s/%s: %.1f%% of justified lines stretch spaces past 1.5×", path, paper, 100*fig.looseShare)
			}
			if fig.headingsAtFoot > 0 {
				t.Errorf("%s/%s: %d headings at the foot of a page", path, paper, fig.headingsAtFoot)
			}
			if fig.maxHyphenRun > 2 {
				t.Errorf("%s/%s: %d hyphenated lines in a row", path, paper, fig.maxHyphenRun)
			}
			if fig.worstBlank > 0.15 {
				t.Errorf("%s/%s: a page is %.0f%% blank", path, paper, 100*fig.worstBlank)
			}
		}
	}
}
