package layout

import (
	"fmt"
	"math"
	"strconv"
)

// Theme holds the colours and type scale of the outputs. Sizes are in
// points at the poster's reference width of 1200.
type Theme struct {
	Name       string
	Background Color // the canvas
	Header     Color // header and footer bands
	HeaderText Color
	HeaderSub  Color // subtitle and footer text on the bands
	Card       Color // the terms panel
	Text       Color // body text
	Muted      Color // secondary text on the canvas
	Rule       Color
	// Subjects are the subjects' colours, used as badge fills under white
	// text and as accents; a table with more subjects cycles them.
	Subjects []Color
	// TintAlpha is how much of a subject colour tints its cells.
	TintAlpha float64
}

// Light is the default theme.
var Light = Theme{
	Name:       "light",
	Background: hex("#F3F5F9"),
	Header:     hex("#15213B"),
	HeaderText: hex("#FFFFFF"),
	HeaderSub:  hex("#C8D2E6"),
	Card:       hex("#FFFFFF"),
	Text:       hex("#1C2434"),
	Muted:      hex("#4A5568"),
	Rule:       hex("#D5DBE5"),
	Subjects:   []Color{hex("#1F5FD1"), hex("#C2410C"), hex("#047857"), hex("#7C3AED"), hex("#BE123C")},
	TintAlpha:  0.07,
}

// Dark is the dark theme.
var Dark = Theme{
	Name:       "dark",
	Background: hex("#0E1525"),
	Header:     hex("#1A2540"),
	HeaderText: hex("#FFFFFF"),
	HeaderSub:  hex("#B4C0D8"),
	Card:       hex("#18223A"),
	Text:       hex("#E6EAF2"),
	Muted:      hex("#A9B4C8"),
	Rule:       hex("#2C3957"),
	Subjects:   []Color{hex("#2F6FE0"), hex("#C2410C"), hex("#047857"), hex("#7C3AED"), hex("#BE123C")},
	TintAlpha:  0.16,
}

// ThemeNamed returns the theme called name; "" means Light.
func ThemeNamed(name string) (Theme, error) {
	switch name {
	case "", "light":
		return Light, nil
	case "dark":
		return Dark, nil
	}
	return Theme{}, fmt.Errorf("unknown theme %q: use light or dark", name)
}

func hex(s string) Color {
	c, err := ParseColor(s)
	if err != nil {
		panic(err)
	}
	return c
}

// ParseColor reads "#RRGGBB".
func ParseColor(s string) (Color, error) {
	if len(s) != 7 || s[0] != '#' {
		return Color{}, fmt.Errorf("colour %q is not like #1f6feb", s)
	}
	v, err := strconv.ParseUint(s[1:], 16, 32)
	if err != nil {
		return Color{}, fmt.Errorf("colour %q is not like #1f6feb", s)
	}
	return Color{uint8(v >> 16), uint8(v >> 8), uint8(v)}, nil
}

// Hex returns the colour as "#RRGGBB".
func (c Color) Hex() string { return fmt.Sprintf("#%02X%02X%02X", c.R, c.G, c.B) }

// Mix returns c moved towards o by t (0..1).
func (c Color) Mix(o Color, t float64) Color {
	m := func(a, b uint8) uint8 { return uint8(math.Round(float64(a)*(1-t) + float64(b)*t)) }
	return Color{m(c.R, o.R), m(c.G, o.G), m(c.B, o.B)}
}

// Luminance is the WCAG relative luminance.
func (c Color) Luminance() float64 {
	lin := func(v uint8) float64 {
		s := float64(v) / 255
		if s <= 0.03928 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(c.R) + 0.7152*lin(c.G) + 0.0722*lin(c.B)
}

// Contrast is the WCAG contrast ratio of two colours (1 to 21).
func Contrast(a, b Color) float64 {
	la, lb := a.Luminance(), b.Luminance()
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// MinContrast is the contrast text needs: 4.5:1, or 3:1 for bold text of
// 24 px and up (WCAG large text).
func MinContrast(size float64, bold bool) float64 {
	if bold && size >= 24 || size >= 32 {
		return 3
	}
	return 4.5
}

// nearestPassing returns the nearest shade of c, darker towards black or
// lighter towards white as needed, that has at least ratio against bg.
func nearestPassing(c, bg Color, ratio float64) Color {
	if Contrast(c, bg) >= ratio {
		return c
	}
	target := Color{0, 0, 0}
	if bg.Luminance() < 0.18 {
		target = Color{255, 255, 255}
	}
	for t := 0.02; t <= 1; t += 0.02 {
		if m := c.Mix(target, t); Contrast(m, bg) >= ratio {
			return m
		}
	}
	return target
}
