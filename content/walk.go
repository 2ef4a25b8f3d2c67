package content

// Clone returns a deep copy of the article, so that a later stage can
// change its text (for example to replace characters the fonts lack)
// without touching the original.
func (a *Article) Clone() *Article {
	c := *a
	c.Lead = cloneParagraphs(a.Lead)
	c.Disclaimer = cloneParagraphs(a.Disclaimer)
	c.Table = cloneTable(a.Table)
	c.Sections = make([]Section, len(a.Sections))
	for i, s := range a.Sections {
		s.Paragraphs = cloneParagraphs(s.Paragraphs)
		c.Sections[i] = s
	}
	c.Terms = make([]Term, len(a.Terms))
	for i, t := range a.Terms {
		t.Definition = cloneParagraphs(t.Definition)
		c.Terms[i] = t
	}
	c.Notes = make([]Note, len(a.Notes))
	for i, n := range a.Notes {
		n.Paragraphs = cloneParagraphs(n.Paragraphs)
		c.Notes[i] = n
	}
	c.Keywords = append([]string(nil), a.Keywords...)
	c.Highlights = append([]string(nil), a.Highlights...)
	c.Takeaways = append([]Takeaway(nil), a.Takeaways...)
	c.IgnoredKeys = append([]string(nil), a.IgnoredKeys...)
	c.Warnings = append([]Warning(nil), a.Warnings...)
	c.Theme.Accents = append([]string(nil), a.Theme.Accents...)
	return &c
}

func cloneTable(t Table) Table {
	t.Subjects = append([]string(nil), t.Subjects...)
	rows := make([]Row, len(t.Rows))
	for i, r := range t.Rows {
		r.Cells = append([]string(nil), r.Cells...)
		rows[i] = r
	}
	t.Rows = rows
	return t
}

func cloneParagraphs(ps []Paragraph) []Paragraph {
	if ps == nil {
		return nil
	}
	out := make([]Paragraph, len(ps))
	for i, p := range ps {
		p.Runs = append([]Run(nil), p.Runs...)
		if p.List != nil {
			l := *p.List
			l.Items = make([]ListItem, len(p.List.Items))
			for j, item := range p.List.Items {
				l.Items[j] = ListItem{Blocks: cloneParagraphs(item.Blocks)}
			}
			p.List = &l
		}
		if p.Table != nil {
			t := cloneTable(*p.Table)
			p.Table = &t
		}
		out[i] = p
	}
	return out
}

// EditText calls edit on every text of the article that an output shows
// (metadata, table, paragraphs and their runs, lists, other tables, terms,
// notes, keywords) with the source line it came from, and stores what edit
// returns. It is the one walk over every text field of an Article.
func (a *Article) EditText(edit func(text string, line int) string) {
	a.editText(edit, true)
}

// EditProse is EditText without code: code spans and code blocks keep
// their characters (straight quotes stay straight in code).
func (a *Article) EditProse(edit func(text string, line int) string) {
	a.editText(edit, false)
}

func (a *Article) editText(edit func(text string, line int) string, code bool) {
	s := func(p *string, line int) { *p = edit(*p, line) }
	s(&a.Title, 1)
	s(&a.Subtitle, 1)
	s(&a.Author, 0)
	s(&a.Figure, 0)
	s(&a.TermsHeading, 0)
	editTable(&a.Table, edit)
	editParagraphs(a.Lead, edit, code)
	for i := range a.Sections {
		s(&a.Sections[i].Heading, a.Sections[i].Line)
		editParagraphs(a.Sections[i].Paragraphs, edit, code)
	}
	for i := range a.Terms {
		s(&a.Terms[i].Name, a.Terms[i].Line)
		editParagraphs(a.Terms[i].Definition, edit, code)
	}
	for i := range a.Notes {
		editParagraphs(a.Notes[i].Paragraphs, edit, code)
	}
	editParagraphs(a.Disclaimer, edit, code)
	for i := range a.Keywords {
		s(&a.Keywords[i], 0)
	}
	for i := range a.Takeaways {
		s(&a.Takeaways[i].Text, a.Takeaways[i].Line)
	}
}

func editTable(t *Table, edit func(string, int) string) {
	t.Caption = edit(t.Caption, t.Line)
	t.Label = edit(t.Label, t.Line)
	for i := range t.Subjects {
		t.Subjects[i] = edit(t.Subjects[i], t.Line)
	}
	for i := range t.Rows {
		r := &t.Rows[i]
		r.Aspect = edit(r.Aspect, r.Line)
		for j := range r.Cells {
			r.Cells[j] = edit(r.Cells[j], r.Line)
		}
	}
}

func editParagraphs(ps []Paragraph, edit func(string, int) string, code bool) {
	for i := range ps {
		p := &ps[i]
		for j := range p.Runs {
			if code || p.Runs[j].Style&Code == 0 {
				p.Runs[j].Text = edit(p.Runs[j].Text, p.Line)
			}
		}
		if p.List != nil {
			for _, item := range p.List.Items {
				editParagraphs(item.Blocks, edit, code)
			}
		}
		if p.Table != nil {
			editTable(p.Table, edit)
		}
	}
}
