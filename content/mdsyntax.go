package content

import (
	"strings"

	"github.com/triptych/triptych/internal/lazyre"
)

// Site generators and notes apps add their own syntax to Markdown. Before
// goldmark sees the body, prepareBody rewrites what a reader never sees as
// such, line by line and without changing the number of lines (so that
// every position still names its file line):
//
//   - Hugo shortcodes ({{< figure … >}}, {{% notice %}} … {{% /notice %}})
//     and Jekyll's Liquid tags ({% include … %}) are removed, their inner
//     text kept, with a warning;
//   - kramdown attribute lines ({: .class }, {:toc}) and the "* TOC" list
//     item that {:toc} replaces are removed, with a warning;
//   - Quarto/Pandoc fenced divs (::: {.callout-note} … :::) lose their
//     fence lines; a table caption line (": Caption {#tbl-id}") under a
//     table becomes that table's caption;
//   - Obsidian wikilinks become their text ([[Note|alias]] → alias),
//     embeds (![[file.png]]) are removed with a warning, ==highlights==
//     lose their marks, and a callout's "[!note] Title" becomes a bold
//     title.
//
// Fenced code blocks are left as written.

var (
	shortcodePattern  = lazyCompile(`\{\{[<%]-?\s*/?\s*[^{}]*?-?[>%]\}\}|\{%-?\s*[^{}%]*?-?%\}`)
	kramdownAttrLine  = lazyCompile(`^\s*\{:[^}]*\}\s*$`)
	kramdownTOCItem   = lazyCompile(`^\s*(?:[-*+]|1\.)\s+TOC\s*$`)
	fencedDivLine     = lazyCompile(`^\s*:{3,}\s*(?:\{[^}]*\}|[\w-]+)?\s*$`)
	tableCaptionLine  = lazyCompile(`^:\s+(\S.*?)\s*(?:\{#[^}]*\})?\s*$`)
	wikiEmbed         = lazyCompile(`!\[\[([^\]\n]*)\]\]`)
	wikiLinkAlias     = lazyCompile(`\[\[([^\]|\n]*)\|([^\]\n]*)\]\]`)
	wikiLink          = lazyCompile(`\[\[([^\]\n]*)\]\]`)
	highlightPattern  = lazyCompile(`==([^=\s](?:[^=\n]*[^=\s])?)==`)
	calloutPattern    = lazyCompile(`^(\s*(?:>\s*)+)\[!(\w[\w-]*)\][+-]?\s*(.*)$`)
	codeFenceStart    = lazyCompile("^\\s{0,3}(`{3,}|~{3,})")
	headingAttributes = lazyCompile(`\s+\{[#.][^}]*\}\s*$`)
)

// prepareBody rewrites site-generator syntax (see above). It returns the
// new lines and the table captions found under tables, by the file line
// of the table's last row.
func (p *mdParser) prepareBody(lines []string) []string {
	out := make([]string, len(lines))
	fence := ""
	lastTableLine := -10
	for i, l := range lines {
		fileLine := i + 1 + p.lineOffset
		if fence != "" {
			out[i] = l
			if strings.HasPrefix(strings.TrimSpace(l), fence) {
				fence = ""
			}
			continue
		}
		if m := codeFenceStart.FindStringSubmatch(l); m != nil {
			fence = m[1][:3]
			out[i] = l
			continue
		}
		switch {
		case kramdownAttrLine.MatchString(l):
			if strings.Contains(l, "toc") && i > 0 && kramdownTOCItem.MatchString(out[i-1]) {
				out[i-1] = ""
			}
			p.a.warn(fileLine, "kramdown attribute line %q removed", strings.TrimSpace(l))
			l = ""
		case fencedDivLine.MatchString(l) && strings.HasPrefix(strings.TrimSpace(l), ":::"):
			l = ""
		case i-lastTableLine <= 2 && tableCaptionLine.MatchString(l):
			p.tableCaptions[lastTableLine+1+p.lineOffset] = tableCaptionLine.FindStringSubmatch(l)[1]
			l = ""
		}
		if strings.Contains(l, "{{") || strings.Contains(l, "{%") {
			for _, sc := range shortcodePattern.FindAllString(l, -1) {
				p.a.warn(fileLine, "template tag %s removed (Hugo shortcodes and Liquid tags are not run)", shorten(sc, 60))
			}
			l = shortcodePattern.ReplaceAllString(l, "")
		}
		if strings.Contains(l, "[[") {
			for _, m := range wikiEmbed.FindAllStringSubmatch(l, -1) {
				p.a.warn(fileLine, "embedded file %q left out", m[1])
			}
			l = replaceUnescaped(l, wikiEmbed, func(string) string { return "" })
			l = replaceUnescaped(l, wikiLinkAlias, func(s string) string { return wikiLinkAlias.FindStringSubmatch(s)[2] })
			l = replaceUnescaped(l, wikiLink, func(s string) string {
				name := s[2 : len(s)-2]
				if k := strings.IndexByte(name, '#'); k > 0 {
					name = name[:k]
				}
				return name
			})
		}
		if strings.Contains(l, "==") {
			l = replaceUnescaped(l, highlightPattern, func(s string) string { return s[2 : len(s)-2] })
		}
		if m := calloutPattern.FindStringSubmatch(l); m != nil {
			title := m[3]
			if title == "" {
				title = strings.ToUpper(m[2][:1]) + strings.ToLower(m[2][1:])
			}
			l = m[1] + "**" + title + "**"
		}
		if strings.HasPrefix(strings.TrimSpace(l), "#") {
			l = headingAttributes.ReplaceAllString(l, "")
		}
		if strings.HasPrefix(strings.TrimSpace(l), "|") {
			lastTableLine = i
		}
		out[i] = l
	}
	return out
}

// replaceUnescaped replaces the matches of re in l that no backslash
// escapes: "\\[\\[x]]" is the writer's literal text.
func replaceUnescaped(l string, re *lazyre.Regexp, repl func(string) string) string {
	var b strings.Builder
	last := 0
	for _, m := range re.FindAllStringIndex(l, -1) {
		if m[0] > 0 && l[m[0]-1] == '\\' {
			continue
		}
		b.WriteString(l[last:m[0]])
		b.WriteString(repl(l[m[0]:m[1]]))
		last = m[1]
	}
	if last == 0 {
		return l
	}
	b.WriteString(l[last:])
	return b.String()
}
