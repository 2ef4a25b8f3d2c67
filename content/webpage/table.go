package webpage

import (
	"fmt"
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// MaxTableColumns is the widest table accepted, counting the columns a
// colspan cell spans.
const MaxTableColumns = 100

// maxColspan is the largest colspan browsers honour.
const maxColspan = 1000

// table writes a <table> as a GFM pipe table: the <thead> row (else the
// first row) is the header, a cell spanning N columns is repeated in each,
// and a line break inside a cell is written "<br>".
func (c *converter) table(el *html.Node) {
	var header *html.Node
	var body, foot []*html.Node
	var caption *html.Node
	for ch := el.FirstChild; ch != nil; ch = ch.NextSibling {
		if ch.Type != html.ElementNode || c.dropped(ch) {
			continue
		}
		switch ch.DataAtom {
		case atom.Caption:
			if caption == nil {
				caption = ch
			}
		case atom.Thead:
			for _, tr := range c.rowsOf(ch) {
				if header == nil {
					header = tr
				} else {
					body = append(body, tr)
				}
			}
		case atom.Tbody:
			body = append(body, c.rowsOf(ch)...)
		case atom.Tfoot:
			foot = append(foot, c.rowsOf(ch)...)
		case atom.Tr:
			body = append(body, ch)
		}
	}
	body = append(body, foot...)
	if header == nil {
		if len(body) == 0 {
			return
		}
		header, body = body[0], body[1:]
	}
	rows := append([]*html.Node{header}, body...)
	cells := make([][]string, len(rows))
	width := 0
	for i, tr := range rows {
		r, err := c.rowCells(tr, i == len(rows)-1)
		if err != nil {
			c.err = err
			return
		}
		cells[i] = r
		width = max(width, len(r))
	}
	if width == 0 {
		return
	}
	if width > MaxTableColumns {
		c.err = &Error{Line: c.pg.line(el), Msg: fmt.Sprintf(
			"the table has %d columns; triptych reads tables of at most %d columns", width, MaxTableColumns)}
		return
	}
	c.tableCaption(caption)
	c.w.block()
	for i, r := range cells {
		if len(r) < width {
			c.warn(c.pg.line(rows[i]), "table row has %s where the table has %d; empty cells were added at its end", cellCount(len(r)), width)
		}
		for len(r) < width {
			r = append(r, "")
		}
		c.w.line("| "+strings.Join(r, " | ")+" |", c.pg.line(rows[i]))
		if i == 0 {
			c.w.line("|"+strings.Repeat("---|", width), c.pg.line(rows[i]))
		}
	}
	c.w.endBlock()
	c.tables++
	c.textStarted = true
}

// rowsOf returns the rows of a table section, leaving out hidden ones.
func (c *converter) rowsOf(section *html.Node) []*html.Node {
	var rows []*html.Node
	for tr := section.FirstChild; tr != nil; tr = tr.NextSibling {
		if isElement(tr, atom.Tr) && !c.dropped(tr) {
			rows = append(rows, tr)
		}
	}
	return rows
}

// rowCells returns the Markdown of each column of a row. A cell spanning
// rows is an error: a Markdown table has no way to say it, and repeating
// it would put words in rows the writer did not put them in.
func (c *converter) rowCells(tr *html.Node, last bool) ([]string, error) {
	var out []string
	for td := tr.FirstChild; td != nil; td = td.NextSibling {
		if !isElement(td, atom.Td, atom.Th) {
			continue
		}
		var t inlineText
		c.inlineChildren(&t, td, 0, "")
		runs := t.trimmed()
		if rs := strings.TrimSpace(attr(td, "rowspan")); rs != "" {
			if n, err := strconv.Atoi(rs); err == nil && (n > 1 || n == 0 && !last) {
				text := plain(runs)
				if len([]rune(text)) > 40 {
					text = string([]rune(text)[:40]) + "…"
				}
				spans := "all the rows below it"
				if n > 1 {
					spans = strconv.Itoa(n) + " rows"
				}
				return nil, &Error{Line: c.pg.line(tr), Msg: fmt.Sprintf(
					"table row uses rowspan, which triptych cannot place: the cell %q spans %s; repeat its text in each row instead of merging the cells",
					strings.ReplaceAll(text, "\n", " "), spans)}
			}
		}
		span := 1
		if n, err := strconv.Atoi(strings.TrimSpace(attr(td, "colspan"))); err == nil && n > 1 {
			span = min(n, maxColspan)
		}
		cell := markdownOf(runs, cellMode)
		for range span {
			out = append(out, cell)
			if len(out) > MaxTableColumns {
				return out, nil
			}
		}
	}
	return out, nil
}

// tableCaption writes a table's <caption>: the first table's becomes the
// article's table caption, the others a paragraph before their table.
func (c *converter) tableCaption(caption *html.Node) {
	if caption == nil {
		return
	}
	var t inlineText
	c.inlineChildren(&t, caption, 0, "")
	runs := t.trimmed()
	if len(runs) == 0 {
		return
	}
	if c.tables == 0 && c.caption == "" {
		c.caption = strings.ReplaceAll(plain(runs), "\n", " ")
		c.captionLine = c.pg.line(caption)
		return
	}
	c.paragraph(&t, c.pg.line(caption))
}

// cellCount says "1 cell", "2 cells".
func cellCount(n int) string {
	if n == 1 {
		return "1 cell"
	}
	return strconv.Itoa(n) + " cells"
}
