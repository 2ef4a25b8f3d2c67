// Package layout places everything: it measures text with the embedded
// fonts, breaks it into lines and positions every box of the poster and of
// the paginated document, in points with the origin at the top left.
// Renderers only paint what it returns. It does no I/O.
package layout

import (
	"bytes"
	"image"
	"image/png"
	"math"

	"github.com/triptych/triptych/content"
	"github.com/triptych/triptych/layout/fonts"
)

// Color is an opaque sRGB colour.
type Color struct{ R, G, B uint8 }

// Rect is an axis-aligned rectangle in points.
type Rect struct{ X, Y, W, H float64 }

// Contains reports whether o lies inside r, with a small tolerance.
func (r Rect) Contains(o Rect) bool {
	const eps = 0.01
	return o.X >= r.X-eps && o.Y >= r.Y-eps && o.X+o.W <= r.X+r.W+eps && o.Y+o.H <= r.Y+r.H+eps
}

// Overlaps reports whether r and o share any area.
func (r Rect) Overlaps(o Rect) bool {
	const eps = 0.01
	return r.X < o.X+o.W-eps && o.X < r.X+r.W-eps && r.Y < o.Y+o.H-eps && o.Y < r.Y+r.H-eps
}

// Box is one positioned element. The set of kinds is closed: Fill, Text,
// Rule, Circle, Path and Image.
type Box interface {
	// Bounds returns the area the box paints.
	Bounds() Rect
	sealed()
}

// Fill is a filled rectangle, with rounded corners when Radius > 0.
type Fill struct {
	Rect
	Color  Color
	Radius float64
}

// Text is one line (or part of a line) of text, already placed: X is the
// left edge, Baseline the baseline, Width the measured advance.
type Text struct {
	X, Baseline float64
	Width       float64
	Size        float64
	Face        fonts.Face
	Color       Color
	Text        string
	// Tracking is letter spacing: points added after each character but
	// the last, included in Width (a justified line's, when its word
	// spaces alone would stretch past 1.5×).
	Tracking float64
	// Actual is what the text says when it differs from what is drawn:
	// the author's characters where Text shows Placeholder for glyphs the
	// fonts lack, or the whole of a word broken by an inserted hyphen
	// ("hyphenation" on "hyphen-"). Painters with a text layer (the PDF)
	// carry it.
	Actual string
	// Silent marks the end of such a broken word on the next line: the
	// text layer says nothing for it, as the word was said whole.
	Silent bool
	Link   string // an http(s) URL, or ""
	// Role and Block describe the text for tests and tagging: what kind of
	// text it is, and which paragraph (numbered from 1) it belongs to.
	// Renderers paint without them.
	Role  Role
	Block int
	// Tag names the leaf of the document's Structure that holds this
	// text (StructElem.Tag); 0 means none: running headers, page numbers
	// and repeated table headers, which a tagged PDF marks as artifacts.
	Tag int
}

// Role is the kind of a text box.
type Role uint8

// The roles of text boxes.
const (
	RoleOther Role = iota
	RoleTitle
	RoleHeading
	RoleBody
	RoleTableHeader
	RoleTableCell
	RoleCaption
	RolePageHeader
	RolePageFooter
	RoleFigure
)

// Rule is a straight line.
type Rule struct {
	X1, Y1, X2, Y2 float64
	Width          float64
	Color          Color
}

// Circle is a filled circle.
type Circle struct {
	CX, CY, R float64
	Color     Color
}

// PathOp is one step of a vector path.
type PathOp struct {
	Kind byte // 'M' move, 'L' line, 'C' cubic curve, 'Z' close
	Pts  []float64
}

// Path is a vector shape (icons), stroked or filled.
type Path struct {
	Ops    []PathOp
	Box    Rect // the area the path stays within
	Stroke float64
	Fill   bool
	Color  Color
}

// Image is a raster image scaled into a rectangle.
type Image struct {
	Rect
	PNG []byte
}

func (b *Fill) Bounds() Rect   { return b.Rect }
func (b *Image) Bounds() Rect  { return b.Rect }
func (b *Path) Bounds() Rect   { return b.Box }
func (b *Circle) Bounds() Rect { return Rect{b.CX - b.R, b.CY - b.R, 2 * b.R, 2 * b.R} }
func (b *Rule) Bounds() Rect {
	half := b.Width / 2
	return Rect{min(b.X1, b.X2) - half, min(b.Y1, b.Y2) - half, math.Abs(b.X2-b.X1) + b.Width, math.Abs(b.Y2-b.Y1) + b.Width}
}

// Bounds of a text box spans its ascent and descent.
func (b *Text) Bounds() Rect {
	asc, desc := b.Face.Ascent()*b.Size, b.Face.Descent()*b.Size
	return Rect{b.X, b.Baseline - asc, b.Width, asc + desc}
}

func (*Fill) sealed()   {}
func (*Text) sealed()   {}
func (*Rule) sealed()   {}
func (*Circle) sealed() {}
func (*Path) sealed()   {}
func (*Image) sealed()  {}

// Page is one page (or the poster's canvas) of boxes, painted in order.
type Page struct {
	Boxes []Box
}

// Document is a laid-out poster or handout.
type Document struct {
	Width, Height float64 // of each page, in points
	Background    Color
	Pages         []Page
	// Warnings are problems met while laying out, such as text cut to fit.
	Warnings []content.Warning
	// AltText describes the poster for readers who cannot see it.
	AltText string
	// Outline lists the bookmarks of a paginated document.
	Outline []Bookmark
	// Margins is the content area of a paginated document's pages.
	Margins Rect
	// Structure is the logical structure of a paginated document in
	// reading order (the article's order, whatever the drawing order),
	// for a tagged PDF; nil for the poster.
	Structure *StructElem
}

// StructElem is an element of a document's logical structure: a standard
// structure type of ISO 32000-1 §14.8.4, its kids in reading order, and
// the content it holds: the text boxes whose Tag is its Tag, and whole
// runs of boxes (the figure). A box that no element holds is an artifact.
type StructElem struct {
	Type  string // "Document", "H1", "H2", "H3", "P", "L", "LI", "Lbl", "LBody", "Note", "Table", "THead", "TBody", "TR", "TH", "TD", "Figure", "Caption", and "Link" (made by the PDF painter)
	Scope string // of a TH: "Column" or "Row"
	Alt   string // of a Figure: its alternative text
	Kids  []*StructElem
	Tag   int
	Boxes []BoxRun
}

// BoxRun is the boxes From (inclusive) to To (exclusive) of a page
// (from 0).
type BoxRun struct{ Page, From, To int }

// Leaves calls fn for each element that holds content, in reading order.
func (e *StructElem) Leaves(fn func(*StructElem)) {
	if e == nil {
		return
	}
	if e.Tag > 0 || len(e.Boxes) > 0 {
		fn(e)
	}
	for _, k := range e.Kids {
		k.Leaves(fn)
	}
}

// Bookmark is an outline entry: a title pointing at a page (from 0) and a
// y position on it.
type Bookmark struct {
	Title string
	Level int
	Page  int
	Y     float64
}

// SampleBoxes returns one box of every kind, so that tests can check that
// every painter and every transform has a case for each: adding a kind
// means adding it here, and the tests then name what lacks a case.
func SampleBoxes() []Box {
	var img bytes.Buffer
	_ = png.Encode(&img, image.NewNRGBA(image.Rect(0, 0, 2, 2))) // an in-memory 2×2 image cannot fail
	return []Box{
		&Fill{Rect: Rect{10, 10, 50, 20}, Color: Color{200, 200, 200}, Radius: 4},
		&Text{X: 12, Baseline: 24, Width: 40, Size: 10, Face: fonts.SansRegular, Text: "Sample", Color: Color{0, 0, 0}},
		&Rule{X1: 10, Y1: 40, X2: 60, Y2: 40, Width: 1, Color: Color{0, 0, 0}},
		&Circle{CX: 20, CY: 60, R: 5, Color: Color{0, 0, 255}},
		&Path{Ops: []PathOp{{Kind: 'M', Pts: []float64{10, 70}}, {Kind: 'L', Pts: []float64{20, 80}}, {Kind: 'C', Pts: []float64{22, 82, 24, 84, 26, 80}}, {Kind: 'Z'}},
			Box: Rect{10, 70, 16, 14}, Stroke: 1, Color: Color{255, 0, 0}},
		&Image{Rect: Rect{40, 60, 10, 10}, PNG: img.Bytes()},
	}
}
