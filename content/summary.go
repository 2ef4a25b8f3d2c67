package content

import "strings"

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

	// Added for Markdown from site generators and web pages.
	Keywords    []string      `json:"keywords"`
	IgnoredKeys []string      `json:"ignored_keys"`
	Draft       bool          `json:"draft"`
	Notes       []SummaryNote `json:"notes"`
	LeadLists   []SummaryList `json:"lead_lists"`
	// Takeaways are the "which to pick" lines, one per subject, or none.
	Takeaways []SummaryTakeaway `json:"takeaways"`
	// Lang is the article's language tag, when the source gives one.
	Lang string `json:"lang,omitempty"`
}

// SummaryTakeaway is one subject's takeaway of a Summary.
type SummaryTakeaway struct {
	Subject string `json:"subject"`
	Text    string `json:"text"`
}

// SummaryNote is one footnote of a Summary.
type SummaryNote struct {
	Number int    `json:"number"`
	Text   string `json:"text"`
}

// SummaryList is a list of a Summary: its items' text and nested lists.
type SummaryList struct {
	Ordered bool          `json:"ordered"`
	Items   []SummaryItem `json:"items"`
}

// SummaryItem is one list item of a Summary.
type SummaryItem struct {
	Text  string        `json:"text"`
	Lists []SummaryList `json:"lists"`
}

// SummaryTable is the comparison table of a Summary.
type SummaryTable struct {
	Subjects []string     `json:"subjects"`
	Rows     []SummaryRow `json:"rows"`
	// Label is the header of the aspect column.
	Label string `json:"label"`
	// Choice says which of the source's tables is the comparison, and why.
	Choice string `json:"choice"`
}

// SummaryRow is one row of a SummaryTable.
type SummaryRow struct {
	Aspect string   `json:"aspect"`
	Cells  []string `json:"cells"`
	// Alternatives are the best splits of a row whose split is a guess,
	// each the aspect and then the cells; the first is the one taken.
	Alternatives [][]string `json:"alternatives"`
}

// SummarySection is one section of a Summary.
type SummarySection struct {
	Heading    string   `json:"heading"`
	Paragraphs []string `json:"paragraphs"`
	// Level is 1 for a sub-section of the section before it, else 0.
	Level int `json:"level"`
	// Lists are the section's lists; Tables its tables other than the
	// comparison, one string per row with cells separated by " | ".
	Lists  []SummaryList `json:"lists"`
	Tables [][]string    `json:"tables"`
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
		Table: SummaryTable{Subjects: append([]string{}, a.Table.Subjects...), Rows: []SummaryRow{},
			Label: a.Table.Label, Choice: a.Table.Choice},
		Sections: []SummarySection{}, Terms: []SummaryTerm{}, Warnings: []string{},
		Keywords: append([]string{}, a.Keywords...), IgnoredKeys: append([]string{}, a.IgnoredKeys...), Lang: a.Lang,
		Draft: a.Draft, Notes: []SummaryNote{}, LeadLists: lists(a.Lead),
	}
	for _, n := range a.Notes {
		s.Notes = append(s.Notes, SummaryNote{Number: n.Number, Text: ParagraphsText(n.Paragraphs)})
	}
	s.Takeaways = []SummaryTakeaway{}
	for _, t := range a.Takeaways {
		s.Takeaways = append(s.Takeaways, SummaryTakeaway{Subject: t.Subject, Text: t.Text})
	}
	for _, r := range a.Table.Rows {
		alts := [][]string{}
		for _, alt := range r.Alternatives {
			alts = append(alts, append([]string{}, alt...))
		}
		s.Table.Rows = append(s.Table.Rows, SummaryRow{Aspect: r.Aspect, Cells: append([]string{}, r.Cells...), Alternatives: alts})
	}
	for _, sec := range a.Sections {
		ss := SummarySection{Heading: sec.Heading, Paragraphs: texts(sec.Paragraphs), Level: sec.Level, Lists: lists(sec.Paragraphs), Tables: [][]string{}}
		for _, p := range sec.Paragraphs {
			if p.Table != nil {
				ss.Tables = append(ss.Tables, strings.Split(p.Text(), "\n"))
			}
		}
		s.Sections = append(s.Sections, ss)
	}
	for _, t := range a.Terms {
		s.Terms = append(s.Terms, SummaryTerm{Name: t.Name, Definition: ParagraphsText(t.Definition)})
	}
	for _, w := range a.Warnings {
		s.Warnings = append(s.Warnings, w.String())
	}
	return s
}

// texts returns the plain text of the paragraphs that are neither lists
// nor tables (those have fields of their own).
func texts(ps []Paragraph) []string {
	out := []string{}
	for _, p := range ps {
		if p.List == nil && p.Table == nil {
			out = append(out, p.Text())
		}
	}
	return out
}

// lists returns the lists among the paragraphs.
func lists(ps []Paragraph) []SummaryList {
	out := []SummaryList{}
	for _, p := range ps {
		if p.List != nil {
			out = append(out, summaryList(p.List))
		}
	}
	return out
}

func summaryList(l *List) SummaryList {
	out := SummaryList{Ordered: l.Ordered, Items: []SummaryItem{}}
	for _, item := range l.Items {
		si := SummaryItem{Lists: []SummaryList{}}
		var parts []string
		for _, b := range item.Blocks {
			if b.List != nil {
				si.Lists = append(si.Lists, summaryList(b.List))
				continue
			}
			parts = append(parts, b.Text())
		}
		si.Text = strings.Join(parts, "\n\n")
		out.Items = append(out.Items, si)
	}
	return out
}
