package render

import (
	"github.com/triptych/triptych/layout"
	"github.com/triptych/triptych/layout/fonts"
)

import (
	"fmt"
	"strings"
)

// Options are the choices that shape every output. The zero value means the
// defaults: the light theme, the poster size at 1x, A4 paper.
type Options struct {
	// Theme is "light" or "dark"; the article's front matter may override it.
	Theme string
	// Size is the infographic size preset ("poster", "og", "square", ...).
	Size string
	// Scale multiplies the infographic's pixel size (1, 2 or 3).
	Scale int
	// Paper is the handout's paper size ("a4" or "letter").
	Paper string
	// Accents override the subjects' colours ("#RRGGBB"), after the article's.
	Accents []string
	// Typography "plain" keeps straight quotes in the PNG and the PDF.
	Typography string
	// Brand replaces "Made with triptych" in the poster's footer when the
	// article names no brand of its own.
	Brand layout.Brand
	// CSVBOM starts CSV files with a UTF-8 byte-order mark, for Excel.
	CSVBOM bool
	// Version is the tool version written into file metadata.
	Version string
	// NoScorecard leaves the spreadsheet's Scorecard sheet out
	// (--scorecard=off); the zero value keeps it, as the default is on.
	NoScorecard bool
	// NoTakeaways leaves the poster's "Which to pick" cards out
	// (--takeaways=off).
	NoTakeaways bool
	// PDFA makes the handout PDF/A-2b (--pdfa): an sRGB output intent and
	// XMP metadata that declares the conformance.
	PDFA bool
	// Fonts are fallback fonts (fonts.Register; --font) for characters
	// the embedded faces lack, in order. Option fingerprints use their
	// content (FontSums), not these process-local numbers.
	Fonts []fonts.Face `json:"-"`
	// PNGPalette writes the infographic with a palette of at most 256
	// colours (--png-palette): about a third of the size, nearly the
	// same pixels (PSNR about 54 dB on the example).
	PNGPalette bool
	// Lang is the language (a BCP 47 tag) of articles that do not give
	// one in their front matter or <html lang> (--lang); "" means English.
	// It decides hyphenation and the PDF's /Lang.
	Lang string
}

// FontSums returns the SHA-256 of each fallback font, in order: what
// fingerprints of the options say of the fonts.
func (o Options) FontSums() []string {
	sums := make([]string, len(o.Fonts))
	for i, f := range o.Fonts {
		sums[i] = f.Sum()
	}
	return sums
}

// SetTakeaways reads the value of --takeaways: "on" or "off".
func (o *Options) SetTakeaways(v string) error {
	off, err := onOff("takeaways", v)
	o.NoTakeaways = off
	return err
}

// onOff reads an on/off flag value and reports whether it says off.
func onOff(flag, v string) (off bool, err error) {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "on", "true", "yes", "1":
		return false, nil
	case "off", "false", "no", "0":
		return true, nil
	}
	return false, fmt.Errorf("--%s %q: choose on or off", flag, v)
}

// SetScorecard reads the value of --scorecard: "on" or "off" (also true,
// false, yes, no, 1, 0).
func (o *Options) SetScorecard(v string) error {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "on", "true", "yes", "1":
		o.NoScorecard = false
	case "off", "false", "no", "0":
		o.NoScorecard = true
	default:
		return fmt.Errorf("--scorecard %q: choose on or off", v)
	}
	return nil
}
