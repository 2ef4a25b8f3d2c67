// Package webpage reads a saved web page (an .html file as a browser's
// "Save page as" writes it) and returns the article in it as triptych
// Markdown: YAML front matter with the title, dates, authors and keywords,
// then the body with its headings, paragraphs, lists and tables.
//
// go-readability decides which part of the page is the article; the
// Markdown is written from the original page by this package's own rules,
// which keep what the library drops (a "Related terms" section) and drop
// what it keeps (bylines, share bars, zero-width spaces).
//
// Limits: elements nested at most MaxNesting deep; tables at most
// MaxTableColumns wide; at most MaxMarkdownBytes of Markdown; a table cell
// spanning rows is refused. Pages larger than MaxReadabilityElements or
// MaxReadabilityWork are read from their <article>, <main> or <body>
// without go-readability. Every step is linear in the page's size (times
// its depth, itself bounded).
package webpage

import (
	"bytes"
	"fmt"
	"net/url"

	"golang.org/x/net/html"
)

// MaxNesting is the deepest element nesting accepted (documented limit).
const MaxNesting = 512

// Result is an article extracted from a web page.
type Result struct {
	// Markdown is the front matter (YAML, between "---" lines) and body.
	Markdown []byte
	// SourceLine[i] is the line of the HTML file that Markdown line i+1
	// came from; 0 when none did.
	SourceLine []int
	// Warnings are problems that did not stop the conversion.
	Warnings []Issue
}

// Issue is a problem at a line of the HTML file (line 0: the file as a whole).
type Issue struct {
	Line int
	Msg  string
}

// Error is a problem that stops the page from loading.
type Error struct {
	Line int
	Msg  string
}

// Error returns "line N: message", or the message alone for line 0; the
// caller puts the file's path in front.
func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("line %d: %s", e.Line, e.Msg)
	}
	return e.Msg
}

// converter holds the state of one conversion.
type converter struct {
	pg         *page
	md         *metadata
	w          mdWriter
	base       *url.URL
	root       *html.Node
	title      *html.Node // the <h1> used as the title, left out of the body
	subtitle   *html.Node // the dek used as the subtitle, left out of the body
	protect    map[*html.Node]bool
	dropCache  map[*html.Node]bool
	authors    []string
	authorLine int // line the authors came from

	preTitle    bool // writing what stands before the title: only headings, tables and code
	tables      int
	caption     string
	captionLine int
	leads       []string // text of the paragraphs before the first heading
	headingSeen bool
	textStarted bool // a paragraph of text, heading or table has been written
	inList      int  // open list items: their lines are never furniture
	lastList    listEnd
	flattened   bool
	warnings    []Issue
	err         error
}

// Convert extracts the article from the HTML bytes (already valid UTF-8;
// the caller decoded it and checked the file-size limit).
func Convert(data []byte) (*Result, error) {
	tagged, err := annotate(data)
	if err != nil {
		return nil, err
	}
	doc, err := html.Parse(bytes.NewReader(tagged))
	if err != nil {
		return nil, &Error{Msg: "the page could not be read as HTML: " + err.Error()}
	}
	pg, err := index(doc)
	if err != nil {
		return nil, err
	}
	c := &converter{pg: pg, md: collectMetadata(pg)}
	for _, line := range c.md.badLD {
		c.warn(line, "the page's structured data (JSON-LD) is not valid JSON; it was ignored")
	}
	c.base = c.baseURL()
	c.title = chooseTitle(pg, c.md)
	c.chooseRoot()
	c.subtitle = c.findDek()
	c.authors, c.authorLine = c.findAuthors()
	if c.root.Type == html.ElementNode {
		c.block(c.root) // the root may itself be a table or a list
	} else {
		c.flow(c.root)
	}
	if c.err != nil {
		return nil, c.err
	}
	if err := c.w.err(); err != nil {
		return nil, err
	}
	fm, fmLines := c.frontMatter()
	var out bytes.Buffer
	out.Write(fm)
	lines := append([]int(nil), fmLines...)
	for i, l := range c.w.lines {
		out.WriteString(l)
		out.WriteByte('\n')
		lines = append(lines, c.w.src[i])
	}
	return &Result{Markdown: out.Bytes(), SourceLine: lines, Warnings: c.warnings}, nil
}

func (c *converter) warn(line int, format string, args ...any) {
	c.warnings = append(c.warnings, Issue{Line: line, Msg: fmt.Sprintf(format, args...)})
}

// baseURL is the address relative links are resolved against: the page's
// <base href>, else its canonical address, when http(s).
func (c *converter) baseURL() *url.URL {
	for _, s := range []string{c.md.base, c.md.sourceURL().value} {
		if u, err := url.Parse(s); err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" {
			return u
		}
	}
	return nil
}
