// Package fonts embeds the Liberation Sans and Liberation Serif faces
// (metric-compatible with Arial and Times New Roman) and parses each once
// per process. The parsed fonts are shared read-only; anything with state
// (a rasteriser face, a PDF document) is made per goroutine by its user.
package fonts

import (
	"fmt"
	"sync"
	"sync/atomic"

	"github.com/go-fonts/liberation/liberationsansbold"
	"github.com/go-fonts/liberation/liberationsansbolditalic"
	"github.com/go-fonts/liberation/liberationsansitalic"
	"github.com/go-fonts/liberation/liberationsansregular"
	"github.com/go-fonts/liberation/liberationserifbold"
	"github.com/go-fonts/liberation/liberationserifbolditalic"
	"github.com/go-fonts/liberation/liberationserifitalic"
	"github.com/go-fonts/liberation/liberationserifregular"
	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// Face names one embedded face.
type Face uint8

// The embedded faces.
const (
	SansRegular Face = iota
	SansBold
	SansItalic
	SansBoldItalic
	SerifRegular
	SerifBold
	SerifItalic
	SerifBoldItalic
	numFaces
)

// All lists every face.
var All = []Face{SansRegular, SansBold, SansItalic, SansBoldItalic, SerifRegular, SerifBold, SerifItalic, SerifBoldItalic}

var ttfs = [numFaces][]byte{
	liberationsansregular.TTF, liberationsansbold.TTF, liberationsansitalic.TTF, liberationsansbolditalic.TTF,
	liberationserifregular.TTF, liberationserifbold.TTF, liberationserifitalic.TTF, liberationserifbolditalic.TTF,
}

var names = [numFaces]string{
	"Liberation Sans", "Liberation Sans Bold", "Liberation Sans Italic", "Liberation Sans Bold Italic",
	"Liberation Serif", "Liberation Serif Bold", "Liberation Serif Italic", "Liberation Serif Bold Italic",
}

// String returns the face's name.
func (f Face) String() string {
	if f < numFaces {
		return names[f]
	}
	if p := fallbackParsed(f); p != nil {
		return p.name
	}
	return fmt.Sprintf("Face(%d)", f)
}

// Family returns "sans" or "serif", or "fallbackN" for a fallback font:
// the names painters register the faces under.
func (f Face) Family() string {
	switch {
	case f.IsFallback():
		return fmt.Sprintf("fallback%d", f-numFaces)
	case f >= SerifRegular:
		return "serif"
	}
	return "sans"
}

// Style returns "", "B", "I" or "BI" ("" for a fallback font, which has
// one style).
func (f Face) Style() string {
	if f.IsFallback() {
		return ""
	}
	return [...]string{"", "B", "I", "BI"}[f%4]
}

// With returns the face of the same family in the given weight and
// slant; a fallback font has only itself.
func (f Face) With(bold, italic bool) Face {
	if f.IsFallback() {
		return f
	}
	base := f - f%4
	if bold {
		base++
	}
	if italic {
		base += 2
	}
	return base
}

// TTF returns the face's TrueType bytes; callers must not modify them.
func (f Face) TTF() []byte {
	if p := fallbackParsed(f); p != nil {
		return p.ttf
	}
	return ttfs[f]
}

// advanceTableSize covers Latin, Greek, Cyrillic and the common
// punctuation and symbol blocks; other runes are measured on demand. The
// table is filled a block of blockSize runes at a time, on first use: an
// English article touches three or four blocks of each face, and filling
// all of them took 4 ms of every process's start.
const (
	advanceTableSize = 0x2200
	blockSize        = 256
	numBlocks        = advanceTableSize / blockSize
)

// parsed is one face parsed for measurement.
type parsed struct {
	font       *sfnt.Font
	unitsPerEm float64
	ascent     float64 // in em
	descent    float64 // in em, positive
	advance    [advanceTableSize]float32
	has        [advanceTableSize]bool
	filled     [numBlocks]sync.Once
	// A fallback font's file, its SHA-256 and its name.
	ttf  []byte
	sum  [32]byte
	name string
}

var (
	loadOnce sync.Once
	loaded   [numFaces]*parsed
	loadErr  error
	// ready is loaded once Load has succeeded: measuring reads it with
	// one atomic load instead of going through loadOnce for every rune.
	ready atomic.Pointer[[numFaces]*parsed]
	// allHave[r] is set when every embedded face has a glyph for r,
	// filled a block at a time like the faces' tables.
	allHave       [advanceTableSize]bool
	allHaveFilled [numBlocks]sync.Once
)

// Load parses every face once; later calls return the first result. It
// fails only if an embedded font is corrupt.
func Load() error {
	loadOnce.Do(func() {
		for i := range numFaces {
			p, err := parse(ttfs[i])
			if err != nil {
				loadErr = fmt.Errorf("embedded font %s: %w", names[i], err)
				return
			}
			loaded[i] = p
		}
		ready.Store(&loaded)
	})
	return loadErr
}

// AllHave reports whether every embedded face has a glyph for r.
func AllHave(r rune) bool {
	if r >= 0 && r < advanceTableSize {
		if ready.Load() == nil {
			if err := Load(); err != nil {
				return false
			}
		}
		b := r / blockSize
		allHaveFilled[b].Do(func() {
			for _, p := range loaded {
				p.fill(r)
			}
			for c := b * blockSize; c < (b+1)*blockSize; c++ {
				allHave[c] = true
				for _, p := range loaded {
					allHave[c] = allHave[c] && p.has[c]
				}
			}
		})
		return allHave[r]
	}
	for _, f := range All {
		if !f.Has(r) {
			return false
		}
	}
	return true
}

func parse(ttf []byte) (*parsed, error) {
	f, err := sfnt.Parse(ttf)
	if err != nil {
		return nil, err
	}
	p := &parsed{font: f, unitsPerEm: float64(f.UnitsPerEm()), ttf: ttf}
	var buf sfnt.Buffer
	ppem := fixed.I(int(f.UnitsPerEm()))
	m, err := f.Metrics(&buf, ppem, font.HintingNone)
	if err != nil {
		return nil, err
	}
	p.ascent = float64(m.Ascent) / 64 / p.unitsPerEm
	p.descent = float64(m.Descent) / 64 / p.unitsPerEm
	return p, nil
}

// fill measures the block of the table that holds r (0 ≤ r <
// advanceTableSize), once.
func (p *parsed) fill(r rune) {
	b := r / blockSize
	p.filled[b].Do(func() {
		var buf sfnt.Buffer
		ppem := fixed.I(int(p.font.UnitsPerEm()))
		for c := b * blockSize; c < (b+1)*blockSize; c++ {
			gi, err := p.font.GlyphIndex(&buf, c)
			if err != nil || gi == 0 {
				continue
			}
			adv, err := p.font.GlyphAdvance(&buf, gi, ppem, font.HintingNone)
			if err != nil {
				continue
			}
			p.has[c] = true
			p.advance[c] = float32(float64(adv) / 64 / p.unitsPerEm)
		}
	})
}

func get(f Face) *parsed {
	if l := ready.Load(); l != nil && f < numFaces {
		return l[f]
	}
	if err := Load(); err != nil {
		panic(err) // embedded data is corrupt: a build problem, not an input problem
	}
	if f.IsFallback() {
		if p := fallbackParsed(f); p != nil {
			return p
		}
		panic(fmt.Sprintf("fonts: face %d was never registered", f)) // a programming error
	}
	return loaded[f]
}

// Has reports whether the face has a glyph for r.
func (f Face) Has(r rune) bool {
	p := get(f)
	if r >= 0 && r < advanceTableSize {
		p.fill(r)
		return p.has[r]
	}
	var buf sfnt.Buffer
	gi, err := p.font.GlyphIndex(&buf, r)
	return err == nil && gi != 0
}

// placeholderAdvance is the advance of U+25A1, which the layout draws in
// place of a character the face lacks, so that measuring the author's
// text measures what is drawn.
func (f Face) placeholderAdvance() float64 {
	p := get(f)
	var buf sfnt.Buffer
	ppem := fixed.I(int(p.font.UnitsPerEm()))
	if gi, err := p.font.GlyphIndex(&buf, '\u25A1'); err == nil && gi != 0 {
		if adv, err := p.font.GlyphAdvance(&buf, gi, ppem, font.HintingNone); err == nil {
			return float64(adv) / float64(ppem)
		}
	}
	p.fill(0)
	return float64(p.advance[0])
}

// Advance returns the unkerned, unhinted advance of r in em: for a
// character the face lacks, that of the placeholder square.
func (f Face) Advance(r rune) float64 {
	p := get(f)
	if r >= 0 && r < advanceTableSize {
		if p.fill(r); p.has[r] {
			return float64(p.advance[r])
		}
	}
	if g := f.For(r); g != f {
		return g.Advance(r) // drawn by a fallback font
	}
	if r >= 0 && r < advanceTableSize {
		return f.placeholderAdvance() // drawn as the placeholder square
	}
	var buf sfnt.Buffer
	ppem := fixed.I(int(p.font.UnitsPerEm()))
	gi, err := p.font.GlyphIndex(&buf, r)
	if err != nil || gi == 0 {
		return f.placeholderAdvance()
	}
	adv, err := p.font.GlyphAdvance(&buf, gi, ppem, font.HintingNone)
	if err != nil {
		return 0.75
	}
	return float64(adv) / 64 / p.unitsPerEm
}

// Ascent and Descent return the face's vertical metrics in em.
func (f Face) Ascent() float64  { return get(f).ascent }
func (f Face) Descent() float64 { return get(f).descent }

// Width returns the width of s at size (in the unit of size), unkerned.
func (f Face) Width(s string, size float64) float64 {
	w := 0.0
	for _, r := range s {
		w += f.Advance(r)
	}
	return w * size
}
