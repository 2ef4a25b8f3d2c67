package webpage

import (
	"net/url"
	"strings"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// field is a front-matter value with the line of the element it came from.
type field struct {
	value string
	line  int
}

// metadata is what the page's <head> and structured data say about it.
type metadata struct {
	metas     map[string][]field // <meta> content by lower-case name, property or itemprop
	canonical field
	titleTag  field
	base      string // <base href>
	ld        linkedData
	times     []*html.Node // <time> and [itemprop] date elements, in document order
	badLD     []int        // lines of JSON-LD scripts that are not JSON
}

// collectMetadata reads every <meta>, <link rel=canonical>, <title>,
// <base>, <time> and JSON-LD script of the page in one pass.
func collectMetadata(pg *page) *metadata {
	md := &metadata{metas: map[string][]field{}}
	forEach(pg.doc, func(n *html.Node) bool {
		if n.Namespace != "" {
			return n.Namespace != "svg"
		}
		line := pg.line(n)
		switch n.DataAtom {
		case atom.Meta:
			content := cleanText(attr(n, "content"))
			if content == "" {
				content = cleanText(attr(n, "datetime"))
			}
			for _, key := range []string{"property", "name", "itemprop"} {
				if k := strings.ToLower(strings.TrimSpace(attr(n, key))); k != "" && content != "" {
					md.metas[k] = append(md.metas[k], field{content, line})
				}
			}
		case atom.Link:
			if rels := strings.Fields(strings.ToLower(attr(n, "rel"))); contains(rels, "canonical") && md.canonical.value == "" {
				md.canonical = field{strings.TrimSpace(attr(n, "href")), line}
			}
		case atom.Base:
			if md.base == "" {
				md.base = strings.TrimSpace(attr(n, "href"))
			}
		case atom.Title:
			if md.titleTag.value == "" {
				md.titleTag = field{plainText(n, nil), line}
			}
			return false
		case atom.Script:
			if strings.EqualFold(strings.TrimSpace(attr(n, "type")), "application/ld+json") {
				if !md.ld.add(rawText(n), line) {
					md.badLD = append(md.badLD, line)
				}
			}
			return false
		case atom.Time:
			md.times = append(md.times, n)
		default:
			if ip := strings.ToLower(attr(n, "itemprop")); ip == "datepublished" || ip == "datemodified" {
				md.times = append(md.times, n)
			}
		}
		return true
	})
	return md
}

func rawText(n *html.Node) string {
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
	}
	return b.String()
}

func contains(list []string, s string) bool {
	for _, e := range list {
		if e == s {
			return true
		}
	}
	return false
}

// meta returns the first value of the first of the given <meta> keys.
func (md *metadata) meta(keys ...string) field {
	for _, k := range keys {
		for _, f := range md.metas[k] {
			if f.value != "" {
				return f
			}
		}
	}
	return field{}
}

// pageTitle returns the title when the page has no usable <h1>: og:title,
// the JSON-LD headline, or the <title> without the site name after it.
func (md *metadata) pageTitle() field {
	if f := md.meta("og:title", "twitter:title"); f.value != "" {
		return f
	}
	if s, line := md.ld.text("headline"); s != "" {
		return field{s, line}
	}
	t := md.titleTag
	t.value = stripSiteName(t.value, md.meta("og:site_name").value)
	return t
}

// titleSeparators are the marks that put a site's name after a page title.
var titleSeparators = []string{" | ", " - ", " — ", " – ", " · ", " :: ", " » "}

// stripSiteName removes a trailing " | Site" part: the site's name when
// known, else a last part of at most four words.
func stripSiteName(title, site string) string {
	best := -1
	for _, sep := range titleSeparators {
		if i := strings.LastIndex(title, sep); i > best {
			rest := strings.TrimSpace(title[i+len(sep):])
			if site != "" && strings.EqualFold(rest, site) || site == "" && len(strings.Fields(rest)) <= 4 {
				best = i
			}
		}
	}
	if best > 0 {
		return strings.TrimSpace(title[:best])
	}
	return title
}

// publishedDate and modifiedDate return the dates as YYYY-MM-DD.
func (md *metadata) publishedDate(header *html.Node, pg *page) field {
	for _, n := range md.times {
		if isDateElement(n, "published", "pubdate", "datepublished", "entry-date", "post-date", "publish-date") {
			if f := dateOf(n, pg); f.value != "" {
				return f
			}
		}
	}
	if f := md.metaDate("article:published_time", "og:article:published_time", "datepublished",
		"pubdate", "publish-date", "publish_date", "date", "dc.date", "dc.date.issued",
		"dcterms.created", "dcterms.date", "parsely-pub-date", "sailthru.date"); f.value != "" {
		return f
	}
	if s, line := md.ld.text("datePublished"); s != "" {
		if d := parseDate(s); d != "" {
			return field{d, line}
		}
	}
	if header != nil {
		for _, n := range md.times {
			if n.DataAtom == atom.Time && pg.contains(header, n) && !isDateElement(n, "updated", "modified", "datemodified") {
				if f := dateOf(n, pg); f.value != "" {
					return f
				}
			}
		}
	}
	return field{}
}

func (md *metadata) modifiedDate(pg *page) field {
	for _, n := range md.times {
		if isDateElement(n, "updated", "modified", "datemodified", "last-modified", "lastmod") {
			if f := dateOf(n, pg); f.value != "" {
				return f
			}
		}
	}
	if f := md.metaDate("article:modified_time", "og:updated_time", "og:article:modified_time",
		"datemodified", "last-modified", "dcterms.modified", "dc.date.modified"); f.value != "" {
		return f
	}
	if s, line := md.ld.text("dateModified"); s != "" {
		if d := parseDate(s); d != "" {
			return field{d, line}
		}
	}
	return field{}
}

func (md *metadata) metaDate(keys ...string) field {
	for _, k := range keys {
		for _, f := range md.metas[k] {
			if d := parseDate(f.value); d != "" {
				return field{d, f.line}
			}
		}
	}
	return field{}
}

// isDateElement reports whether a <time> (or an element with itemprop)
// is marked, by class or itemprop, with one of the given words.
func isDateElement(n *html.Node, marks ...string) bool {
	names := strings.Fields(strings.ToLower(attr(n, "class") + " " + attr(n, "itemprop")))
	for _, m := range marks {
		if contains(names, m) {
			return true
		}
	}
	return n.DataAtom == atom.Time && hasAttr(n, "pubdate") && contains(marks, "pubdate")
}

// dateOf reads a date element's datetime (or content) attribute, else its
// text.
func dateOf(n *html.Node, pg *page) field {
	for _, key := range []string{"datetime", "content"} {
		if d := parseDate(attr(n, key)); d != "" {
			return field{d, pg.line(n)}
		}
	}
	if d := parseDate(shortText(n, nil)); d != "" {
		return field{d, pg.line(n)}
	}
	return field{}
}

var isoDate = lazyCompile(`^(\d{4})[-/](\d{2})[-/](\d{2})`)

// dateLayouts are dates written for people, tried in order.
var dateLayouts = []string{"January 2, 2006", "Jan 2, 2006", "January 2 2006", "Jan 2 2006",
	"2 January 2006", "2 Jan 2006", "Monday, January 2, 2006", "Mon, 02 Jan 2006 15:04:05 MST",
	"Mon, 02 Jan 2006 15:04:05 -0700", "Mon, 2 Jan 2006 15:04:05 -0700", "Jan. 2, 2006"}

// parseDate returns the calendar date written at the start of s as
// YYYY-MM-DD; the time and zone after it are ignored, never applied, so
// the date is the one the page shows.
func parseDate(s string) string {
	s = strings.TrimSpace(s)
	if m := isoDate.FindStringSubmatch(s); m != nil {
		d := m[1] + "-" + m[2] + "-" + m[3]
		if _, err := time.Parse("2006-01-02", d); err == nil {
			return d
		}
		return ""
	}
	s = strings.Join(strings.Fields(s), " ")
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t.Format("2006-01-02")
		}
	}
	return ""
}

// sourceURL is the canonical address of the page, when it is http(s).
func (md *metadata) sourceURL() field {
	for _, f := range []field{md.canonical, md.meta("og:url")} {
		if u, err := url.Parse(f.value); err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" {
			return f
		}
	}
	return field{}
}

// keywords joins <meta name=keywords>, article:tag and JSON-LD keywords,
// without repeats (ignoring case).
func (md *metadata) keywords() ([]string, int) {
	var all []string
	line := 0
	for _, f := range md.metas["keywords"] {
		all = append(all, strings.Split(f.value, ",")...)
		line = f.line
	}
	for _, f := range md.metas["article:tag"] {
		all = append(all, f.value)
		if line == 0 {
			line = f.line
		}
	}
	all = append(all, md.ld.keywords()...)
	var out []string
	seen := map[string]bool{}
	for _, k := range all {
		k = cleanText(k)
		if k == "" || seen[strings.ToLower(k)] {
			continue
		}
		seen[strings.ToLower(k)] = true
		out = append(out, k)
	}
	return out, line
}

var byPrefix = lazyCompile(`(?i)^(?:by|written by|posted by|author:|authors:)\s+`)

// cleanNames tidies author names: "By " removed, white space folded,
// repeats and things too long to be names left out.
func cleanNames(names []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, n := range names {
		n = byPrefix.ReplaceAllString(cleanText(n), "")
		n = strings.TrimSpace(strings.TrimRight(n, ",;|·"))
		if n == "" || len(n) > 120 || strings.Contains(n, "://") || seen[strings.ToLower(n)] {
			continue
		}
		seen[strings.ToLower(n)] = true
		out = append(out, n)
	}
	return out
}
