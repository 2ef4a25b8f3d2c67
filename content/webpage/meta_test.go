package webpage

import (
	"slices"
	"strings"
	"testing"
)

const prose = "<p>Alpha and Beta are two tools that teams compare often; this paragraph is long enough to read as the lead of the article.</p>"

func TestDatesKeepTheCalendarDayAsWritten(t *testing.T) {
	tests := []struct {
		name, head, body, date, lastmod string
	}{
		{"meta with a zone", `<meta property="article:published_time" content="2024-06-03T23:30:00-07:00">
			<meta property="article:modified_time" content="2024-06-04T01:15:00+09:00">`, "", "2024-06-03", "2024-06-04"},
		{"time elements", "", `<header><h1>T</h1><time class="published" datetime="2023-12-31T23:59:59-10:00">Dec 31</time>
			<time class="updated" datetime="2024-01-01T00:00:01+14:00">Jan 1</time></header>`, "2023-12-31", "2024-01-01"},
		{"itemprop", `<meta itemprop="datePublished" content="2022-02-02"><meta itemprop="dateModified" content="2022-03-03T10:00:00Z">`, "", "2022-02-02", "2022-03-03"},
		{"JSON-LD graph", `<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
			{"@type":"WebSite","name":"Site"},
			{"@type":"BlogPosting","datePublished":"2021-05-06T22:00:00-05:00","dateModified":"2021-07-08T03:00:00+02:00"}]}</script>`, "", "2021-05-06", "2021-07-08"},
		{"JSON-LD array", `<script type="application/ld+json">[{"@type":"Organization"},{"@type":"NewsArticle","datePublished":"2020-01-02"}]</script>`, "", "2020-01-02", ""},
		{"first time in the article header", "", `<header><h1>T</h1><p>By Ana on <time datetime="2019-09-09T08:00:00+01:00">9 Sep</time></p></header>`, "2019-09-09", ""},
		{"date shown as text", "", `<h1>T</h1><div>Published on</div><div>August 19, 2024</div>`, "2024-08-19", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body := tt.body
			if !strings.Contains(body, "<h1") {
				body = "<h1>T</h1>" + body
			}
			p := parse(t, convert(t, htmlPage(tt.head, "<article>"+body+prose+"</article>")).Markdown)
			if p.str("date") != tt.date || p.str("lastmod") != tt.lastmod {
				t.Errorf("date, lastmod = %q, %q; want %q, %q", p.str("date"), p.str("lastmod"), tt.date, tt.lastmod)
			}
		})
	}
}

func TestAuthors(t *testing.T) {
	tests := []struct {
		name, head, body string
		want             []string
	}{
		{"JSON-LD string", `<script type="application/ld+json">{"@type":"Article","author":"By Ana Silva"}</script>`, "", []string{"Ana Silva"}},
		{"JSON-LD list with a reference", `<script type="application/ld+json">{"@graph":[
			{"@type":"Article","author":[{"@type":"Person","name":"Ana Silva"},{"@id":"#tom"}]},
			{"@type":"Person","@id":"#tom","name":"Tom Berg"}]}</script>`, "", []string{"Ana Silva", "Tom Berg"}},
		{"meta", `<meta name="author" content="Mei Chen">`, "", []string{"Mei Chen"}},
		{"rel=author", "", `<p><a rel="author" href="/a">Ana Silva</a> and <a rel="author" href="/t">Tom Berg</a></p>`, []string{"Ana Silva", "Tom Berg"}},
		{"byline", "", `<p class="byline">By <span>Ana Silva</span> on June 3, 2024</p>`, []string{"Ana Silva"}},
		{"author class", "", `<div class="post-author">By Lee Park</div>`, []string{"Lee Park"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := parse(t, convert(t, htmlPage(tt.head, "<article><h1>T</h1>"+tt.body+prose+"</article>")).Markdown)
			if got := p.list("author"); !slices.Equal(got, tt.want) {
				t.Errorf("author = %q, want %q", got, tt.want)
			}
			for _, name := range tt.want {
				if strings.Contains(p.body, name) {
					t.Errorf("the byline %q stayed in the body:\n%s", name, p.body)
				}
			}
		})
	}
}

func TestTitle(t *testing.T) {
	tests := []struct {
		name, head, body, want string
	}{
		{"h1", `<meta property="og:title" content="Other">`, "<article><h1>Alpha vs. Beta</h1>" + prose + "</article>", "Alpha vs. Beta"},
		{"og:title", `<meta property="og:title" content="From OG"><title>From Title | Site</title>`, prose, "From OG"},
		{"title with site name", `<meta property="og:site_name" content="Static Blog"><title>Hugo vs. Jekyll | Static Blog</title>`, prose, "Hugo vs. Jekyll"},
		{"title dash", `<title>Hugo vs. Jekyll - Static Blog</title>`, prose, "Hugo vs. Jekyll"},
		{"title em dash", `<title>Hugo vs. Jekyll — Blog</title>`, prose, "Hugo vs. Jekyll"},
		{"title middle dot", `<title>Hugo vs. Jekyll · Blog</title>`, prose, "Hugo vs. Jekyll"},
		{"site logo h1", `<meta property="og:site_name" content="Static Blog">`,
			`<header><h1 class="site-title">Static Blog</h1></header><main><article><h1>Hugo vs. Jekyll</h1>` + prose + `</article></main>`, "Hugo vs. Jekyll"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := parse(t, convert(t, htmlPage(tt.head, tt.body)).Markdown)
			if p.str("title") != tt.want {
				t.Errorf("title = %q, want %q", p.str("title"), tt.want)
			}
			if len(p.texts("heading1")) > 0 || strings.Contains(p.body, "## "+tt.want) {
				t.Errorf("the title is repeated in the body:\n%s", p.body)
			}
		})
	}
}

func TestSubtitle(t *testing.T) {
	lead := "<p>Choosing a static site generator is hard, and this article compares the two most popular ones for a small team.</p>"
	tests := []struct {
		name, head, body, want string
	}{
		{"dek class", `<meta name="description" content="Other words entirely.">`, `<h1>T</h1><p class="article-dek">Which one fits a small team?</p>` + lead, "Which one fits a small team?"},
		{"ghost excerpt", "", `<header><h1>T</h1><p class="gh-article-excerpt">Speed against depth.</p></header>` + lead, "Speed against depth."},
		{"description that starts the lead", `<meta name="description" content="Choosing a static site generator is hard, and this…">`, "<h1>T</h1>" + lead, ""},
		{"description cut in a word", `<meta property="og:description" content="Choosing a static site generator is hard, and this arti">`, "<h1>T</h1>" + lead, ""},
		{"description of its own", `<meta property="og:description" content="Two generators, one team.">`, "<h1>T</h1>" + lead, "Two generators, one team."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := parse(t, convert(t, htmlPage(tt.head, "<article>"+tt.body+"</article>")).Markdown)
			if p.str("subtitle") != tt.want {
				t.Errorf("subtitle = %q, want %q", p.str("subtitle"), tt.want)
			}
			if tt.want != "" && strings.Contains(p.body, tt.want) {
				t.Errorf("the subtitle stayed in the body:\n%s", p.body)
			}
		})
	}
}

func TestSourceURLAndKeywords(t *testing.T) {
	head := `<link rel="canonical" href="/relative/only">
		<meta property="og:url" content="https://example.com/post">
		<meta name="keywords" content="Go, Rust, ,go">
		<meta property="article:tag" content="rust"><meta property="article:tag" content="Zig">
		<script type="application/ld+json">{"@type":"Article","keywords":"zig, Nim"}</script>`
	p := parse(t, convert(t, htmlPage(head, "<article><h1>T</h1>"+prose+"</article>")).Markdown)
	if got := p.str("source_url"); got != "https://example.com/post" {
		t.Errorf("source_url = %q", got)
	}
	if got := p.list("keywords"); !slices.Equal(got, []string{"Go", "Rust", "Zig", "Nim"}) {
		t.Errorf("keywords = %q", got)
	}
	p = parse(t, convert(t, htmlPage(`<link rel="canonical" href="javascript:alert(1)">`, prose)).Markdown)
	if _, ok := p.front["source_url"]; ok {
		t.Errorf("a javascript: canonical became the source_url")
	}
}

func TestFrontMatterIsQuotedYAML(t *testing.T) {
	head := `<meta property="og:title" content="yes: no # 01234 &quot;quoted&quot; ---">`
	res := convert(t, htmlPage(head, prose))
	p := parse(t, res.Markdown)
	if got := p.str("title"); got != `yes: no # 01234 "quoted" ---` {
		t.Errorf("title = %q\n%s", got, res.Markdown)
	}
	for _, v := range p.front {
		switch v.(type) {
		case string, []any:
		default:
			t.Errorf("front-matter value %v is a %T, not a string", v, v)
		}
	}
}
