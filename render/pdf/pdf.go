// Package pdf paints a paginated layout with fpdf: text drawn line by line
// at the positions layout chose, the poster figure as vector drawing,
// bookmarks, links and metadata, byte-identical for the same input.
package pdf

import (
	"bytes"
	"cmp"
	"fmt"
	"sort"
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"github.com/triptych/triptych/layout"
	"github.com/triptych/triptych/layout/fonts"
	"github.com/triptych/triptych/render"
)

// Renderer renders the article as a PDF handout.
type Renderer struct{}

var _ render.Renderer = Renderer{}

// Format returns render.PDF.
func (Renderer) Format() render.Format { return render.PDF }

// Needs returns the handout (which holds the poster as its figure).
func (Renderer) Needs() layout.Parts { return layout.Parts{Handout: true} }

// Render paints the laid-out handout.
func (Renderer) Render(res *layout.Result, opts render.Options) (render.Result, error) {
	if res.Handout == nil {
		return render.Result{}, fmt.Errorf("pdf: the layout has no handout")
	}
	var buf bytes.Buffer
	meta := Info(res.Meta)
	meta.PDFA = opts.PDFA
	if err := Paint(&buf, res.Handout, meta); err != nil {
		return render.Result{}, err
	}
	return render.Result{Files: []render.File{{Suffix: ".pdf", Data: buf.Bytes()}}}, nil
}

// Metadata is the document information of a PDF.
type Metadata struct {
	Title, Author, Subject, Keywords, Creator string
	Date                                      time.Time
	// Lang is the document's language (BCP 47); "" means English.
	Lang string
	// PDFA makes the document PDF/A-2b (--pdfa).
	PDFA bool
}

// Info is the PDF metadata of a laid-out article; its date is the
// layout's stamp, never the clock.
func Info(m layout.Meta) Metadata {
	return Metadata{
		Title: m.Title, Author: m.Author, Subject: m.Subtitle,
		Keywords: strings.Join(m.Keywords, ", "), Creator: m.Creator, Date: m.Stamp, Lang: m.Lang,
	}
}

// family names the registered font families.
func family(f fonts.Face) string { return f.Family() }

// Paint writes doc as a PDF to w.
func Paint(w *bytes.Buffer, doc *layout.Document, meta Metadata) error {
	pdf := fpdf.NewCustom(&fpdf.InitType{UnitStr: "pt", Size: fpdf.SizeType{Wd: doc.Width, Ht: doc.Height}})
	pdf.SetCatalogSort(true)
	pdf.SetCompression(true)
	pdf.SetMargins(0, 0, 0)
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetCellMargin(0)
	pdf.SetCreationDate(meta.Date.UTC())
	pdf.SetModificationDate(meta.Date.UTC())
	pdf.SetTitle(meta.Title, true)
	pdf.SetAuthor(meta.Author, true)
	pdf.SetSubject(meta.Subject, true)
	pdf.SetKeywords(meta.Keywords, true)
	pdf.SetCreator(meta.Creator, true)
	pdf.SetProducer(meta.Creator, true)
	pdf.SetLang(cmp.Or(meta.Lang, "en"))
	pdf.SetDocumentID(documentID(doc, meta))
	if meta.PDFA {
		makePDFA(pdf, meta)
	}

	// Embed only the faces this document uses. The patched fpdf
	// (third_party/fpdf, PATCHES.md) parses each face once per process;
	// the subset is still made per document.
	used := map[fonts.Face]bool{}
	for _, p := range doc.Pages {
		for _, b := range p.Boxes {
			if t, ok := b.(*layout.Text); ok {
				used[t.Face] = true
				for _, r := range t.Runs() {
					used[r.Face] = true
				}
			}
		}
	}
	faces := make([]fonts.Face, 0, len(used))
	for f := range used {
		faces = append(faces, f)
	}
	sort.Slice(faces, func(i, j int) bool { return faces[i] < faces[j] })
	for _, f := range faces {
		pdf.AddUTF8FontFromBytes(family(f), f.Style(), f.TTF())
	}
	if len(faces) > 0 {
		// Bookmarks are encoded as UTF-16 only while a UTF-8 font is set.
		pdf.SetFont(family(faces[0]), faces[0].Style(), 10)
	}
	bookmarks := map[int][]layout.Bookmark{}
	for _, b := range doc.Outline {
		bookmarks[b.Page] = append(bookmarks[b.Page], b)
	}
	var tags *tagger
	if doc.Structure != nil {
		tags = newTagger(doc)
	}
	for i, page := range doc.Pages {
		pdf.AddPage()
		if len(faces) > 0 {
			pdf.SetFont(family(faces[0]), faces[0].Style(), 10)
		}
		for _, b := range bookmarks[i] {
			pdf.Bookmark(b.Title, b.Level, b.Y)
		}
		for j, box := range page.Boxes {
			if tags != nil {
				tags.mark(pdf, i, j, box)
			}
			if tx, ok := box.(*layout.Text); ok && wordFollows(page.Boxes, j) {
				// Justified words are placed one by one; a space after each
				// (invisible, its advance unused) keeps them apart in the
				// text that extraction and screen readers get.
				spaced := *tx
				spaced.Text += " "
				if spaced.Actual != "" || spaced.Silent {
					spaced.Actual += " "
				}
				box = &spaced
			}
			if err := paintBox(pdf, box); err != nil {
				return err
			}
		}
		if tags != nil {
			tags.end(pdf)
		}
	}
	if tags != nil {
		tags.install(pdf)
	}
	if pdf.Err() {
		return fmt.Errorf("pdf: %w", pdf.Error())
	}
	return pdf.Output(w)
}

// wordFollows reports whether the text box at j is followed by another
// word of the same block: after a gap on its line, or on the next line
// (unless the line ends with a hyphen).
func wordFollows(boxes []layout.Box, j int) bool {
	tx := boxes[j].(*layout.Text)
	if j+1 >= len(boxes) || strings.HasSuffix(tx.Text, " ") {
		return false
	}
	next, ok := boxes[j+1].(*layout.Text)
	if !ok || next.Block != tx.Block || next.Block == 0 {
		return false
	}
	if next.Baseline > tx.Baseline { // the block's next line
		return !strings.HasSuffix(tx.Text, "-")
	}
	return next.Baseline == tx.Baseline && next.X > tx.X+tx.Width+0.01
}

func paintBox(pdf *fpdf.Fpdf, box layout.Box) error {
	switch b := box.(type) {
	case *layout.Fill:
		pdf.SetFillColor(int(b.Color.R), int(b.Color.G), int(b.Color.B))
		if b.Radius > 0 {
			r := min(b.Radius, b.W/2, b.H/2)
			pdf.RoundedRect(b.X, b.Y, b.W, b.H, r, "1234", "F")
		} else {
			pdf.Rect(b.X, b.Y, b.W, b.H, "F")
		}
	case *layout.Text:
		pdf.SetFont(family(b.Face), b.Face.Style(), b.Size)
		pdf.SetTextColor(int(b.Color.R), int(b.Color.G), int(b.Color.B))
		actual := b.Actual != "" || b.Silent
		if actual {
			// The text layer says what the author wrote: the characters
			// the fonts lack (the page shows a placeholder), and a word
			// broken by an inserted hyphen whole, once.
			pdf.RawWriteStr("/Span <</ActualText " + textString(b.Actual) + ">> BDC\n")
		}
		if b.Tracking != 0 {
			// Letter spacing (Tc) is text state: it lasts until reset.
			pdf.RawWriteStr(fmt.Sprintf("%.3f Tc\n", b.Tracking))
		}
		set := b.Face // the font SetFont gave the box above
		for _, r := range b.Runs() {
			if r.Face != set {
				pdf.SetFont(family(r.Face), r.Face.Style(), b.Size)
				set = r.Face
			}
			if r.Embolden {
				// Filled and stroked, as a word processor does.
				pdf.SetDrawColor(int(b.Color.R), int(b.Color.G), int(b.Color.B))
				pdf.SetLineWidth(b.Size * fonts.SyntheticBold)
				pdf.SetTextRenderingMode(2)
			}
			pdf.Text(r.X, b.Baseline, r.Text)
			if r.Embolden {
				pdf.SetTextRenderingMode(0)
			}
		}
		if b.Tracking != 0 {
			pdf.RawWriteStr("0 Tc\n")
		}
		if actual {
			pdf.RawWriteStr("EMC\n")
		}
		if link := layout.SafeLink(b.Link); link != "" {
			r := b.Bounds()
			pdf.LinkString(r.X, r.Y, r.W, r.H, link)
		}
	case *layout.Rule:
		pdf.SetDrawColor(int(b.Color.R), int(b.Color.G), int(b.Color.B))
		pdf.SetLineWidth(b.Width)
		pdf.Line(b.X1, b.Y1, b.X2, b.Y2)
	case *layout.Circle:
		pdf.SetFillColor(int(b.Color.R), int(b.Color.G), int(b.Color.B))
		pdf.Circle(b.CX, b.CY, b.R, "F")
	case *layout.Path:
		pdf.SetDrawColor(int(b.Color.R), int(b.Color.G), int(b.Color.B))
		pdf.SetFillColor(int(b.Color.R), int(b.Color.G), int(b.Color.B))
		pdf.SetLineWidth(b.Stroke)
		pdf.SetLineCapStyle("round")
		pdf.SetLineJoinStyle("round")
		for _, op := range b.Ops {
			p := op.Pts
			switch op.Kind {
			case 'M':
				pdf.MoveTo(p[0], p[1])
			case 'L':
				pdf.LineTo(p[0], p[1])
			case 'C':
				pdf.CurveBezierCubicTo(p[0], p[1], p[2], p[3], p[4], p[5])
			case 'Z':
				pdf.ClosePath()
			}
		}
		if b.Fill {
			pdf.DrawPath("FD")
		} else {
			pdf.DrawPath("D")
		}
		pdf.SetLineCapStyle("butt")
		pdf.SetLineJoinStyle("miter")
	case *layout.Image:
		name := fmt.Sprintf("img-%x", len(b.PNG))
		pdf.RegisterImageOptionsReader(name, fpdf.ImageOptions{ImageType: "PNG"}, bytes.NewReader(b.PNG))
		pdf.ImageOptions(name, b.X, b.Y, b.W, b.H, false, fpdf.ImageOptions{}, 0, "")
	default:
		return fmt.Errorf("pdf: unknown box kind %T", b)
	}
	return nil
}
