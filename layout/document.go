package layout

import (
	"fmt"
	"math"
	"strings"

	"github.com/triptych/triptych/content"
	"github.com/triptych/triptych/layout/fonts"
)

// DocumentOptions choose the handout's paper. The zero value is A4.
type DocumentOptions struct {
	Paper   string   // "a4" (default) or "letter"
	Accents []string // subject colours "#RRGGBB", after the article's own
}

// Papers are the supported paper sizes in points.
var Papers = map[string]PosterSize{
	"a4":     {595.28, 841.89},
	"letter": {612, 792},
}

// MaxPages is the most pages a handout may have: enough for a table at
// content.MaxRows with cells of a few lines each.
const MaxPages = 200

// Print metrics, in points.
const (
	pageMargin  = 56.69 // 20 mm
	bodySize    = 11.0
	bodyLead    = 15.4 // 1.4 × the body size
	paraGap     = 6.0
	headingSize = 13.5
	headingLead = 17.0
	// textMeasure is the width of the text column, in body sizes: about 70
	// characters of Liberation Serif, the readable norm. Tables and the
	// figure use the full width between the margins.
	textMeasure  = 30.0
	headingAbove = 14.0
	headingBelow = 5.0
	tableSize    = 9.5
	tableLead    = 12.6
	tablePad     = 6.0
	smallSize    = 8.0
	smallLead    = 10.8
	minSplit     = 2 // lines kept together at a page break: no widows, no orphans
)

// Handout lays out the article as a paginated handout: title, meta line,
// lead, the comparison table, the sections, the related terms, the
// infographic as a vector figure, and the disclaimer, with a running header
// from page 2 and "Page X of Y" on every page. Layout does the same as
// part of an article's one layout result, placing the poster it laid out
// for the PNG; Handout is for callers that want the handout alone.
func Handout(a *content.Article, opts DocumentOptions) (*Document, error) {
	poster, err := Poster(a, PosterOptions{Accents: opts.Accents})
	if err != nil {
		return nil, err
	}
	clean, warnings := SanitizeText(a)
	th, cw := subjectColours(Light, clean, opts.Accents)
	doc, err := handoutFor(clean, th, opts.Paper, poster)
	if err != nil {
		return nil, err
	}
	doc.Warnings = append(append(warnings, cw...), doc.Warnings...)
	return doc, nil
}

// handoutFor lays out a sanitised article on paper, in the light theme th
// (with the subjects' colours resolved), placing poster as its figure.
func handoutFor(clean *content.Article, th Theme, paper string, poster *Document) (*Document, error) {
	breaks := map[breakKey][]Line{}
	doc, err := handoutSqueezed(clean, th, paper, poster, 1, breaks)
	if err != nil || !onlySmallPrint(doc.Pages[len(doc.Pages)-1]) {
		return doc, err
	}
	// The last page holds only the disclaimer: tighter spacing between
	// blocks (never smaller type or margins) may bring it back.
	for _, squeeze := range []float64{0.8, 0.6} {
		if tight, err := handoutSqueezed(clean, th, paper, poster, squeeze, breaks); err == nil && len(tight.Pages) < len(doc.Pages) {
			return tight, nil
		}
	}
	return doc, nil
}

// onlySmallPrint reports a page whose text is all small print.
func onlySmallPrint(p Page) bool {
	for _, b := range p.Boxes {
		if tx, ok := b.(*Text); ok && tx.Role != RoleCaption && tx.Role != RolePageHeader && tx.Role != RolePageFooter {
			return false
		}
	}
	return true
}

// handoutSqueezed lays out the handout with the space between blocks
// scaled by squeeze; breaks keeps the paragraphs it breaks into lines
// for the next try.
func handoutSqueezed(clean *content.Article, th Theme, paper string, poster *Document, squeeze float64, breaks map[breakKey][]Line) (*Document, error) {
	if paper == "" {
		paper = "a4"
	}
	size, ok := Papers[paper]
	if !ok {
		return nil, fmt.Errorf("unknown paper %q: use a4 or letter", paper)
	}
	f := &flow{
		a: clean, th: th, W: size.Width, H: size.Height,
		wideLeft: pageMargin, wideRight: size.Width - pageMargin, top: pageMargin, bottom: size.Height - pageMargin,
		squeeze: squeeze, breaks: breaks,
	}
	f.stack = []*StructElem{{Type: "Document"}}
	textW := math.Min(f.wideRight-f.wideLeft, textMeasure*bodySize)
	f.left = f.wideLeft + (f.wideRight-f.wideLeft-textW)/2
	f.right = f.left + textW
	f.newPage()
	f.titleBlock()
	f.bodyParagraphs(clean.Lead)
	f.table()
	f.figure(poster)
	for i, s := range clean.Sections {
		f.section(s, clean.Sections[i+1:])
	}
	f.terms()
	f.notes()
	f.disclaimer()
	f.placePending()
	if len(f.pages) > MaxPages {
		return nil, fmt.Errorf("%s: the handout would have %d pages, more than the limit of %d", clean.Source, len(f.pages), MaxPages)
	}
	f.decorate()
	return &Document{
		Width: f.W, Height: f.H, Background: Color{255, 255, 255},
		Pages: f.pages, Warnings: f.warnings, Outline: f.outline,
		AltText: poster.AltText, Margins: Rect{f.wideLeft, f.top, f.wideRight - f.wideLeft, f.bottom - f.top},
		Structure: f.stack[0],
	}, nil
}

// flow places blocks down the pages.
type flow struct {
	a                        *content.Article
	th                       Theme
	W, H                     float64
	left, right, top, bottom float64 // the text column and the page's top and bottom
	wideLeft, wideRight      float64 // the margins, for tables and the figure
	pending                  *figure // a figure floating to the next page
	// squeeze scales the space between blocks (1 normally); a tighter
	// setting keeps a last page from holding only the disclaimer.
	squeeze  float64
	pages    []Page
	y        float64
	block    int
	outline  []Bookmark
	warnings []content.Warning
	// stack is the path to the open element of the structure (the
	// document first); tags the last leaf's Tag.
	stack []*StructElem
	tags  int
	// inNotes is set while the footnotes are placed.
	inNotes bool
	// breaks holds the lines of each paragraph already broken: keeping a
	// heading with the first lines of a paragraph measures them, placing
	// the paragraph needs them again, and so does each tighter try of
	// handoutFor. Lines are never changed once broken.
	breaks map[breakKey][]Line
}

// breakKey names a paragraph broken at a size and width: its runs (the
// same backing array whichever copy of the Paragraph holds them).
type breakKey struct {
	runs        *content.Run
	n           int
	size, width float64
	justify     bool
}

// open adds an element of type typ to the open one and opens it.
func (f *flow) open(typ string) *StructElem {
	e := &StructElem{Type: typ}
	top := f.stack[len(f.stack)-1]
	top.Kids = append(top.Kids, e)
	f.stack = append(f.stack, e)
	return e
}

// close closes the open element.
func (f *flow) close() { f.stack = f.stack[:len(f.stack)-1] }

// leaf adds an element of type typ that holds text to the open one.
func (f *flow) leaf(typ string) *StructElem {
	f.tags++
	e := &StructElem{Type: typ, Tag: f.tags}
	top := f.stack[len(f.stack)-1]
	top.Kids = append(top.Kids, e)
	return e
}

// tagged sets the structure tag of text boxes.
func tagged(boxes []Box, tag int) []Box {
	for _, b := range boxes {
		if t, ok := b.(*Text); ok {
			t.Tag = tag
		}
	}
	return boxes
}

// width is the text column's; wideWidth the full width between the
// margins, which tables and the figure use.
func (f *flow) width() float64     { return f.right - f.left }
func (f *flow) wideWidth() float64 { return f.wideRight - f.wideLeft }

func (f *flow) newPage() {
	f.pages = append(f.pages, Page{})
	f.y = f.top
	f.placePending()
}

func (f *flow) add(b ...Box) {
	p := &f.pages[len(f.pages)-1]
	p.Boxes = append(p.Boxes, b...)
}

func (f *flow) atTop() bool { return f.y <= f.top+0.01 }

func (f *flow) bookmark(title string, level int) {
	f.outline = append(f.outline, Bookmark{Title: title, Level: level, Page: len(f.pages) - 1, Y: f.y})
}

// para is a measured block of lines.
type para struct {
	lines   []Line
	size    float64
	lead    float64
	color   Color
	role    Role
	x       float64
	justify bool
	// marker, when set, is a list item's bullet or number, placed left of
	// the first line at markerX.
	marker  *Line
	markerX float64
	// tag and markerTag name the structure leaves of the text and of
	// the marker (0: an artifact).
	tag, markerTag int
}

func (p para) height(n int) float64 { return float64(n) * p.lead }

// lineBoxes places one line with its top at y.
func lineBoxes(l Line, x, y, size, lead float64, c Color, role Role, block int) []Box {
	boxes := make([]Box, 0, len(l.Pieces))
	for _, pc := range l.Pieces {
		base := y + (lead-size)/2 + pc.Face.Ascent()*size*0.9
		at := size
		if pc.Super {
			at, base = size*SuperScale, base-size*SuperRise
		}
		t := newText(Text{X: x + pc.X, Baseline: base, Width: pc.W, Size: at, Face: pc.Face,
			Color: c, Text: pc.Text, Link: pc.Link, Role: role, Block: block, Tracking: pc.Tracking})
		if pc.Actual != "" {
			t.Actual = pc.Actual
		}
		t.Silent = pc.Silent
		boxes = append(boxes, t)
	}
	return boxes
}

// place puts a paragraph on the pages, splitting it between pages so that
// at least minSplit lines stand on each side; a paragraph too short to
// split moves whole to the next page.
func (f *flow) place(p para) {
	f.block++
	lines := p.lines
	for len(lines) > 0 {
		fit := int(math.Floor((f.bottom - f.y + 0.01) / p.lead))
		n := len(lines)
		if fit < n {
			switch {
			case fit >= minSplit && n-fit >= minSplit:
				n = fit
			case fit >= minSplit+1 && n > 2*minSplit-1:
				n = min(fit, n-minSplit)
			case f.atTop():
				n = max(fit, 1) // taller than a page: split where it must
			default:
				n = 0
			}
			// A page does not end with a hyphenated word when one line
			// fewer still leaves two on it (a reader turning the page
			// mid-word loses it).
			if n > minSplit && endsHyphenated(lines[n-1]) {
				n--
			}
		}
		for i, l := range lines[:n] {
			if p.marker != nil && i == 0 && len(lines) == len(p.lines) {
				f.add(tagged(lineBoxes(*p.marker, p.markerX, f.y, p.size, p.lead, p.color, p.role, f.block), p.markerTag)...)
			}
			f.add(tagged(lineBoxes(l, p.x, f.y, p.size, p.lead, p.color, p.role, f.block), p.tag)...)
			f.y += p.lead
		}
		lines = lines[n:]
		if len(lines) > 0 {
			f.newPage()
		}
	}
}

// endsHyphenated reports a line broken inside a word.
func endsHyphenated(l Line) bool {
	if len(l.Pieces) == 0 {
		return false
	}
	t := l.Pieces[len(l.Pieces)-1].Text
	return strings.HasSuffix(t, "-") && len(t) > 1
}

// keepSpace reports whether height fits on the page, starting a new one
// if it does not (unless already at the top).
func (f *flow) keepSpace(height float64) {
	if f.y+height > f.bottom+0.01 && !f.atTop() {
		f.newPage()
	}
}

func (f *flow) plain(text string, face fonts.Face, size, lead float64, c Color, role Role) para {
	return para{lines: BreakLines([]Span{{Text: text, Face: face}}, size, f.width(), false), size: size, lead: lead, color: c, role: role, x: f.left}
}

// runsPara breaks a paragraph of inline runs in the body serif across the
// full measure.
func (f *flow) runsPara(p content.Paragraph, size, lead float64, c Color, justify bool) para {
	return f.runsParaAt(p, size, lead, c, justify, 0)
}

// runsParaAt breaks a paragraph indented by indent points.
func (f *flow) runsParaAt(p content.Paragraph, size, lead float64, c Color, justify bool, indent float64) para {
	spans := make([]Span, 0, len(p.Runs))
	for _, r := range p.Runs {
		face := fonts.SerifRegular.With(r.Style&content.Bold != 0, r.Style&content.Italic != 0)
		if r.Style&content.Code != 0 {
			face = fonts.SansRegular
		}
		spans = append(spans, Span{Text: r.Text, Face: face, Link: SafeLink(r.Link), Super: r.Style&content.NoteRef != 0})
	}
	// A code block keeps its lines: justifying them would stretch code.
	justify = justify && !(len(p.Runs) == 1 && p.Runs[0].Style&content.Code != 0)
	key := breakKey{n: len(p.Runs), size: size, width: f.width() - indent, justify: justify}
	if len(p.Runs) > 0 {
		key.runs = &p.Runs[0]
	}
	lines, ok := f.breaks[key]
	if !ok || key.runs == nil {
		if justify {
			lines = breakJustified(spans, size, key.width, hyphenatorFor(f.a.Lang))
		} else {
			lines = BreakLines(spans, size, key.width, false)
		}
		if f.breaks != nil && key.runs != nil {
			f.breaks[key] = lines
		}
	}
	return para{lines: lines, size: size, lead: lead, color: c, role: RoleBody, x: f.left + indent, justify: justify}
}

// SafeLink returns url when it is an http or https URL, else "": other
// schemes (javascript:, file:, data:, UNC paths) never become links.
func SafeLink(url string) string {
	lower := strings.ToLower(strings.TrimSpace(url))
	if strings.HasPrefix(lower, "http://") || strings.HasPrefix(lower, "https://") {
		return strings.TrimSpace(url)
	}
	return ""
}

// balanced breaks a display line (title, subtitle) into lines of even
// length: the narrowest measure that needs no more lines than the full
// one, so that no single word is left on a last line.
func (f *flow) balanced(text string, face fonts.Face, size, lead float64, c Color) para {
	p := f.plain(text, face, size, lead, c, RoleTitle)
	p.lines = balancedLines(text, face, size, f.width())
	return p
}

// decorate adds the running header (from page 2) and the page numbers,
// now that the page count is known.
func (f *flow) decorate() {
	n := len(f.pages)
	for i := range f.pages {
		if i > 0 {
			if l := BreakLines([]Span{{Text: f.a.Title, Face: fonts.SansRegular}}, smallSize, f.wideWidth()*0.8, false); len(l) > 0 {
				line := l[0]
				if len(l) > 1 {
					line = ellipsize(line, smallSize, f.wideWidth()*0.8)
				}
				f.pages[i].Boxes = append(f.pages[i].Boxes, lineBoxes(line, f.wideLeft, f.top-30, smallSize, smallLead, f.th.Muted, RolePageHeader, 0)...)
			}
			f.pages[i].Boxes = append(f.pages[i].Boxes, &Rule{X1: f.wideLeft, Y1: f.top - 16, X2: f.wideRight, Y2: f.top - 16, Width: 0.5, Color: f.th.Rule})
		}
		label := fmt.Sprintf("Page %d of %d", i+1, n)
		w := fonts.SansRegular.Width(label, smallSize)
		line := Line{Pieces: []Piece{{Text: label, Face: fonts.SansRegular, W: w}}, Width: w}
		f.pages[i].Boxes = append(f.pages[i].Boxes, lineBoxes(line, f.wideLeft+(f.wideWidth()-w)/2, f.bottom+20, smallSize, smallLead, f.th.Muted, RolePageFooter, 0)...)
	}
}
