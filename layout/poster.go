package layout

import (
	"fmt"
	"math"
	"net/url"
	"strings"

	"github.com/triptych/triptych/content"
	"github.com/triptych/triptych/layout/fonts"
)

// PosterOptions choose the poster's look. The zero value is the light
// theme at the "poster" size.
type PosterOptions struct {
	Theme   string   // "light" (default) or "dark"; the article's front matter wins
	Size    string   // a preset of PosterSizes; "" means "poster"
	Accents []string // subject colours "#RRGGBB", used after the article's own
	Scale   int      // pixels per point the poster will be painted at; 0 means 1
}

// PosterSize is a canvas preset in pixels at 1x; Height 0 grows with the
// content.
type PosterSize struct{ Width, Height float64 }

// PosterSizes are the size presets.
var PosterSizes = map[string]PosterSize{
	"poster":    {1200, 0},
	"og":        {1200, 630},
	"square":    {1080, 1080},
	"portrait":  {1080, 1350},
	"pinterest": {1000, 1500},
	"a4":        {2480, 3508},
}

// Legibility floors at 1x: body text never goes below minBodyPx, labels
// (eyebrow, VS mark, footer, chips) never below minLabelPx.
const (
	minBodyPx  = 14
	minLabelPx = 12
)

// base sizes at the reference width of 1200.
const (
	refWidth   = 1200.0
	bodyPx     = 17.0
	margin     = 48.0
	gap        = 24.0
	cellPadX   = 18.0
	cellPadY   = 15.0
	accentBarW = 5.0
	lineHeight = 1.42
)

// Poster lays out the infographic of an article on one page. Layout does
// the same as part of an article's one layout result; Poster is for
// callers that want the poster alone.
func Poster(a *content.Article, opts PosterOptions) (*Document, error) {
	th, err := posterTheme(a, opts.Theme)
	if err != nil {
		return nil, err
	}
	clean, warnings := SanitizeText(a)
	th, cw := subjectColours(th, clean, opts.Accents)
	doc, err := posterFor(clean, th, opts.Size, opts.Scale, brandOf(a, Options{}), false)
	if err != nil {
		return nil, err
	}
	doc.Warnings = append(append(warnings, cw...), doc.Warnings...)
	return doc, nil
}

// posterTheme resolves the poster's theme: the article's front matter
// wins over the option.
func posterTheme(a *content.Article, option string) (Theme, error) {
	if a.Theme.Name != "" {
		option = a.Theme.Name
	}
	return ThemeNamed(option)
}

// moveBox shifts a box down by dy.
func moveBox(b Box, dy float64) bool {
	switch b := b.(type) {
	case *Fill:
		b.Y += dy
	case *Text:
		b.Baseline += dy
	case *Rule:
		b.Y1 += dy
		b.Y2 += dy
	case *Circle:
		b.CY += dy
	case *Image:
		b.Y += dy
	case *Path:
		b.Box.Y += dy
		for i := range b.Ops {
			for j := 1; j < len(b.Ops[i].Pts); j += 2 {
				b.Ops[i].Pts[j] += dy
			}
		}
	default:
		return false // a box kind without a case: TestEveryBoxKindHasACase fails
	}
	return true
}

// SubjectColors returns the light theme's colour of each subject after the
// article's and the caller's accent overrides, with a warning for each
// override replaced because white text would not read on it.
func SubjectColors(a *content.Article, accents []string) ([]Color, []content.Warning) {
	th, ws := subjectColours(Light, a, accents)
	cols := make([]Color, len(a.Table.Subjects))
	for i := range cols {
		cols[i] = th.Subjects[i%len(th.Subjects)]
	}
	return cols, ws
}

// subjectColours applies the article's and the options' accent colours,
// replacing any that white badge text would not read on.
func subjectColours(th Theme, a *content.Article, extra []string) (Theme, []content.Warning) {
	cols := append([]Color(nil), th.Subjects...)
	var ws []content.Warning
	overrides := append(append([]string(nil), a.Theme.Accents...), extra...)
	for i, s := range overrides {
		if i >= len(cols) {
			break
		}
		c, err := ParseColor(s)
		if err != nil {
			ws = append(ws, content.NewWarning(a.Source, 0, "%v; using the theme's colour", err))
			continue
		}
		fixed := nearestPassing(c, th.HeaderText, 4.5)
		if fixed != c {
			ws = append(ws, content.NewWarning(a.Source, 0, "accent colour %s is too light for white text; using %s", c.Hex(), fixed.Hex()))
		}
		cols[i] = fixed
	}
	th.Subjects = cols
	return th, ws
}

// poster lays out one article.
type poster struct {
	a  *content.Article
	th Theme
	w  float64
	// bodyStart is the index of the first box after the header band in
	// the last layout, and footerFill that layout's footer band.
	bodyStart  int
	footerFill *Fill
	brand      Brand
	// noTakeaways leaves the "Which to pick" cards out (--takeaways=off).
	noTakeaways bool
	// rowStarts are the indexes of the first box of each table row in the
	// last layout, and rowsEnd the index after the last row's boxes.
	rowStarts []int
	rowsEnd   int
}

func (p *poster) subject(i int) Color { return p.th.Subjects[i%len(p.th.Subjects)] }

func (p *poster) document(boxes []Box, h float64, ws []content.Warning) *Document {
	// The footer band reaches the canvas's last pixel row: the height is
	// rounded up to whole pixels, and no light line may show under it.
	if f := p.footerFill; f != nil {
		f.H = h - f.Y
	}
	return &Document{
		Width: p.w, Height: h, Background: p.th.Background,
		Pages:    []Page{{Boxes: boxes}},
		Warnings: ws,
		AltText:  AltText(p.a),
	}
}

// textBlock places broken lines from top y, aligned within width (0 left,
// 0.5 centre), and returns the boxes and the height used.
func textBlock(lines []Line, x, top, size, lh float64, face fonts.Face, c Color, align float64, width float64) ([]Box, float64) {
	var boxes []Box
	asc := face.Ascent() * size
	leading := size * lh
	for i, l := range lines {
		base := top + float64(i)*leading + (leading-size)/2 + asc*0.9
		off := (width - l.Width) * align
		for _, pc := range l.Pieces {
			boxes = append(boxes, newText(Text{X: x + off + pc.X, Baseline: base, Width: pc.W, Size: size, Face: pc.Face, Color: c, Text: pc.Text, Link: pc.Link}))
		}
	}
	return boxes, float64(len(lines)) * leading
}

// cellTint is the fill of a subject's cells: the card colour tinted with
// the subject's, at least enough to stand 1.08:1 from the page so that a
// column reads as one (the theme's tint is a floor; lighter subjects get
// more of their colour).
func cellTint(th Theme, subject Color) Color {
	tint := th.Card.Mix(subject, th.TintAlpha)
	for a := th.TintAlpha; a < 0.45 && Contrast(tint, th.Background) < minTintContrast; a += 0.01 {
		tint = th.Card.Mix(subject, a)
	}
	return tint
}

// readableOn returns accent mixed towards text until it reads on bg
// (4.5:1): the subject's colour where it can, legible always.
func readableOn(accent, text, bg Color) Color {
	for a := 0.25; a < 1; a += 0.05 {
		if c := accent.Mix(text, a); Contrast(c, bg) >= 4.5 {
			return c
		}
	}
	return text
}

// minTintContrast is how far a cell's tint stands from the page.
const minTintContrast = 1.08

func plainLines(s string, face fonts.Face, size, width float64) []Line {
	return BreakLines([]Span{{Text: s, Face: face}}, size, width, false)
}

// balancedLines breaks display text (a title) into lines of even length:
// the narrowest measure that needs no more lines than width does, so that
// no word is left alone on a last line.
func balancedLines(s string, face fonts.Face, size, width float64) []Line {
	lines := plainLines(s, face, size, width)
	n := len(lines)
	if n < 2 {
		return lines
	}
	lo, hi := width/2, width
	for hi-lo > 1 {
		mid := (lo + hi) / 2
		if len(plainLines(s, face, size, mid)) <= n {
			hi = mid
		} else {
			lo = mid
		}
	}
	return plainLines(s, face, size, hi)
}

// layout places every box for a plan and returns them with the height.
func (p *poster) layout(plan fitPlan) (boxes []Box, height float64, footer int) {
	k := plan.k
	// sp scales the space between things; k the type and the shapes. A
	// social card keeps its type large and its spacing tight.
	sp := k
	if plan.tight {
		sp = k * 0.45
	}
	th := p.th
	W := p.w
	M := margin * k
	inner := W - 2*M
	add := func(b ...Box) { boxes = append(boxes, b...) }

	// Header band.
	y := 40 * sp
	if plan.compact {
		y = 26 * sp
	}
	header := &Fill{Rect: Rect{0, 0, W, 0}, Color: th.Header}
	add(header)
	if !plan.compact {
		eyebrowSize := math.Max(13*k, minLabelPx)
		eb, h := textBlock(plainLines("COMPARISON", fonts.SansBold, eyebrowSize, inner), M, y, eyebrowSize, 1.3, fonts.SansBold, th.HeaderSub, 0.5, inner)
		add(eb...)
		y += h + 6*sp
	}
	titleSize := 42 * k
	tb, h := textBlock(balancedLines(p.a.Title, fonts.SansBold, titleSize, inner*0.92), M+inner*0.04, y, titleSize, 1.15, fonts.SansBold, th.HeaderText, 0.5, inner*0.92)
	add(tb...)
	y += h
	if p.a.Subtitle != "" && !plan.noSubtitle {
		subSize := 20 * k
		y += 8 * sp
		sb, h := textBlock(balancedLines(p.a.Subtitle, fonts.SansRegular, subSize, inner*0.85), M+inner*0.075, y, subSize, 1.35, fonts.SansRegular, th.HeaderSub, 0.5, inner*0.85)
		add(sb...)
		y += h
	}
	if plan.compact {
		y += 24 * sp
	} else {
		y += 36 * sp
	}
	header.H = y

	p.bodyStart = len(boxes)

	// Grid columns.
	n := len(p.a.Table.Subjects)
	g := gap * k
	aspectW := math.Min(230*k, inner*0.24)
	if plan.tight { // a social card's large labels need room to stay whole
		aspectW = math.Min(300*k, inner*0.3)
	}
	colW := (inner - aspectW - g*float64(n)) / float64(n)
	colX := func(i int) float64 { return M + aspectW + g + float64(i)*(colW+g) }
	if plan.compact {
		y += 18 * sp
	} else {
		y += 28 * sp
	}

	// Subject badges with a VS mark between them.
	badgeSize := 24 * k
	var badgeLines [][]Line
	maxLines := 1
	for _, s := range p.a.Table.Subjects {
		ls := plainLines(s, fonts.SansBold, badgeSize, colW-2*cellPadX*k-math.Max(0, 22*k-g/2))
		badgeLines = append(badgeLines, ls)
		maxLines = max(maxLines, len(ls))
	}
	badgeH := float64(maxLines)*badgeSize*1.2 + 2*18*sp
	vsR := 19 * k
	// The VS mark overlaps the start of every badge but the first: keep
	// the badge text clear of it.
	vsOverlap := math.Max(0, vsR+3*k-g/2)
	for i := range p.a.Table.Subjects {
		add(&Fill{Rect: Rect{colX(i), y, colW, badgeH}, Color: p.subject(i), Radius: 12 * k})
		textH := float64(len(badgeLines[i])) * badgeSize * 1.2
		tx := colX(i) + cellPadX*k
		if i > 0 {
			tx += vsOverlap
		}
		tb, _ := textBlock(badgeLines[i], tx, y+(badgeH-textH)/2, badgeSize, 1.2, fonts.SansBold, th.HeaderText, 0, colW-2*cellPadX*k-vsOverlap)
		add(tb...)
	}
	for i := 0; i+1 < n; i++ {
		cx := colX(i) + colW + g/2
		cy := y + badgeH/2
		add(&Circle{CX: cx, CY: cy, R: vsR + 3*k, Color: th.Background})
		add(&Circle{CX: cx, CY: cy, R: vsR, Color: th.Header})
		vsSize := math.Max(13*k, minLabelPx)
		vw := fonts.SansBold.Width("VS", vsSize)
		add(&Text{X: cx - vw/2, Baseline: cy + vsSize*0.36, Width: vw, Size: vsSize, Face: fonts.SansBold, Color: th.HeaderText, Text: "VS"})
	}
	y += badgeH + 12*sp

	// One band per row.
	body := bodyPx * k
	rows := p.a.Table.Rows
	hidden := 0
	if plan.pick != nil {
		hidden = len(rows) - len(plan.pick)
		picked := make([]content.Row, len(plan.pick))
		for i, r := range plan.pick {
			picked[i] = rows[r]
		}
		rows = picked
	}
	if plan.maxRows > 0 && plan.maxRows < len(rows) {
		hidden += len(rows) - plan.maxRows
		rows = rows[:plan.maxRows]
	}
	iconSize := 24 * k
	labelSize := 18 * k
	labelX := M + iconSize + 12*k
	labelW := aspectW - (labelX - M) - 4*k
	// No aspect word is ever broken: the labels shrink (down to the label
	// floor) until the longest word of any shown aspect fits its column.
	for _, r := range rows {
		for _, w := range strings.Fields(r.Aspect) {
			if ww := fonts.SansBold.Width(w, labelSize); ww > labelW {
				labelSize = math.Max(minLabelPx, labelSize*labelW/ww*0.99)
			}
		}
	}
	p.rowStarts = p.rowStarts[:0]
	for _, r := range rows {
		p.rowStarts = append(p.rowStarts, len(boxes))
		cellLines := make([][]Line, n)
		contentH := 0.0
		for i, c := range r.Cells {
			ls := plainLines(c, fonts.SansRegular, body, colW-2*cellPadX*k-accentBarW*k)
			if plan.maxCellLines > 0 && len(ls) > plan.maxCellLines {
				ls = ls[:plan.maxCellLines]
				ls[len(ls)-1] = ellipsize(ls[len(ls)-1], body, colW-2*cellPadX*k-accentBarW*k)
			}
			cellLines[i] = ls
			contentH = math.Max(contentH, float64(len(ls))*body*lineHeight)
		}
		aspectLines := plainLines(r.Aspect, fonts.SansBold, labelSize, labelW)
		aspectH := float64(len(aspectLines)) * labelSize * 1.25
		contentH = math.Max(contentH, math.Max(aspectH, iconSize))
		rowH := contentH + 2*cellPadY*sp
		// The aspect label and its icon sit on the cells' first line, so
		// that the eye reads across the row from the label.
		firstLine := y + cellPadY*sp + body*lineHeight/2 // the middle of the cells' first line
		labelTop := math.Max(y, firstLine-labelSize*1.25/2)
		if len(aspectLines) > 1 {
			labelTop = y + cellPadY*sp
		}
		add(iconBoxes(IconFor(r.Aspect), M, math.Max(y, firstLine-iconSize/2), iconSize, p.subject(0).Mix(th.Text, 0.35), th.Background)...)
		ab, _ := textBlock(aspectLines, labelX, labelTop, labelSize, 1.25, fonts.SansBold, th.Text, 0, labelW)
		add(ab...)
		for i := range r.Cells {
			x := colX(i)
			tint := cellTint(th, p.subject(i))
			add(&Fill{Rect: Rect{x, y, colW, rowH}, Color: tint, Radius: 10 * k})
			add(&Fill{Rect: Rect{x, y, accentBarW * k, rowH}, Color: p.subject(i)})
			cb, _ := textBlock(cellLines[i], x+accentBarW*k+cellPadX*k, y+cellPadY*sp, body, lineHeight, fonts.SansRegular, th.Text, 0, colW)
			add(cb...)
		}
		y += rowH + 10*sp
	}
	p.rowsEnd = len(boxes)
	if hidden > 0 {
		more := fmt.Sprintf("+%d more aspects", hidden)
		if hidden == 1 {
			more = "+1 more aspect"
		}
		if plan.pick != nil {
			more = fmt.Sprintf("+%d more in the full comparison", hidden)
		}
		mb, h := textBlock(plainLines(more, fonts.SansBold, body, inner), M, y, body, 1.3, fonts.SansBold, th.Muted, 0.5, inner)
		add(mb...)
		y += h + 10*sp
	}

	// Takeaways: one card per subject, in its column, with the article's
	// own sentence.
	if tk := p.a.Takeaways; len(tk) == n && !plan.dropTakeaways && !p.noTakeaways {
		y += 14 * sp
		headSize := math.Max(15*k, minLabelPx)
		cards := make([][]Line, n)
		cardH := 0.0
		for i, t := range tk {
			cards[i] = plainLines(t.Text, fonts.SansRegular, body, colW-2*cellPadX*k)
			cardH = math.Max(cardH, float64(len(cards[i]))*body*lineHeight)
		}
		cardH += headSize*1.3 + 10*sp + 2*cellPadY*sp
		lb, _ := textBlock(plainLines("Which to pick", fonts.SansBold, labelSize, aspectW-4*k), M, y+cellPadY*sp, labelSize, 1.25, fonts.SansBold, th.Text, 0, aspectW-4*k)
		add(lb...)
		for i := range tk {
			x := colX(i)
			add(&Fill{Rect: Rect{x, y, colW, cardH}, Color: th.Card, Radius: 10 * k})
			add(&Fill{Rect: Rect{x, y, colW, 5 * k}, Color: p.subject(i)})
			hb, _ := textBlock(plainLines(p.a.Table.Subjects[i], fonts.SansBold, headSize, colW-2*cellPadX*k), x+cellPadX*k, y+cellPadY*sp+4*k, headSize, 1.3, fonts.SansBold, readableOn(p.subject(i), th.Text, th.Card), 0, colW-2*cellPadX*k)
			add(hb...)
			cb, _ := textBlock(cards[i], x+cellPadX*k, y+cellPadY*sp+4*k+headSize*1.3+10*sp, body, lineHeight, fonts.SansRegular, th.Text, 0, colW)
			add(cb...)
		}
		y += cardH + 10*sp
	}

	// Related terms as chips.
	if len(p.a.Terms) > 0 && !plan.dropTerms {
		y += 18 * k
		pad := 26 * k
		card := &Fill{Rect: Rect{M, y, inner, 0}, Color: th.Card, Radius: 14 * k}
		add(card)
		cy := y + pad
		headSize := 20 * k
		heading := p.a.TermsHeading
		if heading == "" {
			heading = "Related terms"
		}
		hb, h := textBlock(plainLines(heading, fonts.SansBold, headSize, inner-2*pad), M+pad, cy, headSize, 1.3, fonts.SansBold, th.Text, 0, inner-2*pad)
		add(hb...)
		cy += h + 14*k
		chipSize := math.Max(15*k, minLabelPx)
		chipPadX, chipH := 14*k, chipSize*1.3+2*8*k
		x := M + pad
		maxX := M + inner - pad
		for i, t := range p.a.Terms {
			if t.Name == "" {
				continue
			}
			ls := plainLines(t.Name, fonts.SansRegular, chipSize, maxX-(M+pad)-2*chipPadX)
			if len(ls) == 0 {
				continue // a name of spaces only
			}
			line := ls[0]
			if len(ls) > 1 {
				line = ellipsize(line, chipSize, maxX-(M+pad)-2*chipPadX)
			}
			w := line.Width + 2*chipPadX
			if x+w > maxX && x > M+pad {
				x = M + pad
				cy += chipH + 10*k
			}
			col := p.subject(i)
			add(&Fill{Rect: Rect{x, cy, w, chipH}, Color: th.Card.Mix(col, th.TintAlpha*1.8), Radius: chipH / 2})
			cb, _ := textBlock([]Line{line}, x+chipPadX, cy+8*k, chipSize, 1.3, fonts.SansRegular, th.Text, 0, w)
			add(cb...)
			x += w + 10*k
		}
		cy += chipH + pad
		card.H = cy - y
		y = cy
	}

	// Footer band.
	if plan.compact { // a landscape canvas has no height to spare
		y += 20 * sp
	} else {
		y += 32 * sp
	}
	footer = len(boxes)
	footSize := math.Max(14*k, minLabelPx)
	footH := math.Max(58*sp, footSize*1.3+16*sp)
	p.footerFill = &Fill{Rect: Rect{0, y, W, footH}, Color: th.Header}
	add(p.footerFill)
	left := p.footerLeft()
	right := p.footerRight()
	rw := fonts.SansRegular.Width(right, footSize)
	// A brand's logo goes before its name, as tall as the footer text.
	var logo *Image
	if b := p.brand; len(b.Logo) > 0 && b.LogoW > 0 && b.LogoH > 0 {
		lh := footSize * 1.6
		lw := math.Min(lh*float64(b.LogoW)/float64(b.LogoH), inner/3)
		lh = lw * float64(b.LogoH) / float64(b.LogoW)
		logo = &Image{Rect: Rect{0, 0, lw, lh}, PNG: b.Logo}
		if right == "" {
			rw = lw
		} else {
			rw += lw + 10*k
		}
	}
	leftW := inner - rw - 24*k
	ll := plainLines(left, fonts.SansRegular, footSize, leftW)
	if len(ll) > 0 {
		line := ll[0]
		if len(ll) > 1 {
			line = ellipsize(line, footSize, leftW)
		}
		fb, _ := textBlock([]Line{line}, M, y+(footH-footSize*1.3)/2, footSize, 1.3, fonts.SansRegular, th.HeaderSub, 0, leftW)
		add(fb...)
	}
	rx := M + inner - rw
	if logo != nil {
		logo.X, logo.Y = rx, y+(footH-logo.H)/2
		add(logo)
		rx += logo.W + 10*k
	}
	// The right part is measured to fit on one line: break it at its own
	// width (plus the breaker's slack), never wrap it.
	rb, _ := textBlock(plainLines(right, fonts.SansRegular, footSize, fonts.SansRegular.Width(right, footSize)/slack+1), rx, y+(footH-footSize*1.3)/2, footSize, 1.3, fonts.SansRegular, th.HeaderSub, 0, rw)
	add(rb...)
	y += footH
	return boxes, math.Ceil(y), footer
}

func (p *poster) footerLeft() string {
	var parts []string
	if !p.a.Updated.IsZero() {
		parts = append(parts, "Updated "+UpdatedText(p.a.Updated))
	}
	if p.a.Author != "" {
		parts = append(parts, "By "+p.a.Author)
	}
	if len(parts) == 0 {
		return p.a.Title
	}
	return strings.Join(parts, "  ·  ")
}

func (p *poster) footerRight() string {
	if b := p.brand; b.Name != "" || len(b.Logo) > 0 || b.URL != "" {
		if b.Name != "" {
			return b.Name
		}
		if u, err := url.Parse(b.URL); err == nil && u.Host != "" {
			return strings.TrimPrefix(u.Host, "www.")
		}
		return ""
	}
	if u, err := url.Parse(p.a.SourceURL); err == nil && u.Host != "" && (u.Scheme == "http" || u.Scheme == "https") {
		return "Source: " + strings.TrimPrefix(u.Host, "www.")
	}
	return "Made with triptych"
}

// AltText describes the comparison in sentences a screen reader can read.
func AltText(a *content.Article) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Infographic comparing %s: %s.", content.EnglishList(a.Table.Subjects), strings.TrimRight(a.Title, "."))
	if a.Subtitle != "" {
		fmt.Fprintf(&b, " %s", a.Subtitle)
	}
	for _, r := range a.Table.Rows {
		fmt.Fprintf(&b, " %s:", r.Aspect)
		for i, c := range r.Cells {
			sep := ";"
			if i == len(r.Cells)-1 {
				sep = ""
			}
			// A line break inside a cell is read as a space.
			c = strings.ReplaceAll(strings.TrimRight(c, "."), "\n", " ")
			fmt.Fprintf(&b, " %s, %s%s", a.Table.Subjects[i], c, sep)
		}
		b.WriteString(".")
	}
	return b.String()
}

// Keywords are the document keywords of every output: the subjects, the
// related terms and the article's own tags and keywords, without repeats.
func Keywords(a *content.Article) []string {
	var out []string
	seen := map[string]bool{}
	add := func(words ...string) {
		for _, w := range words {
			k := strings.ToLower(strings.TrimSpace(w))
			if k == "" || seen[k] {
				continue
			}
			seen[k] = true
			out = append(out, strings.TrimSpace(w))
		}
	}
	add(a.Table.Subjects...)
	for _, t := range a.Terms {
		add(t.Name)
	}
	add(a.Keywords...)
	return out
}
