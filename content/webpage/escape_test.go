package webpage

import (
	"html"
	"strings"
	"testing"
	"unicode"
)

// tricky are texts that Markdown would read as markup unless escaped.
var tricky = []string{
	"1. not a list", "2) not a list either", "1986. A good year", "- not an item", "+ plus", "* star",
	"*stars*", "**bold?**", "_under_", "a | b", "# not a heading", "## nor this", "> not a quote",
	"`tick`", "``double``", "[x](https://e.test)", "![img](https://e.test/i.png)", "<div>tag</div>",
	"<!-- comment -->", "&amp; &copy; &#38; &#x26;", "back\\slash \\*", "===", "---", "***", "___",
	"~~~ fence", "``` fence", "    indented", "Issue #", "C# and F#", "x #", "[ref]: https://e.test",
	"http://autolink.test <https://e.test>", "a\\", "!", "tail!", "1.", "-", "| leading pipe",
	"= equals", "< less", "ends with backslash \\",
}

func TestEscapedTextReadsBack(t *testing.T) {
	for _, s := range tricky {
		body := prose + "<p>" + html.EscapeString(s) + "</p><h2>" + html.EscapeString(s) + "</h2>" +
			"<table><tr><th>Aspect</th><th>" + html.EscapeString(s) + "</th></tr><tr><td>x</td><td>" + html.EscapeString(s) + "</td></tr></table>"
		res := convert(t, article(body))
		p := parse(t, res.Markdown)
		want := strings.Join(strings.Fields(s), " ")
		paras := p.texts("paragraph")
		if !strings.ContainsFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) {
			// A paragraph of punctuation alone ("---") is a divider, left out.
			if len(paras) != 1 {
				t.Errorf("divider %q kept: %q", s, paras)
			}
		} else if len(paras) < 2 || paras[1] != want {
			t.Errorf("paragraph %q read back as %q\n%s", s, paras, p.body)
		}
		if h := p.texts("heading2"); len(h) != 1 || h[0] != want {
			t.Errorf("heading %q read back as %q\n%s", s, h, p.body)
		}
		for _, b := range p.blocks {
			if b.kind == "table" && (len(b.table) != 2 || b.table[0][1] != want || b.table[1][1] != want) {
				t.Errorf("cell %q read back as %q\n%s", s, b.table, p.body)
			}
		}
	}
}

func TestInlineMarkupReadsBack(t *testing.T) {
	tests := []struct{ html, text, markdown string }{
		{`plain <b>bold</b> and <i>italic</i> and <code>code</code>`, "plain bold and italic and code", "plain **bold** and *italic* and `code`"},
		{`<b> spaced </b>words`, "spaced words", "**spaced** words"},
		{`<strong><em>both</em></strong>`, "both", "**_both_**"},
		{`foo<b>"bar"</b>baz`, `foo"bar"baz`, ``},
		{`<b>a</b><i>b</i>`, "ab", ""},
		{`<a href="https://e.test/a_(b)">link [1]</a>`, "link [1]", `[link \[1\]](https://e.test/a_\(b\))`},
		{`<code>a ` + "`" + ` b</code>`, "a ` b", "``a ` b``"},
		{`<code>` + "`x`" + `</code>`, "`x`", "`` `x` ``"},
		{`Wow!<a href="https://e.test">link</a>`, "Wow!link", `Wow\![link](https://e.test)`},
		{`line one<br>1. line two<br><br>New paragraph`, "line one\n1. line two", "line one\\\n1\\. line two"},
		{`<a href="https://e.test/?a=1&amp;copy;=2">q</a>`, "q", `[q](https://e.test/?a=1&amp;copy;=2)`},
	}
	for _, tt := range tests {
		res := convert(t, article(prose+"<p>"+tt.html+"</p>"))
		p := parse(t, res.Markdown)
		paras := p.texts("paragraph")
		if len(paras) < 2 || paras[1] != tt.text {
			t.Errorf("%s read back as %q, want %q\n%s", tt.html, paras, tt.text, p.body)
		}
		if tt.markdown != "" && !strings.Contains(p.body, tt.markdown) {
			t.Errorf("%s written as\n%s\nwant %s", tt.html, p.body, tt.markdown)
		}
	}
}

func TestDoubleLineBreakSplitsParagraphs(t *testing.T) {
	p := parse(t, convert(t, article(prose+"<div>First part.<br><br>Second part.</div>")).Markdown)
	if got := p.texts("paragraph"); len(got) != 3 || got[1] != "First part." || got[2] != "Second part." {
		t.Errorf("paragraphs = %q", got)
	}
}
