package pdf

import (
	"cmp"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"encoding/xml"
	"fmt"
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"github.com/triptych/triptych/layout"
)

// sRGBProfile is the ICC's sRGB v2 profile ("sRGB2014", freely
// redistributable: icc/LICENSE.color.org), the output intent of a PDF/A
// handout: every colour the handout paints is DeviceRGB meant as sRGB.
//
//go:embed icc/sRGB2014.icc
var sRGBProfile []byte

// makePDFA turns the document being built into PDF/A-2b: an sRGB output
// intent and XMP metadata that repeats the Info dictionary and declares
// the conformance. The rest PDF/A asks is true of every handout: fonts
// embedded, a trailer /ID, no encryption, JavaScript or external content,
// and printable annotations (PATCHES.md, change 7).
func makePDFA(pdf *fpdf.Fpdf, meta Metadata) {
	pdf.AddOutputIntent(fpdf.OutputIntentType{
		SubtypeIdent:              fpdf.OutputIntent_GTS_PDFA1,
		OutputConditionIdentifier: "sRGB IEC61966-2.1",
		Info:                      "sRGB IEC61966-2.1",
		ICCProfile:                sRGBProfile,
	})
	pdf.SetXmpMetadata(xmpPacket(meta))
}

// xmpPacket is the XMP metadata of a PDF/A-2b document. Its values equal
// the Info dictionary's (PDF/A-2 §6.6.3): the same title, author, subject,
// keywords, producer and dates; the dates carry no time zone because the
// Info dates fpdf writes carry none.
func xmpPacket(meta Metadata) []byte {
	esc := func(s string) string {
		var b strings.Builder
		_ = xml.EscapeText(&b, []byte(s))
		return b.String()
	}
	date := meta.Date.UTC().Format("2006-01-02T15:04:05")
	var b strings.Builder
	b.WriteString("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n")
	b.WriteString(`<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about=""
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:xmp="http://ns.adobe.com/xap/1.0/"
 xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
 xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
<pdfaid:part>2</pdfaid:part>
<pdfaid:conformance>B</pdfaid:conformance>
<dc:format>application/pdf</dc:format>
`)
	b.WriteString("<dc:language><rdf:Bag><rdf:li>" + esc(cmp.Or(meta.Lang, "en")) + "</rdf:li></rdf:Bag></dc:language>\n")
	if meta.Title != "" {
		b.WriteString(`<dc:title><rdf:Alt><rdf:li xml:lang="x-default">` + esc(meta.Title) + "</rdf:li></rdf:Alt></dc:title>\n")
	}
	if meta.Author != "" {
		// Info /Author is one string, so dc:creator holds it as one entry.
		b.WriteString("<dc:creator><rdf:Seq><rdf:li>" + esc(meta.Author) + "</rdf:li></rdf:Seq></dc:creator>\n")
	}
	if meta.Subject != "" {
		b.WriteString(`<dc:description><rdf:Alt><rdf:li xml:lang="x-default">` + esc(meta.Subject) + "</rdf:li></rdf:Alt></dc:description>\n")
	}
	if meta.Keywords != "" {
		b.WriteString("<pdf:Keywords>" + esc(meta.Keywords) + "</pdf:Keywords>\n")
	}
	if meta.Creator != "" {
		b.WriteString("<pdf:Producer>" + esc(meta.Creator) + "</pdf:Producer>\n")
		b.WriteString("<xmp:CreatorTool>" + esc(meta.Creator) + "</xmp:CreatorTool>\n")
	}
	b.WriteString("<xmp:CreateDate>" + date + "</xmp:CreateDate>\n")
	b.WriteString("<xmp:ModifyDate>" + date + "</xmp:ModifyDate>\n")
	b.WriteString("</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n")
	// Room to edit the packet in place, as XMP writers leave.
	b.WriteString(strings.Repeat(strings.Repeat(" ", 99)+"\n", 20))
	b.WriteString(`<?xpacket end="w"?>`)
	return []byte(b.String())
}

// documentID is the trailer's /ID: a digest of what the document says
// (metadata and every text box in order), so the same input gives the
// same bytes and a changed handout a new identifier. PDF/A requires it.
func documentID(doc *layout.Document, meta Metadata) string {
	h := sha256.New()
	for _, s := range []string{meta.Title, meta.Author, meta.Subject, meta.Keywords, meta.Creator, meta.Date.UTC().Format(time.RFC3339)} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	fmt.Fprintf(h, "%g %g %d", doc.Width, doc.Height, len(doc.Pages))
	for _, p := range doc.Pages {
		h.Write([]byte{1})
		for _, b := range p.Boxes {
			if t, ok := b.(*layout.Text); ok {
				h.Write([]byte(t.Text))
				h.Write([]byte{0})
			}
		}
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}
