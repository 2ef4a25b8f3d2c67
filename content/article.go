// Package content owns the Article model, the source of truth that every
// output is made from, and the loaders that build it: Markdown with YAML
// front matter, and scraped plain text. Nothing in this package knows about
// geometry, fonts or file formats of the outputs.
package content

import (
	"strings"
	"time"
)

// Article is one comparison article: the single source of truth that the
// poster, the handout and the spreadsheet are made from. Every loader
// produces the same Article for the same article, whatever its file format.
type Article struct {
	Slug     string
	Title    string
	Subtitle string
	// Updated is the article's "last updated" date at midnight UTC; the zero
	// time means the article gives none.
	Updated   time.Time
	Author    string
	SourceURL string
	Lead      []Paragraph
	Table     Table
	Sections  []Section
	// TermsHeading is the heading of the related-terms section.
	TermsHeading string
	Terms        []Term
	// Figure is the caption of the article's infographic.
	Figure     string
	Disclaimer []Paragraph
	Theme      ThemeOverrides

	// Warnings are problems found while loading that did not stop it, each
	// naming the file and line.
	Warnings []Warning `json:"-"`
	// Source is the path the article was loaded from, as given to Load or
	// Parse; warnings and errors of later stages name it.
	Source string `json:"-"`
}

// Table is the comparison table: one row per aspect, one cell per subject.
type Table struct {
	// Caption is the line that introduces the table ("Table of Comparison").
	Caption string
	// Label is the header of the aspect column ("Aspect").
	Label    string
	Subjects []string
	Rows     []Row
	Line     int
}

// Row is one aspect of the comparison with one cell per subject.
type Row struct {
	Aspect string
	Cells  []string
	Line   int
}

// Section is a heading followed by its paragraphs.
type Section struct {
	Heading    string
	Paragraphs []Paragraph
	Line       int
}

// Term is one entry of the related-terms list.
type Term struct {
	Name       string
	Definition []Paragraph
	Line       int
}

// ThemeOverrides are the per-article changes to the output theme.
type ThemeOverrides struct {
	// Name selects a theme ("light" or "dark"); empty means the default.
	Name string
	// Accents are colours for the subjects, in order, as "#RRGGBB".
	Accents []string
}

// Style is a set of inline text styles.
type Style uint8

// The inline styles a Run can carry.
const (
	Bold Style = 1 << iota
	Italic
	Code
)

// Run is a stretch of text in one style; Link, when set, makes it a link.
type Run struct {
	Text  string
	Style Style
	Link  string
}

// Paragraph is a block of inline runs.
type Paragraph struct {
	Runs []Run
	Line int
}

// PlainParagraph makes a paragraph of one unstyled run.
func PlainParagraph(text string, line int) Paragraph {
	return Paragraph{Runs: []Run{{Text: text}}, Line: line}
}

// Text returns the paragraph's text with inline markup removed.
func (p Paragraph) Text() string {
	var b strings.Builder
	for _, r := range p.Runs {
		b.WriteString(r.Text)
	}
	return b.String()
}

// ParagraphsText joins the plain text of paragraphs with blank lines.
func ParagraphsText(ps []Paragraph) string {
	parts := make([]string, len(ps))
	for i, p := range ps {
		parts[i] = p.Text()
	}
	return strings.Join(parts, "\n\n")
}

// Date formats the updated date as YYYY-MM-DD, or "" when there is none.
func (a *Article) Date() string {
	if a.Updated.IsZero() {
		return ""
	}
	return a.Updated.Format("2006-01-02")
}

// warn records a warning at a line of the article's source.
func (a *Article) warn(line int, format string, args ...any) {
	a.Warnings = append(a.Warnings, newWarning(a.Source, line, format, args...))
}
