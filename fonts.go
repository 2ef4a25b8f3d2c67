package triptych

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/triptych/triptych/layout/fonts"
)

// LoadFonts reads TrueType fonts to fall back on for the characters the
// embedded faces lack (CJK, symbols), in order, for render.Options.Fonts.
// Each must be a regular file of at most fonts.MaxFontBytes; a problem
// names the file and says what is wrong.
func LoadFonts(paths []string) ([]fonts.Face, error) {
	if len(paths) > fonts.MaxFallbacks {
		return nil, fmt.Errorf("%d fallback fonts; at most %d", len(paths), fonts.MaxFallbacks)
	}
	var faces []fonts.Face
	for _, p := range paths {
		data, err := readFont(p)
		if err != nil {
			return nil, err
		}
		f, err := fonts.Register(filepath.Base(p), data)
		if err != nil {
			return nil, fmt.Errorf("font %s: %v", p, err)
		}
		faces = append(faces, f)
	}
	return faces, nil
}

func readFont(path string) ([]byte, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("font %s: %v", path, err)
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("font %s: not a regular file", path)
	}
	if info.Size() > fonts.MaxFontBytes {
		return nil, fmt.Errorf("font %s: larger than the limit of %d MiB", path, fonts.MaxFontBytes>>20)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("font %s: %v", path, err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, fonts.MaxFontBytes+1))
	if err != nil || len(data) > fonts.MaxFontBytes {
		return nil, fmt.Errorf("font %s: could not be read", path)
	}
	return data, nil
}
