package triptych

import (
	"fmt"
	"path/filepath"

	"github.com/triptych/triptych/content"
	"github.com/triptych/triptych/layout/fonts"
)

// LoadFonts reads TrueType fonts to fall back on for the characters the
// embedded faces lack (CJK, symbols), in order, for render.Options.Fonts.
// Each must be a regular file of at most fonts.MaxFontBytes
// (content.ReadRegular); a problem names the file and says what is wrong.
func LoadFonts(paths []string) ([]fonts.Face, error) {
	if len(paths) > fonts.MaxFallbacks {
		return nil, fmt.Errorf("%d fallback fonts; at most %d", len(paths), fonts.MaxFallbacks)
	}
	var faces []fonts.Face
	for _, p := range paths {
		data, err := content.ReadRegular(p, fonts.MaxFontBytes)
		if err != nil {
			return nil, fmt.Errorf("font %v", err)
		}
		f, err := fonts.Register(filepath.Base(p), data)
		if err != nil {
			return nil, fmt.Errorf("font %s: %v", p, err)
		}
		faces = append(faces, f)
	}
	return faces, nil
}
