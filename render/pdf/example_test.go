package pdf_test

import (
	"bytes"
	"fmt"

	"github.com/triptych/triptych/content"
	"github.com/triptych/triptych/layout"
	"github.com/triptych/triptych/render"
	"github.com/triptych/triptych/render/pdf"
)

// Render the handout on A4.
func ExampleRenderer() {
	a, _ := content.Load("../../examples/software-engineer-vs-platform-sre.md")
	// Lay the article out once, then paint the handout from that result.
	laid, err := layout.Layout(a, layout.Options{Paper: "a4", Parts: pdf.Renderer{}.Needs()})
	if err != nil {
		fmt.Println(err)
		return
	}
	res, err := pdf.Renderer{}.Render(laid, render.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(bytes.HasPrefix(res.Files[0].Data, []byte("%PDF-1.")))
	// Output:
	// true
}
