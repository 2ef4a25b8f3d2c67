package webpage

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Attributes added to every start tag before parsing, so that an element of
// the parsed tree (or of readability's copy of it) can be traced back to its
// place in the file.
const (
	lineAttr = "data-tt-line"
	idAttr   = "data-tt-id"
)

// annotate copies the page, inserting lineAttr and idAttr into every start
// tag, and refuses pages nested deeper than MaxNesting. It runs the same
// tokenizer html.Parse uses, so raw text (scripts, styles) is never touched.
// The check runs before parsing because the parser's work per tag grows
// with the depth of the tree.
func annotate(data []byte) ([]byte, error) {
	var out bytes.Buffer
	out.Grow(len(data) + len(data)/4)
	z := html.NewTokenizer(bytes.NewReader(data))
	var open openElements
	line, id := 1, 0
	for {
		foreign := open.foreign > 0
		z.AllowCDATA(foreign)
		tt := z.Next()
		if tt == html.ErrorToken {
			if err := z.Err(); !errors.Is(err, io.EOF) {
				return nil, &Error{Line: line, Msg: "the page could not be read: " + err.Error()}
			}
			break
		}
		raw := z.Raw()
		switch tt {
		case html.StartTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			id++
			writeTagged(&out, raw, line, id)
			// Only void elements and, inside SVG or MathML, self-closing
			// tags stay empty; the parser opens a "<div/>".
			empty := voidElement[atom.Lookup(name)] || (tt == html.SelfClosingTagToken && foreign)
			if !empty {
				if depth := open.start(string(name)) + impliedAncestors; depth > MaxNesting {
					return nil, nestingError(line)
				}
			}
			if foreign {
				// The parser reads a <title> or <style> inside SVG as
				// markup, not raw text; do the same.
				z.NextIsNotRawText()
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			open.end(string(name))
			out.Write(raw)
		default:
			out.Write(raw)
		}
		line += countLines(raw)
	}
	return out.Bytes(), nil
}

// impliedAncestors counts <html> and <body>, which every element of the
// page's content sits in.
const impliedAncestors = 2

func nestingError(line int) *Error {
	return &Error{Line: line, Msg: fmt.Sprintf(
		"elements are nested more than %d deep here; triptych reads pages nested at most %d deep", MaxNesting, MaxNesting)}
}

// writeTagged writes a start tag with the two tracing attributes inserted
// right after its name, before any attribute of the page: the parser keeps
// the first of duplicate attributes, so the page cannot forge them.
func writeTagged(out *bytes.Buffer, raw []byte, line, id int) {
	end := 1
	for end < len(raw) && !bytes.ContainsRune([]byte(" \t\n\f\r/>"), rune(raw[end])) {
		end++
	}
	out.Write(raw[:end])
	out.WriteString(" " + lineAttr + `="` + strconv.Itoa(line) + `" ` + idAttr + `="` + strconv.Itoa(id) + `"`)
	out.Write(raw[end:])
}

// countLines counts line ends: LF, CRLF and a lone CR.
func countLines(b []byte) int {
	n := 0
	for i, c := range b {
		if c == '\n' || (c == '\r' && (i+1 == len(b) || b[i+1] != '\n')) {
			n++
		}
	}
	return n
}
