package fpdf

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
