package webpage

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// pageLang is the language the page declares on its <html> element
// (lang, else xml:lang), as written: the loader checks it is a language
// tag.
func (c *converter) pageLang() field {
	for n := c.pg.doc.FirstChild; n != nil; n = n.NextSibling {
		if n.Type != html.ElementNode || n.DataAtom != atom.Html {
			continue
		}
		for _, key := range []string{"lang", "xml:lang"} {
			if v := strings.TrimSpace(attr(n, key)); v != "" && len(v) <= 35 {
				return field{v, c.pg.line(n)}
			}
		}
	}
	return field{}
}
