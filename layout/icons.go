package layout

import "strings"

// iconKinds maps words of an aspect to an icon, first match wins; each
// icon is drawn on a 24-unit grid.
var iconKinds = []struct {
	kind  string
	words []string
}{
	{"curve", []string{"learning", "curve", "difficulty", "onboarding"}},
	{"salary", []string{"salary", "pay", "cost", "price", "pricing", "compensation", "income", "budget", "wage"}},
	{"metrics", []string{"metric", "kpi", "measure", "performance", "benchmark"}},
	{"responsibilities", []string{"responsibilit", "duties", "duty", "task", "role", "workflow"}},
	{"skills", []string{"skill", "expertise", "competenc", "knowledge", "ability"}},
	{"tools", []string{"tool", "stack", "technolog", "software", "language", "platform", "packaging", "framework"}},
	{"collaboration", []string{"collaborat", "team", "communicat", "stakeholder", "people", "partner"}},
	{"background", []string{"background", "education", "degree", "training", "certif", "experience", "qualification"}},
	{"scale", []string{"scale", "scalab", "growth", "size", "capacity", "concurrency"}},
	{"goal", []string{"goal", "objective", "outcome", "mission", "result", "output"}},
	{"focus", []string{"focus", "purpose", "priority", "aim", "core"}},
}

// IconFor returns the icon kind for an aspect, "neutral" when no word
// matches.
func IconFor(aspect string) string {
	lower := strings.ToLower(aspect)
	for _, k := range iconKinds {
		for _, w := range k.words {
			for _, field := range strings.FieldsFunc(lower, func(r rune) bool { return r == ' ' || r == '-' || r == '/' }) {
				if strings.HasPrefix(field, w) {
					return k.kind
				}
			}
		}
	}
	return "neutral"
}

// iconBoxes draws icon kind in a square of side size at (x, y).
func iconBoxes(kind string, x, y, size float64, c, bg Color) []Box {
	s := size / 24
	pt := func(px, py float64) []float64 { return []float64{x + px*s, y + py*s} }
	stroke := func(fill bool, ops ...PathOp) Box {
		return &Path{Ops: ops, Box: Rect{x, y, size, size}, Stroke: 2 * s, Fill: fill, Color: c}
	}
	M := func(px, py float64) PathOp { return PathOp{'M', pt(px, py)} }
	L := func(px, py float64) PathOp { return PathOp{'L', pt(px, py)} }
	Z := PathOp{Kind: 'Z'}
	dot := func(cx, cy, r float64, col Color) Box { return &Circle{x + cx*s, y + cy*s, r * s, col} }
	switch kind {
	case "focus":
		return []Box{dot(12, 12, 10, c), dot(12, 12, 7, bg), dot(12, 12, 4.5, c), dot(12, 12, 2, bg)}
	case "responsibilities":
		return []Box{
			stroke(false, M(3, 6), L(5, 8), L(8.5, 4)), stroke(false, M(11, 6), L(21, 6)),
			stroke(false, M(3, 13), L(5, 15), L(8.5, 11)), stroke(false, M(11, 13), L(21, 13)),
			stroke(false, M(3, 20), L(5, 22), L(8.5, 18)), stroke(false, M(11, 20), L(21, 20)),
		}
	case "skills":
		return []Box{stroke(true, M(13.5, 2), L(4, 13.5), L(11, 13.5), L(9.5, 22), L(20, 9.5), L(13, 9.5), Z)}
	case "tools":
		return []Box{
			stroke(false, M(4, 20), L(13, 11)),
			dot(16, 8, 5.5, c), dot(18.5, 5.5, 2.6, bg),
			stroke(false, M(3, 21), L(5, 19)),
		}
	case "goal":
		return []Box{stroke(false, M(5, 22), L(5, 2)), stroke(true, M(6, 3), L(20, 3), L(16.5, 7.5), L(20, 12), L(6, 12), Z)}
	case "collaboration":
		return []Box{
			dot(8, 7.5, 4, c), dot(17, 8.5, 3.3, c),
			stroke(true, M(1.5, 21), L(2.5, 15), L(5, 13), L(11, 13), L(13.5, 15), L(14.5, 21), Z),
			stroke(true, M(15.5, 21), L(15, 15.5), L(16, 14), L(20, 14), L(22, 16), L(22.5, 21), Z),
		}
	case "metrics":
		return []Box{
			&Fill{Rect: Rect{x + 3*s, y + 13*s, 4.5 * s, 8 * s}, Color: c},
			&Fill{Rect: Rect{x + 9.75*s, y + 8*s, 4.5 * s, 13 * s}, Color: c},
			&Fill{Rect: Rect{x + 16.5*s, y + 3*s, 4.5 * s, 18 * s}, Color: c},
			stroke(false, M(1.5, 22.5), L(22.5, 22.5)),
		}
	case "salary":
		return []Box{
			&Fill{Rect: Rect{x + 1.5*s, y + 5.5*s, 21 * s, 13 * s}, Color: c, Radius: 2 * s},
			dot(12, 12, 4, bg), dot(12, 12, 2, c),
			dot(5.5, 12, 1.2, bg), dot(18.5, 12, 1.2, bg),
		}
	case "background":
		return []Box{
			stroke(true, M(12, 3), L(23, 8.5), L(12, 14), L(1, 8.5), Z),
			stroke(true, M(6, 11.5), L(6, 17), L(12, 20), L(18, 17), L(18, 11.5), L(12, 14.5), Z),
			stroke(false, M(21.5, 9.5), L(21.5, 16)),
		}
	case "curve":
		return []Box{
			stroke(false, M(2.5, 21.5), PathOp{'C', append(append(pt(10, 21), pt(12, 6)...), pt(19.5, 5)...)}),
			stroke(true, M(21.5, 4.5), L(16.5, 2.5), L(17.5, 8), Z),
			stroke(false, M(2, 22.5), L(22.5, 22.5)),
		}
	case "scale":
		return []Box{
			&Fill{Rect: Rect{x + 2*s, y + 15*s, 7 * s, 7 * s}, Color: c, Radius: 1 * s},
			&Fill{Rect: Rect{x + 11*s, y + 11*s, 11 * s, 11 * s}, Color: c, Radius: 1.5 * s},
			stroke(false, M(4, 11), L(12, 3)), stroke(true, M(14.5, 1.5), L(14, 6.5), L(9.5, 2), Z),
		}
	}
	return []Box{stroke(true, M(12, 3), L(21, 12), L(12, 21), L(3, 12), Z), dot(12, 12, 3, bg)}
}
