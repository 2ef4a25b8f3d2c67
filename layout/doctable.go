package layout

import (
	"math"
	"strings"

	"github.com/triptych/triptych/content"
	"github.com/triptych/triptych/layout/fonts"
)

// tableGrid holds the measured comparison table of the handout.
type tableGrid struct {
	colX, colW []float64
	header     [][]Line
	headerH    float64
	rows       [][][]Line // row, column (0 = aspect), lines
	// caption is repeated with "(continued)" after a page break; colored
	// gives the header cells the subjects' colours (the comparison only).
	caption string
	colored bool
}

// measureTable breaks the cells of a table: the comparison (colored) or
// another table of the article, placed from x across width.
func (f *flow) measureTable(t content.Table, colored bool, x, width float64) tableGrid {
	n := len(t.Subjects)
	aspectW := math.Max(90, width*0.22)
	switch {
	case n == 0:
		aspectW = width
	case !colored && n == 1:
		aspectW = width * 0.4
	}
	subjectW := (width - aspectW) / float64(max(n, 1))
	g := tableGrid{colored: colored, caption: t.Caption}
	for i := 0; i <= n; i++ {
		w := subjectW
		if i == 0 {
			w = aspectW
		}
		g.colX = append(g.colX, x)
		g.colW = append(g.colW, w)
		x += w
	}
	label := t.Label
	if label == "" && colored {
		label = DefaultLabel
	}
	heads := append([]string{label}, t.Subjects...)
	maxLines := 1
	for i, h := range heads {
		ls := BreakLines([]Span{{Text: h, Face: fonts.SansBold}}, tableSize, g.colW[i]-2*tablePad, false)
		g.header = append(g.header, ls)
		maxLines = max(maxLines, len(ls))
	}
	g.headerH = float64(maxLines)*tableLead + 2*tablePad
	for _, r := range t.Rows {
		cells := make([][]Line, len(t.Subjects)+1)
		cells[0] = BreakLines([]Span{{Text: r.Aspect, Face: fonts.SansBold}}, tableSize, g.colW[0]-2*tablePad, false)
		for i, c := range r.Cells {
			cells[i+1] = BreakLines([]Span{{Text: c, Face: fonts.SansRegular}}, tableSize, g.colW[i+1]-2*tablePad, false)
		}
		g.rows = append(g.rows, cells)
	}
	return g
}

func rowLines(cells [][]Line) int {
	n := 1
	for _, c := range cells {
		n = max(n, len(c))
	}
	return n
}

// table places the comparison table. A row never splits across pages
// unless it alone is taller than a page; after a break the header repeats
// under a "(continued)" label; a header never stands alone at a page foot.
func (f *flow) table() {
	g := f.measureTable(f.a.Table, true, f.wideLeft, f.wideWidth())
	caption := f.a.Table.Caption
	if caption == "" {
		caption = "Comparison"
	}
	firstRow := 0.0
	if len(g.rows) > 0 {
		firstRow = float64(rowLines(g.rows[0]))*tableLead + 2*tablePad
	}
	f.heading(caption, 1, g.headerH+math.Min(firstRow, f.bottom-f.top-g.headerH-60))
	f.open("Table")
	f.tableBody(g)
	f.close()
	f.y += 4
}

// otherTable places a table of the article that is not the comparison, at
// the indent of the block that holds it, with a neutral header.
func (f *flow) otherTable(t content.Table, indent float64) {
	x, w := f.tableBox(indent)
	g := f.measureTable(t, false, x, w)
	if t.Caption != "" {
		c := f.plain(t.Caption, fonts.SansBold, tableSize, tableLead, f.th.Text, RoleCaption)
		f.keepSpace(c.height(len(c.lines)) + g.headerH + tableLead + 2*tablePad)
		f.open("Table")
		c.tag = f.leaf("Caption").Tag
		f.place(c)
		f.y += 2
	} else {
		f.open("Table")
	}
	f.keepSpace(g.keep(f))
	f.tableBody(g)
	f.close()
}

// tableBody places the header and the rows of a table in the open Table
// element: the header cells are column headers, each row's first cell
// (the aspect) its row header.
func (f *flow) tableBody(g tableGrid) {
	f.open("THead")
	f.tableHeader(g, false)
	f.close()
	f.open("TBody")
	for i, cells := range g.rows {
		f.tableRow(g, i, cells)
	}
	f.close()
}

// tableBox is where a table that is not the comparison goes: across the
// full width at the top level, in the text column inside a list.
func (f *flow) tableBox(indent float64) (x, width float64) {
	if indent == 0 {
		return f.wideLeft, f.wideWidth()
	}
	return f.left + indent, f.width() - indent
}

// keep is the height of the header and first row, which stay together.
func (g tableGrid) keep(f *flow) float64 {
	firstRow := 0.0
	if len(g.rows) > 0 {
		firstRow = float64(rowLines(g.rows[0]))*tableLead + 2*tablePad
	}
	return g.headerH + math.Min(firstRow, f.bottom-f.top-g.headerH-60)
}

// otherTableKeep is what a heading above a table keeps with it.
func (f *flow) otherTableKeep(t content.Table, indent float64) float64 {
	x, w := f.tableBox(indent)
	g := f.measureTable(t, false, x, w)
	h := g.keep(f)
	if t.Caption != "" {
		c := f.plain(t.Caption, fonts.SansBold, tableSize, tableLead, f.th.Text, RoleCaption)
		h += c.height(len(c.lines)) + 2
	}
	return h
}

func (f *flow) tableHeader(g tableGrid, continued bool) {
	if continued {
		label := f.plain(strings.TrimSpace(g.caption+" (continued)"), fonts.SansRegular, smallSize, smallLead, f.th.Muted, RoleCaption)
		f.place(label)
		f.y += 3
	}
	f.block++
	// A header repeated after a page break is an artifact (tag 0).
	tags := make([]int, len(g.header))
	if !continued {
		f.open("TR")
		for i := range tags {
			th := f.leaf("TH")
			th.Scope, tags[i] = "Column", th.Tag
		}
		f.close()
	}
	for i, ls := range g.header {
		bg := f.th.Header
		if i > 0 && g.colored {
			bg = f.th.Subjects[(i-1)%len(f.th.Subjects)]
		}
		f.add(&Fill{Rect: Rect{g.colX[i], f.y, g.colW[i], g.headerH}, Color: bg})
		for j, l := range ls {
			f.add(tagged(lineBoxes(l, g.colX[i]+tablePad, f.y+tablePad+float64(j)*tableLead, tableSize, tableLead, f.th.HeaderText, RoleTableHeader, f.block), tags[i])...)
		}
	}
	f.y += g.headerH
}

func (f *flow) tableRow(g tableGrid, index int, cells [][]Line) {
	f.block++
	tags := make([]int, len(cells))
	f.open("TR")
	for c := range tags {
		if c == 0 {
			th := f.leaf("TH")
			th.Scope, tags[c] = "Row", th.Tag
		} else {
			tags[c] = f.leaf("TD").Tag
		}
	}
	f.close()
	start := 0
	total := rowLines(cells)
	for start < total {
		fit := int(math.Floor((f.bottom - f.y - 2*tablePad + 0.01) / tableLead))
		rest := total - start
		n := rest
		if fit < rest {
			pageLines := int(math.Floor((f.bottom - f.top - g.headerH - smallLead - 3 - 2*tablePad) / tableLead))
			if rest <= pageLines || fit < minSplit {
				// The row fits on a fresh page, or too little of it
				// would stay here: move it whole.
				f.newPage()
				f.tableHeader(g, true)
				continue
			}
			n = fit // a row taller than a page splits where it must
		}
		h := float64(n)*tableLead + 2*tablePad
		zebra := f.th.Card
		if index%2 == 1 {
			zebra = f.th.Background
		}
		for c := range cells {
			f.add(&Fill{Rect: Rect{g.colX[c], f.y, g.colW[c], h}, Color: zebra})
		}
		for c, ls := range cells {
			role := RoleTableCell
			for j := start; j < min(len(ls), start+n); j++ {
				f.add(tagged(lineBoxes(ls[j], g.colX[c]+tablePad, f.y+tablePad+float64(j-start)*tableLead, tableSize, tableLead, f.th.Text, role, f.block), tags[c])...)
			}
		}
		f.y += h
		last := len(g.colX) - 1
		f.add(&Rule{X1: g.colX[0], Y1: f.y, X2: g.colX[last] + g.colW[last], Y2: f.y, Width: 0.5, Color: f.th.Rule})
		start += n
		if start < total {
			f.newPage()
			f.tableHeader(g, true)
		}
	}
}

// transformBox returns a copy of b scaled by s and moved by (dx, dy).
func transformBox(b Box, s, dx, dy float64) Box {
	switch b := b.(type) {
	case *Fill:
		c := *b
		c.Rect = Rect{dx + b.X*s, dy + b.Y*s, b.W * s, b.H * s}
		c.Radius *= s
		return &c
	case *Text:
		c := *b
		c.X, c.Baseline, c.Width, c.Size = dx+b.X*s, dy+b.Baseline*s, b.Width*s, b.Size*s
		c.Role, c.Link, c.Tag = RoleFigure, "", 0
		return &c
	case *Rule:
		c := *b
		c.X1, c.Y1, c.X2, c.Y2, c.Width = dx+b.X1*s, dy+b.Y1*s, dx+b.X2*s, dy+b.Y2*s, b.Width*s
		return &c
	case *Circle:
		c := *b
		c.CX, c.CY, c.R = dx+b.CX*s, dy+b.CY*s, b.R*s
		return &c
	case *Path:
		c := *b
		c.Box = Rect{dx + b.Box.X*s, dy + b.Box.Y*s, b.Box.W * s, b.Box.H * s}
		c.Stroke *= s
		c.Ops = placeOps(b.Ops, dx, dy, s)
		return &c
	case *Image:
		c := *b
		c.Rect = Rect{dx + b.X*s, dy + b.Y*s, b.W * s, b.H * s}
		return &c
	}
	return nil // a box kind without a case: TestEveryBoxKindHasACase fails
}

// placeOps returns ops scaled by s and moved by (dx, dy), as new slices.
func placeOps(ops []PathOp, dx, dy, s float64) []PathOp {
	out := make([]PathOp, len(ops))
	for i, op := range ops {
		pts := make([]float64, len(op.Pts))
		for j, v := range op.Pts {
			if j%2 == 0 {
				pts[j] = dx + v*s
			} else {
				pts[j] = dy + v*s
			}
		}
		out[i] = PathOp{Kind: op.Kind, Pts: pts}
	}
	return out
}
