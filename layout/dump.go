package layout

import (
	"fmt"
	"strings"
)

// Dump writes a document as text, one line per box, for golden tests and
// debugging.
func Dump(doc *Document) string {
	var b strings.Builder
	fmt.Fprintf(&b, "document %.1fx%.1f background %s\n", doc.Width, doc.Height, doc.Background.Hex())
	for i, p := range doc.Pages {
		fmt.Fprintf(&b, "page %d\n", i+1)
		for _, box := range p.Boxes {
			switch x := box.(type) {
			case *Fill:
				fmt.Fprintf(&b, "  fill %.1f,%.1f %.1fx%.1f r%.1f %s\n", x.X, x.Y, x.W, x.H, x.Radius, x.Color.Hex())
			case *Text:
				fmt.Fprintf(&b, "  text %.1f,%.1f w%.1f %s %.1f %s %q\n", x.X, x.Baseline, x.Width, x.Face, x.Size, x.Color.Hex(), x.Text)
			case *Rule:
				fmt.Fprintf(&b, "  rule %.1f,%.1f-%.1f,%.1f w%.1f %s\n", x.X1, x.Y1, x.X2, x.Y2, x.Width, x.Color.Hex())
			case *Circle:
				fmt.Fprintf(&b, "  circle %.1f,%.1f r%.1f %s\n", x.CX, x.CY, x.R, x.Color.Hex())
			case *Path:
				fmt.Fprintf(&b, "  path %.1f,%.1f %.1fx%.1f ops%d %s\n", x.Box.X, x.Box.Y, x.Box.W, x.Box.H, len(x.Ops), x.Color.Hex())
			case *Image:
				fmt.Fprintf(&b, "  image %.1f,%.1f %.1fx%.1f\n", x.X, x.Y, x.W, x.H)
			default:
				fmt.Fprintf(&b, "  unknown box %T\n", x)
			}
		}
	}
	return b.String()
}
