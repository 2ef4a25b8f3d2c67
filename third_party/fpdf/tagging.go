package fpdf

import "fmt"

// triptych patch (PATCHES.md, change 6): hooks for tagged PDF and PDF/A.
// fpdf has no tagging API; these let a caller add entries to each page's
// dictionary (/StructParents), write its own objects (the structure tree)
// before the catalog and add entries to the catalog (/StructTreeRoot,
// /MarkInfo, /ViewerPreferences), and set the trailer's document ID. The
// marked content itself is written with RawWriteStr. Without hooks the
// output is unchanged.

type taggingHooks struct {
	page     func(page int) string
	document func(w *ObjectWriter) string
	pageObjs []int // object numbers of the pages, 1-based
	infoObj  int
	id       string
	annot    func(page, k int) string
	links    []linkObj
	// beforePages is the last object number before the pages.
	beforePages int
}

// ObjectWriter writes objects of a document being closed.
type ObjectWriter struct{ f *Fpdf }

// Next returns the number the next object will get.
func (w *ObjectWriter) Next() int { return w.f.n + 1 }

// Begin starts a new object ("n 0 obj") and returns its number; the
// caller writes its body with Out and ends it with Out("endobj").
func (w *ObjectWriter) Begin() int {
	w.f.newobj()
	return w.f.n
}

// Out writes a line.
func (w *ObjectWriter) Out(s string) { w.f.out(s) }

// Stream writes a stream object's data, compressed when the document is,
// with its dictionary entries dict (without /Length or /Filter), as a whole
// object, and returns its number.
func (w *ObjectWriter) Stream(dict string, data []byte, compress bool) int {
	n := w.Begin()
	if compress {
		mem := xmem.compress(data)
		b := mem.bytes()
		w.f.outf("<<%s /Filter /FlateDecode /Length %d>>", dict, len(b))
		w.f.putstream(b)
		mem.release()
	} else {
		w.f.outf("<<%s /Length %d>>", dict, len(data))
		w.f.putstream(data)
	}
	w.f.out("endobj")
	return n
}

// PageObj returns the object number of a page (1-based).
func (w *ObjectWriter) PageObj(page int) int {
	if page < 1 || page >= len(w.f.tagging.pageObjs) {
		return 0
	}
	return w.f.tagging.pageObjs[page]
}

// SetPageDictHook sets fn, called for each page (1-based) as the document
// is closed: what it returns is written into the page's dictionary.
func (f *Fpdf) SetPageDictHook(fn func(page int) string) { f.tagging.page = fn }

// SetDocumentHook sets fn, called as the document is closed, after the
// pages, resources, outline, metadata and Info and before the catalog: it
// may write objects, and what it returns is written into the catalog.
func (f *Fpdf) SetDocumentHook(fn func(w *ObjectWriter) string) { f.tagging.document = fn }

// SetDocumentID sets the trailer's /ID (both halves) to the hex string id,
// for a document that is not encrypted.
func (f *Fpdf) SetDocumentID(id string) { f.tagging.id = id }

func (f *Fpdf) putPageExtra(n int) {
	if f.tagging.page != nil {
		if s := f.tagging.page(n); s != "" {
			f.out(s)
		}
	}
}

func (f *Fpdf) putDocumentObjects() string {
	if f.tagging.document == nil {
		return ""
	}
	return f.tagging.document(&ObjectWriter{f})
}

// SetAnnotHook sets fn, called for each link annotation (page 1-based, k
// its index among the page's links) as the document is closed: what it
// returns is written into the annotation's dictionary (/StructParent,
// /Contents). With the hook set, link annotations are indirect objects
// written right after the pages, and ObjectWriter.LinkObj names them.
func (f *Fpdf) SetAnnotHook(fn func(page, k int) string) { f.tagging.annot = fn }

// LinkObj returns the object number of link k (from 0) of a page
// (1-based), or 0.
func (w *ObjectWriter) LinkObj(page, k int) int {
	for _, l := range w.f.tagging.links {
		if l.page == page && l.k == k {
			return l.obj
		}
	}
	return 0
}

type linkObj struct {
	page, k, obj int
	dict         string
}

// linkObject prepares the annotation of link k of page n as an object
// and returns the number it will have: the pages take two objects each,
// and the links follow in page order.
func (f *Fpdf) linkObject(nb, n, k int, pl linkType, hPt float64) int {
	obj := f.tagging.beforePages + 2*nb + len(f.tagging.links) + 1
	var b fmtBuffer
	b.printf("<</Type /Annot /Subtype /Link /F 4 /Rect [%.2f %.2f %.2f %.2f] /Border [0 0 0] ",
		pl.x, pl.y, pl.x+pl.wd, pl.y-pl.ht)
	if s := f.tagging.annot(n, k); s != "" {
		b.printf("%s ", s)
	}
	if pl.link == 0 {
		b.printf("/A <</S /URI /URI %s>>>>", f.textstring(pl.linkStr))
	} else {
		l := f.links[pl.link]
		h := hPt
		if sz, ok := f.pageSizes[l.page]; ok {
			h = sz.Ht
		}
		b.printf("/Dest [%d 0 R /XYZ 0 %.2f null]>>", 1+2*l.page, h-l.y*f.k)
	}
	f.tagging.links = append(f.tagging.links, linkObj{page: n, k: k, obj: obj, dict: b.String()})
	return obj
}

// putLinkObjects writes the link annotations linkObject prepared.
func (f *Fpdf) putLinkObjects() {
	for _, l := range f.tagging.links {
		f.newobj()
		if f.n != l.obj {
			f.err = fmt.Errorf("link annotation numbered %d, written as %d", l.obj, f.n)
			return
		}
		f.out(l.dict)
		f.out("endobj")
	}
}
