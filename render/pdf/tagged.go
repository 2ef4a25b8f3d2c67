package pdf

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf16"

	"codeberg.org/go-pdf/fpdf"

	"github.com/triptych/triptych/layout"
)

// tagger marks the content of a paginated document against the structure
// the layout gave it (layout.Document.Structure) and writes the structure
// tree (ISO 32000-1 §14.7–14.8): each run of boxes one structure leaf
// holds becomes a marked-content sequence with an MCID, every other box
// an artifact (backgrounds, rules, running headers, page numbers,
// repeated table headers).
type tagger struct {
	root   *layout.StructElem
	byTag  map[int]*layout.StructElem
	runs   map[int][]figureRun // page → runs of boxes held whole
	mcrs   map[*layout.StructElem][]mcr
	parent [][]*layout.StructElem // page → MCID → the leaf it belongs to

	// content is what an element holds, in reading order: its marked
	// content and the Link elements made for linked words inside it.
	content  map[*layout.StructElem][]kid
	links    map[*layout.StructElem]*linkInfo
	annots   [][]*layout.StructElem // page → link annotation → its Link element (nil: none)
	annotKey map[[2]int]int         // (page, k) → its /StructParent key

	open bool // a marked-content sequence is open
	cur  *layout.StructElem
}

// kid is one item of an element's content: a marked-content reference or
// a Link element.
type kid struct {
	ref  mcr
	link *layout.StructElem
}

// linkInfo is what a Link element made by the tagger holds besides its
// marked content: its parent, URL and words, and its annotations.
type linkInfo struct {
	parent *layout.StructElem
	url    string
	text   []string
	annots [][2]int // (page from 0, k)
}

type figureRun struct {
	from, to int
	elem     *layout.StructElem
}

// mcr is a marked-content reference: a page (from 0) and an MCID.
type mcr struct{ page, mcid int }

func newTagger(doc *layout.Document) *tagger {
	t := &tagger{root: doc.Structure, byTag: map[int]*layout.StructElem{}, runs: map[int][]figureRun{},
		mcrs: map[*layout.StructElem][]mcr{}, parent: make([][]*layout.StructElem, len(doc.Pages)),
		content: map[*layout.StructElem][]kid{}, links: map[*layout.StructElem]*linkInfo{},
		annots: make([][]*layout.StructElem, len(doc.Pages)), annotKey: map[[2]int]int{}}
	doc.Structure.Leaves(func(e *layout.StructElem) {
		if e.Tag > 0 {
			t.byTag[e.Tag] = e
		}
		for _, r := range e.Boxes {
			t.runs[r.Page] = append(t.runs[r.Page], figureRun{r.From, r.To, e})
		}
	})
	return t
}

// holder is the leaf that holds box i of page p, or nil for an artifact.
func (t *tagger) holder(p, i int, box layout.Box) *layout.StructElem {
	for _, r := range t.runs[p] {
		if i >= r.from && i < r.to {
			return r.elem
		}
	}
	if tx, ok := box.(*layout.Text); ok && tx.Tag > 0 {
		return t.byTag[tx.Tag]
	}
	return nil
}

// mark begins box i of page p, closing and opening marked content when
// the box belongs elsewhere than the one before. A linked word is marked
// as part of a Link element inside its holder (one for consecutive words
// with the same URL), which also holds the word's link annotation.
func (t *tagger) mark(pdf *fpdf.Fpdf, p, i int, box layout.Box) {
	e := t.holder(p, i, box)
	target := e
	if tx, ok := box.(*layout.Text); ok {
		if url := layout.SafeLink(tx.Link); url != "" {
			var link *layout.StructElem
			if e != nil {
				link = t.link(e, url)
				info := t.links[link]
				info.text = append(info.text, tx.Text)
				info.annots = append(info.annots, [2]int{p, len(t.annots[p])})
				target = link
			}
			t.annots[p] = append(t.annots[p], link) // paintBox adds the annotation
		}
	}
	if t.open && target == t.cur {
		return
	}
	t.end(pdf)
	t.open, t.cur = true, target
	if target == nil {
		pdf.RawWriteStr("/Artifact BMC")
		return
	}
	id := len(t.parent[p])
	t.parent[p] = append(t.parent[p], target)
	t.mcrs[target] = append(t.mcrs[target], mcr{p, id})
	if target == e {
		t.content[e] = append(t.content[e], kid{ref: mcr{p, id}})
	}
	pdf.RawWriteStr("/" + target.Type + " <</MCID " + strconv.Itoa(id) + ">> BDC")
}

// link is the Link element for a word of e linked to url: the one being
// marked when the word before was linked to the same URL, else a new one.
func (t *tagger) link(e *layout.StructElem, url string) *layout.StructElem {
	if info := t.links[t.cur]; t.open && info != nil && info.parent == e && info.url == url {
		return t.cur
	}
	link := &layout.StructElem{Type: "Link"}
	t.links[link] = &linkInfo{parent: e, url: url}
	t.content[e] = append(t.content[e], kid{link: link})
	return link
}

// end closes the open marked-content sequence (at a page's end).
func (t *tagger) end(pdf *fpdf.Fpdf) {
	if t.open {
		pdf.RawWriteStr("EMC")
		t.open, t.cur = false, nil
	}
}

// install sets the hooks that write /StructParents on each page and the
// structure tree with the catalog's entries.
func (t *tagger) install(pdf *fpdf.Fpdf) {
	pdf.SetPageDictHook(func(page int) string { return "/StructParents " + strconv.Itoa(page-1) })
	key := len(t.parent)
	for p, links := range t.annots {
		for k, link := range links {
			if link != nil {
				t.annotKey[[2]int{p, k}] = key
				key++
			}
		}
	}
	pdf.SetAnnotHook(func(page, k int) string {
		p := page - 1
		if p >= len(t.annots) || k >= len(t.annots[p]) || t.annots[p][k] == nil {
			return ""
		}
		info := t.links[t.annots[p][k]]
		return fmt.Sprintf("/StructParent %d /Contents %s", t.annotKey[[2]int{p, k}],
			textString("Link: "+strings.Join(info.text, " ")))
	})
	pdf.SetDocumentHook(t.write)
}

// write writes the StructTreeRoot, its ParentTree and the elements (in
// reading order, so numbered ahead) and returns the catalog's entries.
func (t *tagger) write(w *fpdf.ObjectWriter) string {
	var elems []*layout.StructElem
	var walk func(e *layout.StructElem)
	walk = func(e *layout.StructElem) {
		elems = append(elems, e)
		for _, k := range e.Kids {
			walk(k)
		}
		for _, c := range t.content[e] {
			if c.link != nil {
				walk(c.link)
			}
		}
	}
	walk(t.root)
	base := w.Next()
	rootObj, treeObj := base, base+1
	num := make(map[*layout.StructElem]int, len(elems))
	for i, e := range elems {
		num[e] = base + 2 + i
	}
	pageRef := func(p int) string { return strconv.Itoa(w.PageObj(p+1)) + " 0 R" }

	w.Begin()
	w.Out(fmt.Sprintf("<</Type /StructTreeRoot /K %d 0 R /ParentTree %d 0 R /ParentTreeNextKey %d>>", num[t.root], treeObj, len(t.parent)+len(t.annotKey)))
	w.Out("endobj")

	var b strings.Builder
	b.WriteString("<</Nums [")
	for p, leaves := range t.parent {
		if p > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(strconv.Itoa(p))
		b.WriteString(" [")
		for i, e := range leaves {
			if i > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(strconv.Itoa(num[e]))
			b.WriteString(" 0 R")
		}
		b.WriteByte(']')
	}
	for p, links := range t.annots {
		for k, link := range links {
			if link != nil {
				fmt.Fprintf(&b, " %d %d 0 R", t.annotKey[[2]int{p, k}], num[link])
			}
		}
	}
	b.WriteString("]>>")
	w.Begin()
	w.Out(b.String())
	w.Out("endobj")

	parents := map[*layout.StructElem]int{t.root: rootObj}
	for _, e := range elems {
		for _, k := range e.Kids {
			parents[k] = num[e]
		}
		for _, c := range t.content[e] {
			if c.link != nil {
				parents[c.link] = num[e]
			}
		}
	}
	for _, e := range elems {
		b.Reset()
		fmt.Fprintf(&b, "<</Type /StructElem /S /%s /P %d 0 R", e.Type, parents[e])
		refs := t.mcrs[e]
		if len(refs) > 0 {
			b.WriteString(" /Pg " + pageRef(refs[0].page))
		}
		var kids []string
		for _, k := range e.Kids {
			kids = append(kids, strconv.Itoa(num[k])+" 0 R")
		}
		ref := func(r mcr) string {
			if r.page == refs[0].page {
				return strconv.Itoa(r.mcid)
			}
			return fmt.Sprintf("<</Type /MCR /Pg %s /MCID %d>>", pageRef(r.page), r.mcid)
		}
		if info := t.links[e]; info != nil {
			for _, r := range refs {
				kids = append(kids, ref(r))
			}
			for _, a := range info.annots {
				kids = append(kids, fmt.Sprintf("<</Type /OBJR /Obj %d 0 R /Pg %s>>", w.LinkObj(a[0]+1, a[1]), pageRef(a[0])))
			}
		}
		for _, c := range t.content[e] {
			if c.link != nil {
				kids = append(kids, strconv.Itoa(num[c.link])+" 0 R")
			} else {
				kids = append(kids, ref(c.ref))
			}
		}
		switch len(kids) {
		case 0:
		case 1:
			b.WriteString(" /K " + kids[0])
		default:
			b.WriteString(" /K [" + strings.Join(kids, " ") + "]")
		}
		if e.Alt != "" {
			b.WriteString(" /Alt " + textString(e.Alt))
		}
		if e.Scope != "" {
			b.WriteString(" /A <</O /Table /Scope /" + e.Scope + ">>")
		}
		b.WriteString(">>")
		w.Begin()
		w.Out(b.String())
		w.Out("endobj")
	}
	return fmt.Sprintf("/StructTreeRoot %d 0 R\n/MarkInfo <</Marked true>>\n/ViewerPreferences <</DisplayDocTitle true>>", rootObj)
}

// textString encodes s as a PDF text string: UTF-16BE with a byte-order
// mark, in hex.
func textString(s string) string {
	var b strings.Builder
	b.WriteString("<FEFF")
	for _, u := range utf16.Encode([]rune(s)) {
		fmt.Fprintf(&b, "%04X", u)
	}
	b.WriteByte('>')
	return b.String()
}
