package xlsx

import (
	"bytes"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/triptych/triptych/content"
	"github.com/triptych/triptych/internal/painttest"
	"github.com/triptych/triptych/render"
)

// FuzzCellRoundTrip writes a value into a cell and reads it back: it must
// come back as written, less only what XML cannot carry.
func FuzzCellRoundTrip(f *testing.F) {
	for _, h := range hostile {
		f.Add(h)
	}
	f.Add("_x005F_x0041_ and _xD800_")
	f.Add("a\r\nb\x00c\uFFFE")
	f.Fuzz(func(t *testing.T, value string) {
		if len(value) > 2000 {
			return
		}
		a := &content.Article{Title: "T", Source: "f.md", Table: content.Table{
			Subjects: []string{"A", "B"}, Rows: []content.Row{{Aspect: "Aspect", Cells: []string{value, "x"}}},
		}}
		res, err := painttest.PaintErr(Renderer{}, a, render.Options{})
		if err != nil {
			t.Fatal(err)
		}
		record("fuzz-seed", res.Files[0].Data)
		x, err := excelize.OpenReader(bytes.NewReader(res.Files[0].Data))
		if err != nil {
			t.Fatal(err)
		}
		defer x.Close()
		got, err := x.GetCellValue(SheetComparison, "B5")
		if err != nil {
			t.Fatal(err)
		}
		if want := xmlSafe(value); got != want {
			t.Fatalf("cell reads back %q, want %q", got, want)
		}
	})
}
