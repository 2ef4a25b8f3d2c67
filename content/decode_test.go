package content

import (
	"strings"
	"testing"
)

// One stray byte in a UTF-8 file no longer turns every accent of the file
// into mojibake ("CafÃ© â€”"): the file stays UTF-8, the byte becomes
// U+FFFD and the warning names its line.
func TestMostlyUTF8StaysUTF8(t *testing.T) {
	src := "---\ntitle: Café — Bar\n---\n\nA stray \xff byte.\n" + tableBody
	a, err := Parse("u.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Café — Bar" {
		t.Errorf("title %q", a.Title)
	}
	if got := a.Lead[0].Text(); got != "A stray \uFFFD byte." {
		t.Errorf("lead %q", got)
	}
	if len(a.Warnings) == 0 || !strings.HasPrefix(a.Warnings[0].String(), "u.md:5: bytes that are not UTF-8") {
		t.Errorf("warnings %v", a.Warnings)
	}
	// A legacy 8-bit file is still read as Windows-1252.
	a, err = Parse("w.md", []byte("---\ntitle: Caf\xe9 \x96 Bar\n---\n"+tableBody))
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Café – Bar" {
		t.Errorf("Windows-1252 title %q", a.Title)
	}
}
