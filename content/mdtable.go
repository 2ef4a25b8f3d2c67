package content

import (
	"fmt"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// tableShape is what the choice of the comparison table looks at.
type tableShape struct {
	node    *east.Table
	line    int
	columns int
	rows    int
}

// qualifies reports whether a table can be the comparison: an aspect
// column, 2 to MaxSubjects subject columns, and at least two rows. A
// two-column "Section | What you will find" table is not one.
func (t tableShape) qualifies() bool {
	return t.columns-1 >= 2 && t.columns-1 <= MaxSubjects && t.rows >= 2
}

func (t tableShape) describe() string {
	return fmt.Sprintf("line %d: %s, %s", t.line, plural(t.columns, "column"), plural(t.rows, "row"))
}

// chooseTable finds the comparison table: the one "table: N" names, else
// the first that qualifies. Other tables stay in their sections.
func (p *mdParser) chooseTable(root ast.Node, res frontMatterResult) error {
	var tables []tableShape
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		t, ok := n.(*east.Table)
		if !ok || !entering {
			return ast.WalkContinue, nil
		}
		s := tableShape{node: t, line: p.lineOf(t)}
		for row := t.FirstChild(); row != nil; row = row.NextSibling() {
			if _, header := row.(*east.TableHeader); header {
				s.columns = row.ChildCount()
				continue
			}
			s.rows++
		}
		tables = append(tables, s)
		return ast.WalkSkipChildren, nil
	})
	if res.table > 0 {
		if res.table > len(tables) {
			return errorf(p.a.Source, res.tableLine, "table: %d names a table the article does not have (it has %s)", res.table, plural(len(tables), "table"))
		}
		t := tables[res.table-1]
		if t.columns < 3 {
			return errorf(p.a.Source, res.tableLine, "table: %d names a table with %s (%s); the comparison needs an aspect column and at least two subjects", res.table, plural(t.columns, "column"), t.describe())
		}
		p.comparison = t.node
		p.a.Table.Choice = fmt.Sprintf("table %d of %d (line %d), as \"table: %d\" in the front matter asks", res.table, len(tables), t.line, res.table)
		return nil
	}
	for i, t := range tables {
		if !t.qualifies() {
			continue
		}
		p.comparison = t.node
		if len(tables) > 1 || i > 0 {
			var skipped []string
			for _, s := range tables[:i] {
				skipped = append(skipped, "table "+s.describe())
			}
			why := fmt.Sprintf("table %d of %d (line %d): the first with an aspect column, 2 to %d subject columns and at least 2 rows", i+1, len(tables), t.line, MaxSubjects)
			if len(skipped) > 0 {
				why += "; not " + strings.Join(skipped, "; ")
			}
			p.a.Table.Choice = why
		}
		return nil
	}
	if len(tables) == 0 {
		return nil // validate reports the missing table
	}
	// A table of the right shape with a single row is still the comparison
	// when nothing better exists: a short article is not a wrong one.
	for i, t := range tables {
		if t.columns-1 >= 2 && t.columns-1 <= MaxSubjects && t.rows == 1 {
			p.comparison = t.node
			p.a.warn(t.line, "the comparison table has a single row")
			if len(tables) > 1 {
				p.a.Table.Choice = fmt.Sprintf("table %d of %d (line %d): the only one with an aspect column and 2 to %d subject columns", i+1, len(tables), t.line, MaxSubjects)
			}
			return nil
		}
	}
	for _, t := range tables {
		if t.columns-1 > MaxSubjects {
			return kindErrorf(ErrTooLarge, p.a.Source, t.line, "table compares %d subjects, more than the limit of %d", t.columns-1, MaxSubjects)
		}
	}
	var found []string
	for _, t := range tables {
		found = append(found, t.describe())
	}
	return kindErrorf(ErrNoTable, p.a.Source, 0, "no comparison table (found %s: %s); the comparison needs an aspect column, 2 to %d subject columns and at least 2 rows",
		plural(len(tables), "table"), strings.Join(found, "; "), MaxSubjects)
}

// table handles a table in the body: the comparison, or another table that
// stays where it is.
func (p *mdParser) table(t *east.Table) error {
	if t != p.comparison {
		p.addParagraph(p.otherTable(t))
		return nil
	}
	tab := &p.a.Table
	tab.Line = p.lineOf(t)
	if c, ok := p.tableCaptions[p.lastRowLine(t)]; ok && tab.Caption == "" {
		tab.Caption = c
	}
	for c := t.FirstChild(); c != nil; c = c.NextSibling() {
		cells := p.cells(c)
		rowLine := p.lineOf(c)
		if _, isHeader := c.(*east.TableHeader); isHeader {
			tab.Label, tab.Subjects = cells[0], cells[1:]
			continue
		}
		// goldmark pads short rows and drops extra cells silently: count
		// the cells in the source line instead.
		if n := countCells(p.sourceLineOf(c)); n != len(tab.Subjects)+1 {
			return errorf(p.a.Source, rowLine, "table row has %s, expected %d", plural(n-1, "cell"), len(tab.Subjects))
		}
		tab.Rows = append(tab.Rows, Row{Aspect: cells[0], Cells: cells[1:], Line: rowLine})
	}
	return nil
}

// otherTable converts a table that is not the comparison; goldmark's
// padding of short rows is kept.
func (p *mdParser) otherTable(t *east.Table) Paragraph {
	tab := &Table{Line: p.lineOf(t), Caption: p.tableCaptions[p.lastRowLine(t)]}
	for c := t.FirstChild(); c != nil; c = c.NextSibling() {
		cells := p.cells(c)
		if len(cells) == 0 {
			continue
		}
		if _, isHeader := c.(*east.TableHeader); isHeader {
			tab.Label, tab.Subjects = cells[0], cells[1:]
			continue
		}
		tab.Rows = append(tab.Rows, Row{Aspect: cells[0], Cells: cells[1:], Line: p.lineOf(c)})
	}
	return Paragraph{Table: tab, Line: tab.Line}
}

// cells returns a row's cells as text; a <br> is a line break.
func (p *mdParser) cells(row ast.Node) []string {
	var cells []string
	for cell := row.FirstChild(); cell != nil; cell = cell.NextSibling() {
		text := p.inline(cell).Text()
		lines := strings.Split(text, "\n")
		for i := range lines {
			lines[i] = strings.TrimSpace(lines[i])
		}
		cells = append(cells, strings.Trim(strings.Join(lines, "\n"), "\n"))
	}
	return cells
}

// lastRowLine returns the file line of a table's last row.
func (p *mdParser) lastRowLine(t *east.Table) int {
	if last := t.LastChild(); last != nil {
		return p.lineOf(last)
	}
	return p.lineOf(t)
}

// countCells counts the cells of a GFM table row: pipes not escaped and
// not inside a code span separate cells; outer pipes are optional.
func countCells(row string) int {
	row = strings.TrimSpace(row)
	row = strings.TrimPrefix(row, "|")
	if strings.HasSuffix(row, "|") && !strings.HasSuffix(row, `\|`) {
		row = row[:len(row)-1]
	}
	n, inCode := 1, false
	for i := 0; i < len(row); i++ {
		switch row[i] {
		case '\\':
			i++
		case '`':
			inCode = !inCode
		case '|':
			if !inCode {
				n++
			}
		}
	}
	return n
}
