package layout_test

import (
	"fmt"

	"github.com/triptych/triptych/content"
	"github.com/triptych/triptych/layout"
)

// Lay out the infographic of an article at the Open Graph size: a social
// card with large type and the most telling rows.
func ExamplePoster() {
	a, _ := content.Load("../examples/software-engineer-vs-platform-sre.md")
	doc, err := layout.Poster(a, layout.PosterOptions{Size: "og"})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%.0fx%.0f, %d page\n", doc.Width, doc.Height, len(doc.Pages))
	for _, w := range doc.Warnings {
		fmt.Println(w.Msg)
	}
	// Output:
	// 1200x630, 1 page
	// the og card shows 2 of 7 aspects, as a social card does; the poster and the handout show them all
}

// Paginate an article as a Letter-size handout.
func ExampleHandout() {
	a, _ := content.Load("../examples/software-engineer-vs-platform-sre.md")
	doc, err := layout.Handout(a, layout.DocumentOptions{Paper: "letter"})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%.0fx%.0f pt, %d bookmarks, first %q\n", doc.Width, doc.Height, len(doc.Outline), doc.Outline[1].Title)
	// Output:
	// 612x792 pt, 13 bookmarks, first "Table of Comparison"
}
