package content

// Summary is the stable, script-friendly view of an Article printed by
// "triptych inspect --json". Paragraphs are plain text; absent values are
// "" or empty lists, never null.
type Summary struct {
	Slug       string           `json:"slug"`
	Title      string           `json:"title"`
	Subtitle   string           `json:"subtitle"`
	Updated    string           `json:"updated"`
	Author     string           `json:"author"`
	Lead       []string         `json:"lead"`
	Table      SummaryTable     `json:"table"`
	Sections   []SummarySection `json:"sections"`
	Terms      []SummaryTerm    `json:"terms"`
	Figure     string           `json:"figure"`
	Disclaimer string           `json:"disclaimer"`
	Warnings   []string         `json:"warnings"`
}

// SummaryTable is the comparison table of a Summary.
type SummaryTable struct {
	Subjects []string     `json:"subjects"`
	Rows     []SummaryRow `json:"rows"`
}

// SummaryRow is one row of a SummaryTable.
type SummaryRow struct {
	Aspect string   `json:"aspect"`
	Cells  []string `json:"cells"`
}

// SummarySection is one section of a Summary.
type SummarySection struct {
	Heading    string   `json:"heading"`
	Paragraphs []string `json:"paragraphs"`
}

// SummaryTerm is one related term of a Summary.
type SummaryTerm struct {
	Name       string `json:"name"`
	Definition string `json:"definition"`
}

// Summarize returns the Summary of an article.
func Summarize(a *Article) Summary {
	s := Summary{
		Slug: a.Slug, Title: a.Title, Subtitle: a.Subtitle, Updated: a.Date(), Author: a.Author,
		Lead: texts(a.Lead), Figure: a.Figure, Disclaimer: ParagraphsText(a.Disclaimer),
		Table:    SummaryTable{Subjects: append([]string{}, a.Table.Subjects...), Rows: []SummaryRow{}},
		Sections: []SummarySection{}, Terms: []SummaryTerm{}, Warnings: []string{},
	}
	for _, r := range a.Table.Rows {
		s.Table.Rows = append(s.Table.Rows, SummaryRow{Aspect: r.Aspect, Cells: append([]string{}, r.Cells...)})
	}
	for _, sec := range a.Sections {
		s.Sections = append(s.Sections, SummarySection{Heading: sec.Heading, Paragraphs: texts(sec.Paragraphs)})
	}
	for _, t := range a.Terms {
		s.Terms = append(s.Terms, SummaryTerm{Name: t.Name, Definition: ParagraphsText(t.Definition)})
	}
	for _, w := range a.Warnings {
		s.Warnings = append(s.Warnings, w.String())
	}
	return s
}

func texts(ps []Paragraph) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.Text()
	}
	return out
}
