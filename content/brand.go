package content

import (
	"bytes"
	"fmt"
	"image"
	_ "image/jpeg" // logos may be JPEG
	"image/png"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// MaxLogoBytes is the largest logo file read.
const MaxLogoBytes = 1 << 20

// MaxLogoPixels bounds a logo's width × height once decoded.
const MaxLogoPixels = 4096 * 4096

// ReadLogo reads a brand logo (PNG or JPEG) with the input limits and
// returns it as PNG with its size: a regular file of at most MaxLogoBytes,
// decoded only after its size in pixels is known to be within bounds.
func ReadLogo(path string) (pngData []byte, w, h int, err error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, 0, 0, fmt.Errorf("logo %s: %s", path, describeOpenError(err))
	}
	if !info.Mode().IsRegular() {
		return nil, 0, 0, fmt.Errorf("logo %s: not a regular file", path)
	}
	if info.Size() > MaxLogoBytes {
		return nil, 0, 0, fmt.Errorf("logo %s: %s, larger than the limit of %s", path, humanBytes(info.Size()), humanBytes(MaxLogoBytes))
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, 0, 0, fmt.Errorf("logo %s: %s", path, describeOpenError(err))
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxLogoBytes+1))
	if err != nil || len(data) > MaxLogoBytes {
		return nil, 0, 0, fmt.Errorf("logo %s: could not be read", path)
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil || (format != "png" && format != "jpeg") {
		return nil, 0, 0, fmt.Errorf("logo %s: not a PNG or JPEG image", path)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 || cfg.Width*cfg.Height > MaxLogoPixels {
		return nil, 0, 0, fmt.Errorf("logo %s: %d×%d pixels, more than the limit", path, cfg.Width, cfg.Height)
	}
	if format == "png" {
		return data, cfg.Width, cfg.Height, nil
	}
	img, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, 0, 0, fmt.Errorf("logo %s: %v", path, err)
	}
	var out bytes.Buffer
	if err := png.Encode(&out, img); err != nil {
		return nil, 0, 0, err
	}
	return out.Bytes(), cfg.Width, cfg.Height, nil
}

// InsideFolder resolves rel against dir and checks that the file it names,
// symbolic links followed, stays inside dir: a front matter or an options
// file may not make triptych read files outside the folders named.
func InsideFolder(dir, rel string) (string, error) {
	if filepath.IsAbs(rel) {
		return "", fmt.Errorf("must be a path relative to the article's folder")
	}
	p := filepath.Join(dir, rel)
	realDir, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return "", err
	}
	realP, err := filepath.EvalSymlinks(p)
	if err != nil {
		return "", fmt.Errorf("%s", describeOpenError(err))
	}
	r, err := filepath.Rel(realDir, realP)
	if err != nil || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) {
		return "", fmt.Errorf("is outside the article's folder")
	}
	return realP, nil
}

// loadBrandLogo reads the logo an article's front matter names, relative
// to the article's folder; a logo that cannot be read is a warning and the
// footer shows the brand's name alone.
func loadBrandLogo(a *Article, articlePath string) {
	if a.Brand.LogoPath == "" || a.Brand.Logo != nil {
		return
	}
	dir := filepath.Dir(articlePath)
	p, err := InsideFolder(dir, a.Brand.LogoPath)
	if err != nil {
		a.warn(a.Brand.Line, "logo %s: %v; the footer shows the brand's name alone", a.Brand.LogoPath, err)
		return
	}
	data, w, h, err := ReadLogo(p)
	if err != nil {
		a.warn(a.Brand.Line, "%v; the footer shows the brand's name alone", err)
		return
	}
	a.Brand.Logo, a.Brand.LogoW, a.Brand.LogoH = data, w, h
}
