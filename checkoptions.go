package triptych

import (
	"fmt"

	"golang.org/x/text/language"

	"github.com/triptych/triptych/layout"
	"github.com/triptych/triptych/render"
)

// CheckRenderOptions rejects option values the renderers would refuse,
// before any article is built, in words a user understands: an unknown
// size, theme, paper or typography, a scale outside 1–3, a size and scale
// whose infographic would pass the canvas limit, or an accent that is no
// colour. The command line and the preview server both check with it.
func CheckRenderOptions(o render.Options) error {
	size, ok := layout.PosterSizes[o.Size]
	if !ok && o.Size != "" {
		return fmt.Errorf("unknown size %q: use poster, og, square, portrait, pinterest or a4", o.Size)
	}
	if _, err := layout.ThemeNamed(o.Theme); err != nil {
		return err
	}
	if o.Scale < 1 || o.Scale > 3 {
		return fmt.Errorf("scale %d: use 1, 2 or 3", o.Scale)
	}
	if maxW, maxH := CanvasLimit(); size.Width*float64(o.Scale) > float64(maxW) || size.Height*float64(o.Scale) > float64(maxH) {
		return fmt.Errorf("size %s at scale %d would be %.0f×%.0f pixels, over the limit of %d×%d: use a smaller scale", o.Size, o.Scale,
			size.Width*float64(o.Scale), size.Height*float64(o.Scale), maxW, maxH)
	}
	if o.Typography != "smart" && o.Typography != "plain" && o.Typography != "" {
		return fmt.Errorf("typography %q: use smart or plain", o.Typography)
	}
	if o.Paper != "a4" && o.Paper != "letter" && o.Paper != "" {
		return fmt.Errorf("unknown paper %q: use a4 or letter", o.Paper)
	}
	if o.Lang != "" {
		if tag, err := language.Parse(o.Lang); err != nil || tag == language.Und {
			return fmt.Errorf("lang %q: use a language tag like en, de or pt-BR", o.Lang)
		}
	}
	for _, c := range o.Accents {
		if _, err := layout.ParseColor(c); err != nil {
			return err
		}
	}
	return nil
}
