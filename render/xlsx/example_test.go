package xlsx_test

import (
	"fmt"
	"strings"

	"github.com/triptych/triptych/content"
	"github.com/triptych/triptych/layout"
	"github.com/triptych/triptych/render"
	"github.com/triptych/triptych/render/xlsx"
)

// Render an article's comparison as CSV; formula-like cells are defused.
func ExampleCSVRenderer() {
	a, _ := content.Parse("t.md", []byte("---\ntitle: A vs B\n---\n\n| Aspect | A | B |\n|---|---|---|\n| Score | =1+1 | 2 |\n"))
	laid, _ := layout.Layout(a, layout.Options{Parts: xlsx.CSVRenderer{}.Needs()})
	res, _ := xlsx.CSVRenderer{}.Render(laid, render.Options{})
	fmt.Print(strings.ReplaceAll(string(res.Files[0].Data), "\r\n", "\n")) // lines end in CRLF
	// Output:
	// Aspect,A,B
	// Score,'=1+1,2
}

// Render the spreadsheet; the result is the bytes of one .xlsx file.
func ExampleRenderer() {
	a, _ := content.Load("../../examples/software-engineer-vs-platform-sre.md")
	laid, _ := layout.Layout(a, layout.Options{Version: "1.0.0", Parts: xlsx.Renderer{}.Needs()})
	res, err := xlsx.Renderer{}.Render(laid, render.Options{})
	fmt.Println(err, res.Files[0].Suffix, len(res.Files[0].Data) > 0)
	// Output:
	// <nil> .xlsx true
}
