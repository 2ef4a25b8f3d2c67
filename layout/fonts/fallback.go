package fonts

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"sync"
	"sync/atomic"

	"golang.org/x/image/font/sfnt"
)

// Fallback fonts draw the characters the embedded faces lack (CJK,
// symbols): a user adds TrueType fonts (--font, fonts: in triptych.yaml),
// Register parses each once per process, and SetFallbacks makes them the
// chain every face falls back on, in order. A face measures and draws a
// character it lacks with the first fallback that has it, so the layout
// and both painters agree on every advance.
//
// The chain is process-wide, like the parsed faces: builds running at
// the same time in one process use the same fallback fonts.

// SyntheticBold is how much painters thicken the strokes of a fallback
// font drawing bold text (it has one weight), in ems: a stroke of this
// width in the PDF, a second pass this far to the right in the PNG.
const SyntheticBold = 0.03

// MaxFallbacks bounds the fallback fonts of a process.
const MaxFallbacks = 16

// MaxFontBytes bounds a fallback font file (the largest CJK TrueType
// fonts are about 20 MB).
const MaxFontBytes = 64 << 20

var (
	registerMu sync.Mutex
	// registered holds the parsed fallback faces; Face numFaces+i is
	// registered[i]. Entries are only appended, and each published slice
	// is never changed, so readers need no lock.
	registered atomic.Pointer[[]*parsed]
	chain      atomic.Pointer[[]Face]
)

func fallbackParsed(f Face) *parsed {
	if r := registered.Load(); r != nil && int(f-numFaces) < len(*r) {
		return (*r)[f-numFaces]
	}
	return nil
}

// Register parses a TrueType font to use as a fallback and returns its
// face; registering the same bytes again returns the same face. name is
// how messages and the PDF's font list name it when the font has no
// name of its own. Only TrueType outlines can be embedded in a PDF
// subset: an OpenType font with CFF outlines (OTTO) or a collection
// (.ttc) is refused with a message saying so.
func Register(name string, ttf []byte) (Face, error) {
	if len(ttf) > MaxFontBytes {
		return 0, fmt.Errorf("%s: the font is larger than %d MiB", name, MaxFontBytes>>20)
	}
	if len(ttf) < 12 {
		return 0, fmt.Errorf("%s: not a font file", name)
	}
	switch tag := string(ttf[:4]); tag {
	case "\x00\x01\x00\x00", "true":
	case "OTTO":
		return 0, fmt.Errorf("%s: an OpenType font with CFF outlines, which the PDF cannot embed as a subset; use a TrueType (.ttf) font", name)
	case "ttcf":
		return 0, fmt.Errorf("%s: a font collection (.ttc); use a single TrueType (.ttf) font", name)
	default:
		return 0, fmt.Errorf("%s: not a TrueType font", name)
	}
	if !hasTable(ttf, "glyf") || !hasTable(ttf, "cmap") {
		return 0, fmt.Errorf("%s: a TrueType font without glyph outlines or character map", name)
	}
	if err := Load(); err != nil {
		return 0, err
	}
	sum := sha256.Sum256(ttf)
	registerMu.Lock()
	defer registerMu.Unlock()
	var list []*parsed
	if r := registered.Load(); r != nil {
		list = *r
	}
	for i, p := range list {
		if p.sum == sum {
			return numFaces + Face(i), nil
		}
	}
	if len(list) >= MaxFallbacks {
		return 0, fmt.Errorf("%s: more than %d fallback fonts", name, MaxFallbacks)
	}
	p, err := parse(bytes.Clone(ttf))
	if err != nil {
		return 0, fmt.Errorf("%s: %v", name, err)
	}
	p.sum = sum
	p.name = fontName(p.font, name)
	next := append(append([]*parsed(nil), list...), p)
	registered.Store(&next)
	return numFaces + Face(len(list)), nil
}

// SetFallbacks makes faces (from Register) the fallback chain of every
// face, in order; nil clears it. It must not be called while a build runs.
func SetFallbacks(faces []Face) error {
	for _, f := range faces {
		if fallbackParsed(f) == nil {
			return fmt.Errorf("fonts: %v is not a registered fallback font", f)
		}
	}
	c := append([]Face(nil), faces...)
	chain.Store(&c)
	return nil
}

// Fallbacks returns the fallback chain.
func Fallbacks() []Face {
	if c := chain.Load(); c != nil {
		return *c
	}
	return nil
}

// IsFallback reports whether f is a registered fallback font.
func (f Face) IsFallback() bool { return f >= numFaces }

// Sum returns the SHA-256 of a fallback font's file, in hex, so that
// option fingerprints change with the font; "" for an embedded face.
func (f Face) Sum() string {
	if p := fallbackParsed(f); p != nil {
		return hex.EncodeToString(p.sum[:])
	}
	return ""
}

// Draws reports whether f draws r: itself or through a fallback font.
func (f Face) Draws(r rune) bool { return f.For(r).Has(r) }

// For returns the face that draws r for f: f itself when it has the
// glyph, else the first fallback that has it, else f (which draws the
// placeholder).
func (f Face) For(r rune) Face {
	if f.Has(r) || f.IsFallback() {
		return f
	}
	for _, fb := range Fallbacks() {
		if fb.Has(r) {
			return fb
		}
	}
	return f
}

// Run is a stretch of text drawn in one face.
type Run struct {
	Face Face
	Text string
}

// Runs splits s into the runs of the faces that draw it for f; without
// fallback fonts (or when f has every glyph) it is one run in f.
func Runs(f Face, s string) []Run {
	if len(Fallbacks()) == 0 {
		return []Run{{f, s}}
	}
	var runs []Run
	start, cur := 0, Face(0)
	for i, r := range s {
		g := f
		if r != ' ' && r != '\n' {
			g = f.For(r)
		}
		if i == 0 {
			cur = g
			continue
		}
		if g != cur {
			runs = append(runs, Run{cur, s[start:i]})
			start, cur = i, g
		}
	}
	if start < len(s) || len(runs) == 0 {
		runs = append(runs, Run{cur, s[start:]})
	}
	return runs
}

// hasTable reports whether the font's table directory lists tag.
func hasTable(ttf []byte, tag string) bool {
	n := int(binary.BigEndian.Uint16(ttf[4:6]))
	for i := range n {
		at := 12 + 16*i
		if at+16 > len(ttf) {
			return false
		}
		if string(ttf[at:at+4]) == tag {
			return true
		}
	}
	return false
}

// fontName is the font's own full name, or fallback when it has none.
func fontName(f *sfnt.Font, fallback string) string {
	var buf sfnt.Buffer
	for _, id := range []sfnt.NameID{sfnt.NameIDFull, sfnt.NameIDFamily, sfnt.NameIDPostScript} {
		if s, err := f.Name(&buf, id); err == nil && s != "" {
			return s
		}
	}
	return fallback
}
