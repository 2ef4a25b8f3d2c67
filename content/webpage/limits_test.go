package webpage

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// nested returns n elements of tag nested in each other, each on its own
// line, around the text.
func nested(tag string, n int, text string) string {
	return strings.Repeat("<"+tag+">\n", n) + text + strings.Repeat("</"+tag+">", n)
}

func TestNestingLimit(t *testing.T) {
	// <html> and <body> count: MaxNesting-2 divs reach the limit exactly.
	const head = "<html><body>"
	convert(t, head+nested("div", MaxNesting-impliedAncestors, "deep"))
	e := convertErr(t, head+nested("div", MaxNesting-impliedAncestors+1, "too deep"))
	if e.Line != MaxNesting-impliedAncestors+1 {
		t.Errorf("line = %d, want %d (the first element past the limit)", e.Line, MaxNesting-impliedAncestors+1)
	}
	if !strings.Contains(e.Msg, fmt.Sprint(MaxNesting)) {
		t.Errorf("message %q does not name the limit", e.Msg)
	}
	// Void and self-closing elements do not nest.
	convert(t, head+strings.Repeat("<br><img src=x.png><input><svg><path/><path/></svg>", 2000))
}

func TestImpliedEndTagsDoNotCountAsNesting(t *testing.T) {
	for _, page := range []string{
		strings.Repeat("<p>paragraph ", 3000),
		"<ul>" + strings.Repeat("<li>item ", 3000) + "</ul>",
		"<dl>" + strings.Repeat("<dt>term <dd>definition ", 3000) + "</dl>",
		"<table>" + strings.Repeat("<tr><td>a<td>b", 3000) + "</table>",
		strings.Repeat("<h2>one<h3>two", 3000),
		"<select>" + strings.Repeat("<option>o", 3000) + "</select>",
		strings.Repeat("<a href=x>link ", 3000),
	} {
		if _, err := Convert([]byte(page)); err != nil {
			t.Errorf("%.40s…: %v", page, err)
		}
	}
}

func TestNestingThatTheParserKeepsIsCounted(t *testing.T) {
	// An end tag the parser ignores must not shorten the count: </span>
	// does not close the <div> opened inside the span.
	for _, page := range []string{
		strings.Repeat("<span><div></span>", MaxNesting),
		strings.Repeat("<li><section>", MaxNesting),
		strings.Repeat("<b><div>", MaxNesting),
		strings.Repeat("<div/>", MaxNesting),
	} {
		convertErr(t, page)
	}
}

func TestDeepListsAreWrittenAtTheDepthTheLoaderReads(t *testing.T) {
	res := convert(t, article(prose+nested("ul", 60, "<li>leaf</li>")))
	p := parse(t, res.Markdown)
	if !strings.Contains(p.all(), "leaf") {
		t.Fatalf("leaf lost:\n%s", res.Markdown)
	}
	if len(res.Warnings) != 1 || !strings.Contains(res.Warnings[0].Msg, "nested more than") {
		t.Errorf("warnings = %v", res.Warnings)
	}
	for _, l := range strings.Split(string(res.Markdown), "\n") {
		if indent := len(l) - len(strings.TrimLeft(l, " ")); indent > 2*maxContainers {
			t.Errorf("line indented %d spaces: %q", indent, l)
		}
	}
}

func TestTableWidthLimit(t *testing.T) {
	row := func(cells int) string {
		return "<tr>" + strings.Repeat("<td>x</td>", cells) + "</tr>"
	}
	convert(t, article(prose+"<table>"+row(MaxTableColumns)+row(MaxTableColumns)+"</table>"))
	e := convertErr(t, article(prose+"<table>"+row(MaxTableColumns+1)+"</table>"))
	if !strings.Contains(e.Msg, fmt.Sprint(MaxTableColumns)) {
		t.Errorf("message %q does not name the limit", e.Msg)
	}
	e = convertErr(t, article(prose+`<table><tr><td colspan="1000">wide</td></tr></table>`))
	if !strings.Contains(e.Msg, "columns") {
		t.Errorf("message = %q", e.Msg)
	}
}

func TestMarkdownSizeLimit(t *testing.T) {
	cell := `<td colspan="100">` + strings.Repeat("word ", 400) + `</td>`
	page := article(prose + "<table>" + strings.Repeat("<tr>"+cell+"</tr>", 500) + "</table>")
	e := convertErr(t, page)
	if !strings.Contains(e.Msg, "MiB") {
		t.Errorf("message = %q", e.Msg)
	}
}

func TestLargePageTakesLinearTime(t *testing.T) {
	if testing.Short() {
		t.Skip("timing")
	}
	build := func(n int) []byte {
		var b strings.Builder
		b.WriteString("<html><head><title>Big</title></head><body><article><h1>Big</h1>")
		for i := range n {
			fmt.Fprintf(&b, "<h2>Section %d</h2><p>Paragraph %d with <b>bold</b>, <a href=\"https://e.test/%d\">a link</a> and some words.</p><ul><li>one</li><li>two</li></ul>\n", i, i, i)
		}
		b.WriteString("</article></body></html>")
		return []byte(b.String())
	}
	measure := func(data []byte) time.Duration {
		start := time.Now()
		if _, err := Convert(data); err != nil {
			t.Fatal(err)
		}
		return time.Since(start)
	}
	small, large := build(1000), build(8000)
	measure(small)
	ts, tl := measure(small), measure(large)
	if tl > 20*ts+time.Second {
		t.Errorf("8× the page took %v against %v", tl, ts)
	}
}
