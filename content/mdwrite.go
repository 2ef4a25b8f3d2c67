package content

import (
	"bytes"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// MarshalMarkdown writes the article in triptych's Markdown source format:
// YAML front matter for the metadata, then the lead, the comparison table,
// the sections, the related terms and the disclaimer. Loading the result
// gives an Article equal to a (source positions and warnings aside).
func MarshalMarkdown(a *Article) []byte {
	var b bytes.Buffer
	fm := frontMatter{
		Title: a.Title, Subtitle: a.Subtitle, Slug: a.Slug, Date: a.Date(), Author: a.Author,
		SourceURL: a.SourceURL, TableCaption: a.Table.Caption, Figure: a.Figure,
		Theme: themeEntry{Name: a.Theme.Name, Accents: a.Theme.Accents}, Keywords: a.Keywords, Draft: a.Draft,
		Highlights: a.Highlights, Lang: a.Lang,
	}
	if a.TermsHeading != "" && !strings.EqualFold(a.TermsHeading, DefaultTermsHeading) {
		fm.TermsHeading = a.TermsHeading
	}
	// A table in the lead that could pass for the comparison must not be
	// taken for it when the file is read again.
	leadTables, lookAlike := 0, false
	for _, p := range a.Lead {
		if p.Table != nil {
			leadTables++
			lookAlike = lookAlike || len(p.Table.Subjects) >= 2 && len(p.Table.Rows) >= 1
		}
	}
	if lookAlike {
		fm.Table = leadTables + 1
	}
	b.WriteString("---\n")
	b.Write(marshalFrontMatter(fm))
	b.WriteString("---\n")
	writeBlocks(&b, a.Lead)
	b.WriteString("\n")
	writeTable(&b, &a.Table)
	for _, s := range a.Sections {
		marks := "## "
		if s.Level > 0 {
			marks = "### "
		}
		b.WriteString("\n" + marks + escapeInline(s.Heading, false) + "\n")
		writeBlocks(&b, s.Paragraphs)
	}
	if len(a.Terms) > 0 {
		heading := a.TermsHeading
		if heading == "" {
			heading = DefaultTermsHeading
		}
		b.WriteString("\n## " + escapeInline(heading, false) + "\n")
		for _, t := range a.Terms {
			b.WriteString("\n### " + escapeInline(t.Name, false) + "\n")
			writeBlocks(&b, t.Definition)
		}
	}
	if len(a.Disclaimer) > 0 {
		b.WriteString("\n## " + disclaimerHeading + "\n")
		writeBlocks(&b, a.Disclaimer)
	}
	for _, n := range a.Notes {
		var nb bytes.Buffer
		writeBlocks(&nb, n.Paragraphs)
		text := strings.TrimSpace(nb.String())
		b.WriteString("\n[^" + strconv.Itoa(n.Number) + "]: " + strings.ReplaceAll(text, "\n", "\n    ") + "\n")
	}
	return b.Bytes()
}

// writeBlocks writes paragraphs, lists and tables, each after a blank line.
func writeBlocks(b *bytes.Buffer, ps []Paragraph) {
	for _, p := range ps {
		b.WriteString("\n" + blockMarkdown(p, "") + "\n")
	}
}

// blockMarkdown writes one block; indent prefixes every line after the
// first (the block is inside a list item).
func blockMarkdown(p Paragraph, indent string) string {
	switch {
	case p.List != nil:
		var b strings.Builder
		for i, item := range p.List.Items {
			marker := "-"
			if p.List.Ordered {
				marker = strconv.Itoa(p.List.Start+i) + "."
			}
			inner := indent + strings.Repeat(" ", len(marker)+1)
			if i > 0 {
				b.WriteString("\n" + indent)
			}
			b.WriteString(marker + " ")
			for j, blk := range item.Blocks {
				if j > 0 {
					b.WriteString("\n\n" + inner)
				}
				b.WriteString(blockMarkdown(blk, inner))
			}
			if len(item.Blocks) == 0 {
				b.WriteString("\u00a0")
			}
		}
		return b.String()
	case p.Table != nil:
		var tb bytes.Buffer
		writeTable(&tb, p.Table)
		return strings.ReplaceAll(strings.TrimRight(tb.String(), "\n"), "\n", "\n"+indent)
	case len(p.Runs) == 1 && p.Runs[0].Style == Code && strings.Contains(p.Runs[0].Text, "\n"):
		fence := "```"
		for strings.Contains(p.Runs[0].Text, fence) {
			fence += "`"
		}
		code := fence + "\n" + p.Runs[0].Text + "\n" + fence
		return strings.ReplaceAll(code, "\n", "\n"+indent)
	}
	return paragraphMarkdown(p)
}

// marshalFrontMatter writes only the fields that are set, in schema order.
func marshalFrontMatter(fm frontMatter) []byte {
	var doc yaml.Node
	doc.Kind = yaml.MappingNode
	add := func(key, value string) {
		if value == "" {
			return
		}
		doc.Content = append(doc.Content,
			&yaml.Node{Kind: yaml.ScalarNode, Value: key},
			&yaml.Node{Kind: yaml.ScalarNode, Value: value, Style: scalarStyle(value)})
	}
	add("title", fm.Title)
	add("subtitle", fm.Subtitle)
	add("slug", fm.Slug)
	add("date", fm.Date)
	add("author", fm.Author)
	add("source_url", fm.SourceURL)
	add("table_caption", fm.TableCaption)
	add("terms_heading", fm.TermsHeading)
	add("figure", fm.Figure)
	add("lang", fm.Lang)
	if len(fm.Keywords) > 0 {
		seq := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
		for _, k := range fm.Keywords {
			seq.Content = append(seq.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: k, Style: yaml.DoubleQuotedStyle})
		}
		doc.Content = append(doc.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: "keywords"}, seq)
	}
	if len(fm.Highlights) > 0 {
		seq := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
		for _, h := range fm.Highlights {
			seq.Content = append(seq.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: h, Style: yaml.DoubleQuotedStyle})
		}
		doc.Content = append(doc.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: "highlights"}, seq)
	}
	if fm.Table > 0 {
		add("table", strconv.Itoa(fm.Table))
	}
	if fm.Draft {
		add("draft", "true")
	}
	if fm.Theme.Name != "" || len(fm.Theme.Accents) > 0 {
		theme := &yaml.Node{Kind: yaml.MappingNode}
		if fm.Theme.Name != "" {
			theme.Content = append(theme.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: "name"},
				&yaml.Node{Kind: yaml.ScalarNode, Value: fm.Theme.Name})
		}
		if len(fm.Theme.Accents) > 0 {
			seq := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
			for _, c := range fm.Theme.Accents {
				seq.Content = append(seq.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: c, Style: yaml.DoubleQuotedStyle})
			}
			theme.Content = append(theme.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: "accents"}, seq)
		}
		doc.Content = append(doc.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: "theme"}, theme)
	}
	if len(doc.Content) == 0 {
		return nil
	}
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	_ = enc.Encode(&doc) // encoding plain string scalars cannot fail
	_ = enc.Close()
	return buf.Bytes()
}

// scalarStyle quotes a value that YAML would read as something other than
// the same string.
func scalarStyle(v string) yaml.Style {
	var back string
	if err := yaml.Unmarshal([]byte("v: "+v), &struct {
		V *string `yaml:"v"`
	}{&back}); err != nil || back != v || strings.ContainsAny(v, "#:'\"\n") {
		return yaml.DoubleQuotedStyle
	}
	return 0
}

func writeTable(b *bytes.Buffer, t *Table) {
	label := t.Label
	row := func(cells []string) {
		b.WriteString("|")
		for _, c := range cells {
			b.WriteString(" " + escapeInline(c, true) + " |")
		}
		b.WriteString("\n")
	}
	row(append([]string{label}, t.Subjects...))
	b.WriteString("|" + strings.Repeat("---|", len(t.Subjects)+1) + "\n")
	for _, r := range t.Rows {
		row(append([]string{r.Aspect}, r.Cells...))
	}
}

// paragraphMarkdown writes the runs of a paragraph with their markup.
func paragraphMarkdown(p Paragraph) string {
	var b strings.Builder
	for _, r := range p.Runs {
		text := r.Text
		lead := len(text) - len(strings.TrimLeft(text, " "))
		trail := len(text) - len(strings.TrimRight(text, " "))
		core := strings.TrimSpace(text)
		if core == "" {
			b.WriteString(text)
			continue
		}
		var s string
		if r.Style&NoteRef != 0 {
			b.WriteString("[^" + core + "]")
			continue
		}
		if r.Style&Code != 0 {
			s = codeSpan(core)
		} else {
			s = escapeInline(core, false)
		}
		if r.Style&Italic != 0 {
			s = "*" + s + "*"
		}
		if r.Style&Bold != 0 {
			s = "**" + s + "**"
		}
		if r.Link != "" {
			s = "[" + s + "](<" + strings.NewReplacer("<", "%3C", ">", "%3E").Replace(r.Link) + ">)"
		}
		b.WriteString(text[:lead] + s + text[len(text)-trail:])
	}
	out := b.String()
	// A paragraph must not start like a heading, list, quote or rule.
	if blockStart.MatchString(out) {
		out = `\` + out
	}
	return out
}

var blockStart = lazyCompile(`^(#|>|[-+*=_] |[-*_=]+$|\d{1,9}[.)]( |$)|~~~|    )`)

// codeSpan wraps text in enough backticks.
func codeSpan(s string) string {
	ticks := "`"
	for strings.Contains(s, ticks) {
		ticks += "`"
	}
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") {
		return ticks + " " + s + " " + ticks
	}
	return ticks + s + ticks
}

// escapeInline escapes the characters that Markdown would read as markup.
func escapeInline(s string, inTable bool) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '\\', '`', '*', '_', '[', ']', '<', '>', '~':
			b.WriteByte('\\')
		case '|':
			if inTable {
				b.WriteByte('\\')
			}
		case '&':
			if entityStart.MatchString(s[i:]) {
				b.WriteByte('\\')
			}
		case '!':
			if i+1 < len(s) && s[i+1] == '[' {
				b.WriteByte('\\')
			}
		case '\n':
			b.WriteString("<br>")
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

var entityStart = lazyCompile(`^&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});`)
