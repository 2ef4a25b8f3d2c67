package webpage

import (
	"bytes"
	"slices"
	"strings"
	"testing"
)

func TestTables(t *testing.T) {
	body := `<table>
<thead><tr><th>Aspect</th><th>Hugo</th><th>Jekyll</th></tr></thead>
<tbody>
<tr><td>Language</td><td><b>Go</b></td><td><a href="https://jekyllrb.com">Ruby</a></td></tr>
<tr><td>Speed</td><td>Very fast.<br>Milliseconds.</td><td><p>Slower.</p><p>On big sites.</p></td></tr>
<tr><td>Pipes</td><td>a | b</td><td><code>x|y</code></td></tr>
<tr><td>Both</td><td colspan="2">Free and open source</td></tr>
<tr><td>Short</td><td>only one</td></tr>
<tr><td>Links</td><td><a href="javascript:alert(1)">run</a></td><td><a href="/relative">here</a></td></tr>
</tbody></table>`
	p := parse(t, convert(t, article(prose+body)).Markdown)
	var tables [][][]string
	for _, b := range p.blocks {
		if b.kind == "table" {
			tables = append(tables, b.table)
		}
	}
	if len(tables) != 1 {
		t.Fatalf("%d tables:\n%s", len(tables), p.body)
	}
	want := [][]string{
		{"Aspect", "Hugo", "Jekyll"},
		{"Language", "Go", "Ruby"},
		{"Speed", "Very fast.\nMilliseconds.", "Slower.\nOn big sites."},
		{"Pipes", "a | b", "x|y"},
		{"Both", "Free and open source", "Free and open source"},
		{"Short", "only one", ""},
		{"Links", "run", "here"},
	}
	for i := range want {
		if i >= len(tables[0]) || !slices.Equal(tables[0][i], want[i]) {
			t.Errorf("row %d = %q, want %q", i, tables[0][i], want[i])
		}
	}
	for _, s := range []string{"**Go**", "[Ruby](https://jekyllrb.com)", "Very fast.<br>Milliseconds.", `a \| b`} {
		if !strings.Contains(p.body, s) {
			t.Errorf("Markdown lacks %q:\n%s", s, p.body)
		}
	}
	if strings.Contains(p.body, "javascript") || strings.Contains(p.body, "](/relative") {
		t.Errorf("a link that is not http(s) was kept:\n%s", p.body)
	}
}

func TestTableHeaderIsTheFirstRowWithoutThead(t *testing.T) {
	body := `<table><tr><td>Aspect</td><td>A</td><td>B</td></tr><tr><td>x</td><td>1</td><td>2</td></tr></table>`
	p := parse(t, convert(t, article(prose+body)).Markdown)
	for _, b := range p.blocks {
		if b.kind == "table" {
			if !slices.Equal(b.table[0], []string{"Aspect", "A", "B"}) || len(b.table) != 2 {
				t.Errorf("table = %q", b.table)
			}
			return
		}
	}
	t.Fatalf("no table:\n%s", p.body)
}

func TestRowspanIsAnErrorAtItsRow(t *testing.T) {
	html := "<html><body><article><h1>T</h1>\n<table>\n<tr><th>Aspect</th><th>A</th><th>B</th></tr>\n" +
		"<tr><td>Price</td><td rowspan=\"2\">Free</td><td>$5</td></tr>\n<tr><td>Support</td><td>Email</td></tr>\n</table></article></body></html>"
	e := convertErr(t, html)
	if e.Line != 4 {
		t.Errorf("line = %d, want 4 (the row with the rowspan cell)", e.Line)
	}
	if !strings.HasPrefix(e.Msg, "table row uses rowspan, which triptych cannot place: ") || !strings.Contains(e.Msg, `"Free"`) {
		t.Errorf("message = %q", e.Msg)
	}
	if got := e.Error(); got != "line 4: "+e.Msg {
		t.Errorf("Error() = %q", got)
	}
	// rowspan="1" is no span at all.
	convert(t, strings.Replace(html, `rowspan="2"`, `rowspan="1"`, 1))
}

func TestRelatedTermsSectionIsKept(t *testing.T) {
	body := prose + `<h2>Why it matters</h2><p>Because it does.</p>
<section id="related-important-terms"><h2 id="related-important-terms">Related Important Terms</h2>
<h3 id="related-term-one">Static Site Generator</h3><p>A tool that builds HTML ahead of time.</p>
<h3>Front Matter</h3><p>Metadata at the top of a file.</p></section>
<div class="related-posts"><h2>Related Posts</h2><ul><li><a href="https://x.test/a">Another post</a></li></ul></div>
<div id="jp-relatedposts"><h3>Like this</h3><p>Yet another post</p></div>`
	p := parse(t, convert(t, article(body)).Markdown)
	if got := p.texts("heading2"); !slices.Equal(got, []string{"Why it matters", "Related Important Terms"}) {
		t.Errorf("sections = %q", got)
	}
	if got := p.texts("heading3"); !slices.Equal(got, []string{"Static Site Generator", "Front Matter"}) {
		t.Errorf("terms = %q", got)
	}
	for _, s := range []string{"A tool that builds HTML ahead of time.", "Metadata at the top of a file."} {
		if !strings.Contains(p.all(), s) {
			t.Errorf("missing %q", s)
		}
	}
	for _, s := range []string{"Related Posts", "Another post", "Yet another post"} {
		if strings.Contains(p.all(), s) {
			t.Errorf("related-posts widget text %q kept", s)
		}
	}
}

func TestPageFurnitureIsDropped(t *testing.T) {
	body := `<div class="cookie-banner">Accept all cookies</div>
<nav class="breadcrumbs"><a href="/">Home</a> › Guides</nav>
<main><article><h1>Alpha vs. Beta</h1>
<p>Member-only story</p><p>5 min read</p><p>Listen</p><p>Share</p><p>Follow</p><p>1.2K</p>
<p>Hannah Oduya · Follow · 6 min read · Mar 14, 2024</p>
` + prose + `
<div class="share-bar"><a href="https://twitter.com/share">Share on Twitter</a></div>
<div class="toc"><p>On this page</p><ul><li><a href="#a">Section A</a></li></ul></div>
<aside>Sidebar teaser</aside>
<div class="ad-slot">Advertisement</div><p>Advertisement</p>
<p hidden>Hidden words</p><p aria-hidden="true">Aria words</p><p style="color:red; display: none">Styled away</p>
<div class="newsletter-signup"><p>Get the newsletter</p></div>
<div class="author-bio"><p>Jane writes about tools.</p></div>
<div class="edit-this-page"><a href="https://github.com/x">Edit this page</a></div>
<div class="feedback">Was this page helpful?</div>
<div class="pagination"><a href="https://x.test/prev">Previous</a></div>
<div class="paywall">Subscribe to keep reading</div>
<h2>Real section</h2><p>Real text.</p>
<h2>Leave a Reply</h2><p>Your email address will not be published.</p>
</article>
<div id="comments"><h3>2 Comments</h3><p>Great post!</p></div>
</main>
<footer class="site-footer">All rights reserved</footer>`
	p := parse(t, convert(t, htmlPage(`<meta name="author" content="Hannah Oduya">`, body)).Markdown)
	all := p.all()
	for _, s := range []string{"Accept all cookies", "Home", "Member-only", "5 min read", "Listen", "Share", "Follow", "1.2K",
		"Mar 14", "Section A", "On this page", "Sidebar", "Advertisement", "Hidden words", "Aria words", "Styled away",
		"newsletter", "Jane writes", "Edit this page", "helpful", "Previous", "Subscribe", "Leave a Reply",
		"will not be published", "Comments", "Great post", "All rights reserved"} {
		if strings.Contains(all, s) {
			t.Errorf("furniture %q kept:\n%s", s, p.body)
		}
	}
	if !strings.Contains(all, "Real text.") || !strings.HasPrefix(p.texts("paragraph")[0], "Alpha and Beta are two tools") {
		t.Errorf("article text lost:\n%s", p.body)
	}
}

func TestScriptsHandlersAndUnsafeLinksNeverAppear(t *testing.T) {
	body := prose + `<script>var secret = "SCRIPT";</script><style>.x{color:red}</style>
<noscript>Enable JS</noscript><template><p>TEMPLATE</p></template><iframe src="https://x.test">IFRAME</iframe>
<svg><text>SVGTEXT</text></svg><form><input value="INPUT"><button>BUTTON</button></form>
<p onclick="steal()" onmouseover="steal()">Click <a href="javascript:steal()" onclick="steal()">here</a>,
<a href="vbscript:msgbox">there</a>, <a href=" JaVaScRiPt:steal()">again</a> and <a href="data:text/html,x">data</a>.</p>
<p><img src="data:image/png;base64,AAAA" alt="inline"><img src="javascript:steal()" alt="script"></p>
<p><img src="https://x.test/ok.png" alt="A chart" onerror="steal()"></p>`
	md := string(convert(t, article(body)).Markdown)
	for _, s := range []string{"SCRIPT", "color:red", "Enable JS", "TEMPLATE", "IFRAME", "SVGTEXT", "INPUT", "BUTTON",
		"steal", "onclick", "onerror", "javascript", "JaVaScRiPt", "vbscript", "data:", "inline", "](script"} {
		if strings.Contains(md, s) {
			t.Errorf("%q in the Markdown:\n%s", s, md)
		}
	}
	for _, s := range []string{"Click here, there, again and data.", "![A chart](https://x.test/ok.png)"} {
		if !strings.Contains(md, s) {
			t.Errorf("%q missing:\n%s", s, md)
		}
	}
}

func TestEntitiesAndInvisibleCharacters(t *testing.T) {
	body := prose + "<p>AT&amp;T &lt;b&gt;bold&lt;/b&gt; caf&eacute;&nbsp;au&nbsp;lait&#8203; well&shy;known\u2060 zero\u200cwidth\u200d\ufeff&#x200B;end &amp;amp; &copy;</p>"
	p := parse(t, convert(t, article(body)).Markdown)
	got := p.texts("paragraph")[1]
	want := "AT&T <b>bold</b> café au lait wellknown zerowidthend &amp; ©"
	if got != want {
		t.Errorf("text = %q\nwant   %q", got, want)
	}
}

func TestBlocks(t *testing.T) {
	body := prose + `<ol start="3"><li>Three<ul><li>Nested <em>item</em></li><li>Second nested</li></ul></li><li>Four</li></ol>
<pre><code class="language-go">fmt.Println("` + "```" + `")
	return</code></pre>
<blockquote><p>Quoted words.</p><p>Second paragraph.</p></blockquote>
<figure><img src="https://x.test/c.png" alt="Chart"><figcaption>The caption.</figcaption></figure>
<details><summary>Show more</summary><p>Hidden detail.</p></details>
<h4>Level four</h4><h6>Level six</h6><h1>Second h1</h1>
<dl><dt>Term</dt><dd>Its definition.</dd></dl>`
	res := convert(t, article(body))
	p := parse(t, res.Markdown)
	for _, s := range []string{
		"3. Three\n   - Nested *item*\n   - Second nested\n4. Four",
		"````go\nfmt.Println(\"```\")\n\treturn\n````",
		"> Quoted words.\n>\n> Second paragraph.",
		"![Chart](https://x.test/c.png)\n\nThe caption.",
		"**Show more**\n\nHidden detail.",
		"#### Level four\n\n#### Level six\n\n## Second h1",
		"**Term**\n\nIts definition.",
	} {
		if !strings.Contains(p.body, s) {
			t.Errorf("Markdown lacks\n%s\n---- in ----\n%s", s, p.body)
		}
	}
	kinds := []string{}
	for _, b := range p.blocks {
		kinds = append(kinds, b.kind)
	}
	want := []string{"paragraph", "list", "code", "quote", "paragraph", "paragraph", "paragraph", "paragraph",
		"heading4", "heading4", "heading2", "paragraph", "paragraph"}
	if !slices.Equal(kinds, want) {
		t.Errorf("blocks = %q\nwant     %q", kinds, want)
	}
}

func TestSourceLines(t *testing.T) {
	html := "<html><head><title>T</title></head><body><article>\n<h1>Alpha</h1>\n" + prose + "\n<h2>Section</h2>\n<table>\n<tr><th>A</th><th>B</th></tr>\n<tr><td>1</td><td>2</td></tr>\n</table>\n</article></body></html>"
	res := convert(t, html)
	lines := strings.Split(string(res.Markdown), "\n")
	find := func(prefix string) int {
		for i, l := range lines {
			if strings.HasPrefix(l, prefix) {
				return res.SourceLine[i]
			}
		}
		t.Fatalf("no line %q", prefix)
		return 0
	}
	for prefix, want := range map[string]int{"title:": 2, "Alpha and Beta": 3, "## Section": 4, "| A |": 6, "| 1 |": 7} {
		if got := find(prefix); got != want {
			t.Errorf("%q came from line %d, want %d", prefix, got, want)
		}
	}
}

func TestDeterministic(t *testing.T) {
	html := article(prose + `<h2>A</h2><table><tr><th>x</th><th>y</th></tr><tr><td>1</td><td>2</td></tr></table>`)
	first := convert(t, html).Markdown
	for range 5 {
		if again := convert(t, html).Markdown; !bytes.Equal(first, again) {
			t.Fatalf("two conversions differ:\n%s\n----\n%s", first, again)
		}
	}
}

func TestBrokenHTMLIsReadLikeABrowser(t *testing.T) {
	html := "<title>Broken</title><h1>Alpha vs. Beta</h2><p>First paragraph of the article, long enough to be the lead of it.<p>Second <b>bold <i>both</b> italic</i> end.</div></span><ul><li>one<li>two</ul>"
	p := parse(t, convert(t, html).Markdown)
	if p.str("title") != "Alpha vs. Beta" {
		t.Errorf("title = %q", p.str("title"))
	}
	paras := p.texts("paragraph")
	if len(paras) != 2 || paras[1] != "Second bold both italic end." {
		t.Errorf("paragraphs = %q", paras)
	}
	if lists := p.texts("list"); len(lists) != 1 || lists[0] != "one two" {
		t.Errorf("lists = %q", lists)
	}
}

func TestFallsBackToTheArticleElement(t *testing.T) {
	// Too little text for readability to pick anything.
	html := htmlPage("", `<nav><a href="/">Home</a></nav><article><h1>Tiny</h1><p>Short.</p></article>`)
	p := parse(t, convert(t, html).Markdown)
	if p.str("title") != "Tiny" || !slices.Equal(p.texts("paragraph"), []string{"Short."}) {
		t.Errorf("got %v %q", p.front, p.texts("paragraph"))
	}
}

func TestRelativeLinksResolveAgainstTheCanonicalAddress(t *testing.T) {
	head := `<link rel="canonical" href="https://example.com/guides/post">`
	p := parse(t, convert(t, htmlPage(head, "<article><h1>T</h1>"+prose+`<p>See <a href="../docs/a b">the docs</a> and <a href="#top">the top</a>.</p></article>`)).Markdown)
	if !strings.Contains(p.body, "See [the docs](https://example.com/docs/a%20b) and the top.") {
		t.Errorf("links:\n%s", p.body)
	}
}

func TestFigureCaptionOfTheFirstTableIsItsCaption(t *testing.T) {
	body := prose + `<figure class="wp-block-table"><table><tr><th>Aspect</th><th>A</th><th>B</th></tr><tr><td>x</td><td>1</td><td>2</td></tr></table>
<figcaption>Table of Comparison</figcaption></figure><figure><img src="https://e.test/i.png" alt="Chart"><figcaption>Later picture.</figcaption></figure>`
	p := parse(t, convert(t, article(body)).Markdown)
	if p.str("table_caption") != "Table of Comparison" || strings.Contains(p.body, "Table of Comparison") {
		t.Errorf("caption = %q\n%s", p.str("table_caption"), p.body)
	}
	if !strings.Contains(p.body, "Later picture.") {
		t.Errorf("figure caption lost:\n%s", p.body)
	}
}

func TestCoverPictureAboveTheTextIsLeftOut(t *testing.T) {
	body := `<figure><img src="https://e.test/cover.jpg" alt="Cover"><figcaption>Photo by Someone / Unsplash</figcaption></figure>` + prose
	p := parse(t, convert(t, article(body)).Markdown)
	if strings.Contains(p.all(), "Cover") || strings.Contains(p.all(), "Unsplash") {
		t.Errorf("cover kept:\n%s", p.body)
	}
}

func TestListItemsAreNeverFurniture(t *testing.T) {
	p := parse(t, convert(t, article(prose+"<ul><li>Share</li><li>2024</li><li>Follow</li></ul>")).Markdown)
	if lists := p.texts("list"); len(lists) != 1 || lists[0] != "Share 2024 Follow" {
		t.Errorf("lists = %q", lists)
	}
}

func TestShortTableRowsArePaddedWithAWarning(t *testing.T) {
	html := "<html><body><article><h1>T</h1>\n" + prose + "\n<table>\n<tr><th>A</th><th>B</th><th>C</th></tr>\n<tr><td>1</td></tr>\n</table></article></body></html>"
	res := convert(t, html)
	if len(res.Warnings) != 1 || res.Warnings[0].Line != 5 || !strings.Contains(res.Warnings[0].Msg, "has 1 cell where the table has 3") {
		t.Errorf("warnings = %+v", res.Warnings)
	}
}

func TestLinesAfterSVGContent(t *testing.T) {
	html := "<html><body><article><h1>T</h1>\n<svg><title>Icon</title><style>.a{}</style></svg>\n" +
		"<svg><p>\n<style>p{color:red}</style>\n<h2>Heading</h2>\n" + prose + "</article></body></html>"
	res := convert(t, html)
	lines := strings.Split(string(res.Markdown), "\n")
	for i, l := range lines {
		if l == "## Heading" && res.SourceLine[i] != 5 {
			t.Errorf("heading came from line %d, want 5", res.SourceLine[i])
		}
	}
	if strings.Contains(string(res.Markdown), "color") || strings.Contains(string(res.Markdown), "Icon") {
		t.Errorf("style or SVG text kept:\n%s", res.Markdown)
	}
}

func TestAdjacentListsStaySeparate(t *testing.T) {
	p := parse(t, convert(t, article(prose+"<ul><li>a</li></ul><ul><li>b</li></ul><ol><li>c</li></ol><ol><li>d</li></ol>")).Markdown)
	if lists := p.texts("list"); len(lists) != 4 {
		t.Errorf("lists = %q\n%s", lists, p.body)
	}
}
