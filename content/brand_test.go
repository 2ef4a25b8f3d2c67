package content

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestBrandLogo(t *testing.T) {
	dir := t.TempDir()
	var logo bytes.Buffer
	_ = png.Encode(&logo, image.NewNRGBA(image.Rect(0, 0, 40, 20)))
	os.WriteFile(filepath.Join(dir, "logo.png"), logo.Bytes(), 0o644)
	os.WriteFile(filepath.Join(dir, "not-an-image.png"), []byte("text"), 0o644)
	outside := t.TempDir()
	os.WriteFile(filepath.Join(outside, "secret.png"), logo.Bytes(), 0o644)
	os.Symlink(filepath.Join(outside, "secret.png"), filepath.Join(dir, "link.png"))
	article := func(logoPath string) *Article {
		path := filepath.Join(dir, "a.md")
		os.WriteFile(path, []byte("---\ntitle: T\nbrand:\n  name: Acme Careers\n  url: https://acme.example\n  logo: "+logoPath+"\n---\n"+tableBody), 0o644)
		a, err := Load(path)
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	a := article("logo.png")
	if a.Brand.Name != "Acme Careers" || a.Brand.LogoW != 40 || a.Brand.LogoH != 20 || len(a.Brand.Logo) == 0 {
		t.Errorf("brand %+v", a.Brand)
	}
	for logoPath, want := range map[string]string{
		"not-an-image.png": "not a PNG or JPEG",
		"../" + filepath.Base(outside) + "/secret.png": "outside the article's folder",
		"link.png":    "outside the article's folder",
		"/etc/passwd": "relative to the article's folder",
		"missing.png": "no such file",
	} {
		a := article(logoPath)
		if len(a.Brand.Logo) != 0 {
			t.Errorf("%s: the logo was read", logoPath)
		}
		var msgs []string
		for _, w := range a.Warnings {
			msgs = append(msgs, w.Msg)
		}
		if !strings.Contains(strings.Join(msgs, "\n"), want) {
			t.Errorf("%s: warnings %q lack %q", logoPath, msgs, want)
		}
	}
}
