package pdf_test

import (
	"bytes"
	"fmt"

	"github.com/triptych/triptych/content"
	"github.com/triptych/triptych/render"
	"github.com/triptych/triptych/render/pdf"
)

// Render the handout on A4.
func ExampleRenderer() {
	a, _ := content.Load("../../examples/software-engineer-vs-platform-sre.md")
	res, err := pdf.Renderer{}.Render(a, render.Options{Paper: "a4"})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(bytes.HasPrefix(res.Files[0].Data, []byte("%PDF-1.")))
	// Output:
	// true
}
