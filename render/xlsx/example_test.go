package xlsx_test

import (
	"fmt"
	"strings"

	"github.com/triptych/triptych/content"
	"github.com/triptych/triptych/render"
	"github.com/triptych/triptych/render/xlsx"
)

// Render an article's comparison as CSV; formula-like cells are defused.
func ExampleCSVRenderer() {
	a, _ := content.Parse("t.md", []byte("---\ntitle: A vs B\n---\n\n| Aspect | A | B |\n|---|---|---|\n| Score | =1+1 | 2 |\n"))
	res, _ := xlsx.CSVRenderer{}.Render(a, render.Options{})
	fmt.Print(strings.ReplaceAll(string(res.Files[0].Data), "\r\n", "\n")) // lines end in CRLF
	// Output:
	// Aspect,A,B
	// Score,'=1+1,2
}

// Render the spreadsheet; the result is the bytes of one .xlsx file.
func ExampleRenderer() {
	a, _ := content.Load("../../examples/software-engineer-vs-platform-sre.md")
	res, err := xlsx.Renderer{}.Render(a, render.Options{Version: "1.0.0"})
	fmt.Println(err, res.Files[0].Suffix, len(res.Files[0].Data) > 0)
	// Output:
	// <nil> .xlsx true
}
