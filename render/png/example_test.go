package png_test

import (
	"bytes"
	"fmt"
	stdpng "image/png"

	"github.com/triptych/triptych/content"
	"github.com/triptych/triptych/layout"
	"github.com/triptych/triptych/render"
	"github.com/triptych/triptych/render/png"
)

// Render the infographic at 2x; the alt text comes as a second file.
func ExampleRenderer() {
	a, _ := content.Load("../../examples/software-engineer-vs-platform-sre.md")
	// Lay the article out once, then paint the poster from that result.
	laid, err := layout.Layout(a, layout.Options{Size: "square", Parts: png.Renderer{}.Needs()})
	if err != nil {
		fmt.Println(err)
		return
	}
	res, err := png.Renderer{}.Render(laid, render.Options{Scale: 2})
	if err != nil {
		fmt.Println(err)
		return
	}
	cfg, _ := stdpng.DecodeConfig(bytes.NewReader(res.Files[0].Data))
	fmt.Println(cfg.Width, cfg.Height, res.Files[1].Suffix)
	// Output:
	// 2160 2160 .alt.txt
}
