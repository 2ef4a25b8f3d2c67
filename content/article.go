// Package content owns the Article model, the source of truth that every
// output is made from, and the loaders that build it: Markdown with YAML
// front matter, and scraped plain text. Nothing in this package knows about
// geometry, fonts or file formats of the outputs.
package content

import (
	"strconv"
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
	// Keywords are the article's tags, keywords and categories, in the
	// order the source gives them, without duplicates.
	Keywords []string
	// Notes are the footnotes, numbered from 1 in the order they are first
	// referenced; the reference in the text is a run with the Note style.
	Notes []Note
	// Draft is set when the front matter says the article is not finished;
	// a build skips it unless asked for drafts.
	Draft bool
	// Highlights name the aspects a social card shows first (front matter
	// "highlights:").
	Highlights []string
	// Takeaways are the "Pick X if…" lines, one per subject, from the
	// front matter or found in the conclusion (see Takeaway); empty when
	// not every subject has one.
	Takeaways []Takeaway
	// Lang is the article's language as a BCP 47 tag ("en", "de-CH"),
	// from the front matter's lang (or language) or the page's <html
	// lang>; empty when the source does not say, which outputs read as
	// English.
	Lang string
	// Brand is the publisher shown in the poster's footer instead of
	// "Made with triptych" (front matter "brand:"); empty when not given.
	Brand Brand
	// IgnoredKeys are the front-matter keys triptych does not use, in file
	// order, kept so that inspect can list them.
	IgnoredKeys []string

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
	// Choice says which table of the source was taken as the comparison
	// and why, for inspect; empty when the source had only this one.
	Choice string
}

// Row is one aspect of the comparison with one cell per subject.
type Row struct {
	Aspect string
	Cells  []string
	Line   int
	// Alternatives are, for a row whose split was a guess (a scraped row
	// that lost its column separators), the best splits in order, each as
	// the aspect followed by the cells; the first is the one taken. Empty
	// when the split is certain.
	Alternatives [][]string
}

// Brand is a publisher's name, address and logo.
type Brand struct {
	Name string
	URL  string
	// LogoPath is the logo file as written; Logo its PNG bytes once read
	// (a JPEG logo is converted), with its size in pixels.
	LogoPath     string
	Logo         []byte
	LogoW, LogoH int
	Line         int
}

// Note is one footnote: its number and text.
type Note struct {
	Number     int
	Label      string // the label written in the source ("1", "src")
	Paragraphs []Paragraph
	Line       int
}

// Section is a heading followed by its paragraphs.
type Section struct {
	Heading    string
	Paragraphs []Paragraph
	Line       int
	// Level is 0 for a section of the article, 1 for a sub-section of the
	// section before it (a question under "Frequently Asked Questions").
	Level int
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
	// NoteRef marks a footnote reference; its text is the note's number.
	NoteRef
)

// Run is a stretch of text in one style; Link, when set, makes it a link.
type Run struct {
	Text  string
	Style Style
	Link  string
}

// Paragraph is one block of body text: a paragraph of inline runs, or,
// when List or Table is set, a list or a table that is not the comparison.
// A "\n" inside a run is a line break.
type Paragraph struct {
	Runs  []Run
	Line  int
	List  *List
	Table *Table
}

// List is a bulleted or numbered list.
type List struct {
	Ordered bool
	// Start is the number of the first item of an ordered list.
	Start int
	Items []ListItem
}

// ListItem is one item of a list: its paragraphs and nested lists.
type ListItem struct {
	Blocks []Paragraph
}

// Marker returns the bullet or number shown before item i of the list.
func (l *List) Marker(i int) string {
	if !l.Ordered {
		return "•"
	}
	return strconv.Itoa(l.Start+i) + "."
}

// PlainParagraph makes a paragraph of one unstyled run.
func PlainParagraph(text string, line int) Paragraph {
	return Paragraph{Runs: []Run{{Text: text}}, Line: line}
}

// Text returns the paragraph's text with inline markup removed. A list
// gives one line per item, each starting with its marker; a table one line
// per row, cells separated by " | ".
func (p Paragraph) Text() string {
	var b strings.Builder
	switch {
	case p.List != nil:
		writeListText(&b, p.List, "")
		return strings.TrimRight(b.String(), "\n")
	case p.Table != nil:
		rows := [][]string{append([]string{p.Table.Label}, p.Table.Subjects...)}
		for _, r := range p.Table.Rows {
			rows = append(rows, append([]string{r.Aspect}, r.Cells...))
		}
		for i, r := range rows {
			if i > 0 {
				b.WriteByte('\n')
			}
			b.WriteString(strings.Join(r, " | "))
		}
		return b.String()
	}
	for _, r := range p.Runs {
		b.WriteString(r.Text)
	}
	return b.String()
}

func writeListText(b *strings.Builder, l *List, indent string) {
	for i, item := range l.Items {
		for j, blk := range item.Blocks {
			if blk.List != nil {
				writeListText(b, blk.List, indent+"  ")
				continue
			}
			if j == 0 {
				b.WriteString(indent + l.Marker(i) + " ")
			} else {
				b.WriteString(indent + "  ")
			}
			b.WriteString(blk.Text() + "\n")
		}
	}
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
