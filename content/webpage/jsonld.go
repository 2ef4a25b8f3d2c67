package webpage

import (
	"encoding/json"
	"strings"
)

// maxJSONDepth bounds the walk through a JSON-LD document; articles sit
// near the top, and the bound keeps hostile nesting cheap.
const maxJSONDepth = 16

// ldObject is one JSON-LD object found in the page, with the line of its
// <script>.
type ldObject struct {
	fields map[string]any
	line   int
}

// linkedData is every JSON-LD object of the page, in document order.
type linkedData struct {
	objects []ldObject
	byID    map[string]map[string]any
}

// add reads one <script type="application/ld+json">; it reports false when
// the script is not JSON.
func (ld *linkedData) add(text string, line int) bool {
	text = strings.TrimSpace(text)
	text = strings.TrimPrefix(text, "<![CDATA[")
	text = strings.TrimSuffix(text, "]]>")
	var v any
	if err := json.Unmarshal([]byte(text), &v); err != nil {
		return false
	}
	ld.walk(v, line, 0)
	return true
}

// walk collects the objects of a value: top-level objects, the members of
// arrays and of "@graph".
func (ld *linkedData) walk(v any, line, depth int) {
	if depth > maxJSONDepth {
		return
	}
	switch v := v.(type) {
	case []any:
		for _, e := range v {
			ld.walk(e, line, depth+1)
		}
	case map[string]any:
		ld.objects = append(ld.objects, ldObject{fields: v, line: line})
		if id, ok := v["@id"].(string); ok {
			if ld.byID == nil {
				ld.byID = map[string]map[string]any{}
			}
			if _, seen := ld.byID[id]; !seen {
				ld.byID[id] = v
			}
		}
		if g, ok := v["@graph"]; ok {
			ld.walk(g, line, depth+1)
		}
		if m, ok := v["mainEntity"].(map[string]any); ok {
			ld.walk(m, line, depth+1)
		}
	}
}

// isArticle reports whether an object describes the article itself.
func isArticle(o map[string]any) bool {
	for _, t := range stringsOf(o["@type"]) {
		t = strings.ToLower(t)
		if strings.HasSuffix(t, "article") || strings.HasSuffix(t, "posting") || t == "report" || t == "webpage" || t == "howto" {
			return true
		}
	}
	return false
}

// ordered returns the objects describing the article first, then the
// others, each group in document order.
func (ld *linkedData) ordered() []ldObject {
	var first, rest []ldObject
	for _, o := range ld.objects {
		if isArticle(o.fields) {
			first = append(first, o)
		} else {
			rest = append(rest, o)
		}
	}
	return append(first, rest...)
}

// text returns the first string value of a key.
func (ld *linkedData) text(key string) (string, int) {
	for _, o := range ld.ordered() {
		for _, s := range stringsOf(o.fields[key]) {
			if s = cleanText(s); s != "" {
				return s, o.line
			}
		}
	}
	return "", 0
}

// authors returns the names in the first "author" value: a string, an
// object with a name (or an "@id" naming one elsewhere), or a list.
func (ld *linkedData) authors() ([]string, int) {
	for _, o := range ld.ordered() {
		v, ok := o.fields["author"]
		if !ok {
			continue
		}
		list, isList := v.([]any)
		if !isList {
			list = []any{v}
		}
		var names []string
		for _, a := range list {
			switch a := a.(type) {
			case string:
				names = append(names, a)
			case map[string]any:
				if _, has := a["name"]; !has {
					if id, ok := a["@id"].(string); ok && ld.byID[id] != nil {
						a = ld.byID[id]
					}
				}
				names = append(names, stringsOf(a["name"])...)
			}
		}
		if names = cleanNames(names); len(names) > 0 {
			return names, o.line
		}
	}
	return nil, 0
}

// keywords returns the first "keywords" value: a comma-separated string
// or a list.
func (ld *linkedData) keywords() []string {
	for _, o := range ld.ordered() {
		v, ok := o.fields["keywords"]
		if !ok {
			continue
		}
		var out []string
		if s, ok := v.(string); ok {
			out = strings.Split(s, ",")
		} else {
			out = stringsOf(v)
		}
		return out
	}
	return nil
}

// stringsOf returns a JSON value's strings: the value itself or the
// strings of a list.
func stringsOf(v any) []string {
	switch v := v.(type) {
	case string:
		return []string{v}
	case []any:
		var out []string
		for _, e := range v {
			if s, ok := e.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}
