package webpage

import (
	"bytes"
	"strings"

	"go.yaml.in/yaml/v3"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// frontMatter returns the YAML front matter, "---" lines included, and
// the HTML line each of its lines came from.
func (c *converter) frontMatter() ([]byte, []int) {
	var out bytes.Buffer
	lines := []int{0}
	out.WriteString("---\n")
	add := func(key string, value *yaml.Node, line int) {
		entry := encodeEntry(key, value)
		out.Write(entry)
		for range bytes.Count(entry, []byte("\n")) {
			lines = append(lines, line)
		}
	}
	text := func(key string, f field) {
		if f.value != "" {
			add(key, scalar(f.value), f.line)
		}
	}
	list := func(key string, values []string, line int) {
		if len(values) == 0 {
			return
		}
		seq := &yaml.Node{Kind: yaml.SequenceNode}
		for _, v := range values {
			seq.Content = append(seq.Content, scalar(v))
		}
		add(key, seq, line)
	}
	text("title", c.titleText())
	text("subtitle", c.subtitleText())
	published, modified := c.md.publishedDate(c.articleHeader(), c.pg), c.md.modifiedDate(c.pg)
	if shownPublished, shownModified := c.visibleDates(); published.value == "" && modified.value == "" {
		published, modified = shownPublished, shownModified
	}
	text("date", published)
	text("lastmod", modified)
	list("author", c.authors, c.authorLine)
	text("source_url", c.md.sourceURL())
	keywords, keywordLine := c.md.keywords()
	list("keywords", keywords, keywordLine)
	text("table_caption", field{c.caption, c.captionLine})
	text("lang", c.pageLang())
	out.WriteString("---\n")
	lines = append(lines, 0)
	// A blank line between the front matter and the body, for readers.
	out.WriteString("\n")
	lines = append(lines, 0)
	return out.Bytes(), lines
}

// scalar is a YAML string value; the encoder quotes it whenever YAML would
// read it as something else ("2024-06-03", "yes", "01234").
func scalar(s string) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
}

func encodeEntry(key string, value *yaml.Node) []byte {
	doc := &yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{scalar(key), value}}
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(doc); err != nil {
		// Strings always encode; keep the key out rather than fail.
		return nil
	}
	_ = enc.Close()
	return b.Bytes()
}

// titleText is the title <h1>'s text, else the page's title.
func (c *converter) titleText() field {
	if c.title != nil {
		if t := plainText(c.title, hiddenOrNever); t != "" {
			return field{t, c.pg.line(c.title)}
		}
	}
	f := c.md.pageTitle()
	f.value = strings.TrimSpace(f.value)
	return f
}

// articleHeader is where a byline's <time> is looked for: the <header>
// around the title, else the title's parent.
func (c *converter) articleHeader() *html.Node {
	if c.title == nil {
		return nil
	}
	if h := ancestor(c.title, atom.Header, atom.Hgroup); h != nil {
		return h
	}
	return c.title.Parent
}
