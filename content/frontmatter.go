package content

import (
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/language"
)

// frontMatter is the front matter triptych writes (see MarshalMarkdown).
// Every field is a string so that values like 01234 or 1.10 stay as written.
type frontMatter struct {
	Title        string
	Subtitle     string
	Slug         string
	Date         string
	Author       string
	SourceURL    string
	TableCaption string
	TermsHeading string
	Figure       string
	Keywords     []string
	Highlights   []string
	Lang         string
	Draft        bool
	Table        int
	Theme        themeEntry
}

type themeEntry struct {
	Name    string
	Accents []string
}

// The front-matter keys triptych reads. Every other key is kept aside as an
// ignored key (an error with --strict), so that files written for Hugo,
// Jekyll, Obsidian or Quarto load as they are.
var (
	subtitleKeys = []string{"subtitle", "description", "summary"} // in order of preference
	modifiedKeys = map[string]bool{"lastmod": true, "updated": true, "modified": true, "date-modified": true}
	keywordKeys  = map[string]bool{"tags": true, "keywords": true, "categories": true}
	plainKeys    = map[string]bool{
		"title": true, "slug": true, "source_url": true, "table_caption": true, "terms_heading": true,
		"figure": true, "subtitle": true, "description": true, "summary": true,
	}
)

// frontMatterResult is what the body parser needs from the front matter.
type frontMatterResult struct {
	termsHeading string
	table        int // the comparison table chosen by "table: N"; 0: the first that qualifies
	tableLine    int
}

// quartoDates are Quarto's date keywords, resolved when a page is rendered:
// they name no date of the article.
var quartoDates = map[string]bool{"today": true, "now": true, "last-modified": true}

// applyFrontMatter maps the front matter into the article. Every problem is
// collected, so that a writer sees them all in one run.
func applyFrontMatter(a *Article, root *fmNode, strict bool) (frontMatterResult, error) {
	var res frontMatterResult
	var errs ErrorList
	fail := func(line int, format string, args ...any) {
		errs = append(errs, errorf(a.Source, line, format, args...))
	}
	if root == nil {
		return res, nil
	}
	scalar := func(k fmKey) (string, bool) {
		if k.value.kind != fmScalar {
			fail(k.line, "%q must be a single value, not a list or a map", k.name)
			return "", false
		}
		return strings.TrimSpace(k.value.value), true
	}
	subtitles := map[string]string{}
	var published, modified time.Time
	seen := map[string]int{}
	for _, k := range root.keys {
		if prev, dup := seen[k.name]; dup {
			fail(k.line, "key %q is given twice (first on line %d)", k.name, prev)
			continue
		}
		seen[k.name] = k.line
		switch {
		case plainKeys[k.name]:
			v, ok := scalar(k)
			if !ok {
				continue
			}
			switch k.name {
			case "title":
				a.Title = v
			case "slug":
				a.Slug = v
			case "source_url":
				a.SourceURL = v
			case "table_caption":
				a.Table.Caption = v
			case "terms_heading":
				res.termsHeading = v
			case "figure":
				a.Figure = v
			default:
				subtitles[k.name] = v
			}
		case k.name == "date" || modifiedKeys[k.name]:
			v, ok := scalar(k)
			if !ok || v == "" {
				continue
			}
			if quartoDates[strings.ToLower(v)] {
				a.warn(k.line, "%s %q depends on when the page is rendered; it is not used as the article's date", k.name, v)
				continue
			}
			t, ok := parseFrontMatterDate(v)
			if !ok {
				fail(k.line, "%s %q is not a valid date: write it as YYYY-MM-DD", k.name, v)
				continue
			}
			if k.name == "date" {
				published = t
			} else if t.After(modified) {
				modified = t
			}
		case k.name == "author" || k.name == "authors":
			names, ok := authorNames(k.value)
			if !ok {
				fail(k.line, "%q must be a name, a list of names, or a list of entries with \"name\"", k.name)
				continue
			}
			if a.Author == "" {
				a.Author = EnglishList(names)
			}
		case keywordKeys[k.name]:
			words, ok := keywordList(k.name, k.value)
			if !ok {
				fail(k.line, "%q must be a list of words like [\"go\", \"databases\"]", k.name)
				continue
			}
			a.Keywords = appendKeywords(a.Keywords, words...)
		case k.name == "draft":
			v, ok := scalar(k)
			if !ok {
				continue
			}
			switch strings.ToLower(v) {
			case "true", "yes", "on":
				a.Draft = true
			case "false", "no", "off", "":
			default:
				fail(k.line, "draft %q must be true or false", v)
			}
		case k.name == "table":
			v, ok := scalar(k)
			if !ok {
				continue
			}
			n, err := strconv.Atoi(v)
			if err != nil || n < 1 || n > 1000 {
				fail(k.line, "table %q must be the number of the comparison table in the article (1 for the first)", v)
				continue
			}
			res.table, res.tableLine = n, k.line
		case k.name == "theme":
			applyTheme(a, k, fail)
		case k.name == "brand":
			readBrand(a, k, fail)
		case k.name == "takeaways":
			if k.value.kind != fmMap {
				fail(k.line, "\"takeaways\" must map each subject to its line, like {Python: \"…\", Go: \"…\"}")
				continue
			}
			for _, tk := range k.value.keys {
				if tk.value.kind != fmScalar {
					fail(tk.line, "takeaway for %q must be one line of text", tk.name)
					continue
				}
				a.Takeaways = append(a.Takeaways, Takeaway{Subject: tk.name, Text: strings.TrimSpace(tk.value.value), Line: tk.line})
			}
		case k.name == "lang" || k.name == "language":
			v, ok := scalar(k)
			if !ok {
				fail(k.line, "%q must be a language tag like en or de-CH", k.name)
				continue
			}
			if tag, err := language.Parse(strings.TrimSpace(v)); err != nil || tag == language.Und {
				a.warn(k.line, "%s %q is not a language tag like en or de-CH; English is assumed", k.name, v)
			} else {
				a.Lang = tag.String()
			}
		case k.name == "highlights":
			// Aspects, as a list or one string split at commas (an
			// aspect has spaces, so never split at them).
			var words []string
			switch k.value.kind {
			case fmScalar:
				words = strings.Split(k.value.value, ",")
			case fmList:
				for _, item := range k.value.items {
					words = append(words, item.value)
				}
			default:
				fail(k.line, "\"highlights\" must be a list of aspects like [\"Salary\", \"Tools\"]")
			}
			for _, w := range words {
				if w = strings.TrimSpace(w); w != "" {
					a.Highlights = append(a.Highlights, w)
				}
			}
		default:
			a.IgnoredKeys = append(a.IgnoredKeys, k.name)
			if strict {
				fail(k.line, "unknown key %q (strict mode: remove it or drop --strict)", k.name)
			}
		}
	}
	for _, key := range subtitleKeys {
		if v := subtitles[key]; v != "" {
			a.Subtitle = v
			break
		}
	}
	a.Updated = published
	if modified.After(a.Updated) {
		a.Updated = modified
	}
	if len(errs) > 0 {
		return res, errs
	}
	return res, nil
}

// applyTheme reads the theme map: a name and accent colours.
func applyTheme(a *Article, k fmKey, fail func(int, string, ...any)) {
	if k.value.kind != fmMap {
		fail(k.line, "\"theme\" must hold keys (name, accents)")
		return
	}
	for _, tk := range k.value.keys {
		switch tk.name {
		case "name":
			if tk.value.kind != fmScalar {
				fail(tk.line, "\"theme.name\" must be a single value")
				continue
			}
			switch v := tk.value.value; v {
			case "", "light", "dark":
				a.Theme.Name = v
			default:
				fail(tk.line, "theme name %q is unknown: use light or dark", v)
			}
		case "accents":
			if tk.value.kind != fmList {
				fail(tk.line, "\"theme.accents\" must be a list of colours like [\"#1f6feb\", \"#d9480f\"]")
				continue
			}
			for _, item := range tk.value.items {
				if item.kind != fmScalar || !hexColour.MatchString(item.value) {
					fail(item.line, "accent colour %q is not a colour like \"#1f6feb\"", item.value)
					continue
				}
				a.Theme.Accents = append(a.Theme.Accents, item.value)
			}
		default:
			fail(tk.line, "unknown key \"theme.%s\": the theme has name and accents", tk.name)
		}
	}
}

var hexColour = lazyCompile(`^#[0-9a-fA-F]{6}$`)

// authorNames reads an author given as a name, a map with "name" (Quarto,
// JSON-LD style), or a list of those.
func authorNames(n *fmNode) ([]string, bool) {
	switch n.kind {
	case fmScalar:
		if v := strings.TrimSpace(n.value); v != "" {
			return []string{v}, true
		}
		return nil, true
	case fmMap:
		name := n.get("name")
		if name == nil {
			return nil, false
		}
		if name.kind == fmMap { // Quarto: name: {given: …, family: …}
			parts := []string{}
			for _, key := range []string{"given", "family"} {
				if p := name.get(key); p != nil && p.kind == fmScalar && p.value != "" {
					parts = append(parts, p.value)
				}
			}
			if literal := name.get("literal"); literal != nil && literal.kind == fmScalar {
				parts = []string{literal.value}
			}
			return []string{strings.Join(parts, " ")}, len(parts) > 0
		}
		return authorNames(name)
	}
	var names []string
	for _, item := range n.items {
		if item.kind == fmList {
			return nil, false
		}
		more, ok := authorNames(item)
		if !ok {
			return nil, false
		}
		names = append(names, more...)
	}
	return names, true
}

// keywordList reads tags, keywords or categories: a list, or a string.
// A string with commas is split at them; Jekyll splits tags and categories
// written as one string at spaces.
func keywordList(key string, n *fmNode) ([]string, bool) {
	switch n.kind {
	case fmScalar:
		v := strings.TrimSpace(n.value)
		switch {
		case v == "":
			return nil, true
		case strings.Contains(v, ","):
			return strings.Split(v, ","), true
		case key == "keywords":
			return []string{v}, true
		}
		return strings.Fields(v), true
	case fmList:
		var out []string
		for _, item := range n.items {
			if item.kind != fmScalar {
				return nil, false
			}
			out = append(out, item.value)
		}
		return out, true
	}
	return nil, false
}

// appendKeywords adds words that are not there yet (case-insensitively).
func appendKeywords(list []string, words ...string) []string {
	for _, w := range words {
		w = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(w), "#"))
		if w == "" {
			continue
		}
		dup := false
		for _, have := range list {
			if strings.EqualFold(have, w) {
				dup = true
				break
			}
		}
		if !dup {
			list = append(list, w)
		}
	}
	return list
}

// isoDate matches the dates of front matter: YYYY-MM-DD, optionally with a
// time (after "T", "t" or spaces) and a zone, as RFC 3339, YAML timestamps,
// TOML datetimes and Jekyll's "2024-03-05 10:00:00 +0100" write them.
var isoDate = lazyCompile(`^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:[Tt]| +)\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?: *(?:Z|z|[+-]\d{1,2}(?::?\d{2})?))?)?$`)

// parseFrontMatterDate reads a front-matter date. The result is the
// calendar date as written, whatever zone follows it: a post dated
// 2024-03-05T23:30:00-07:00 was written on the 5th.
func parseFrontMatterDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if m := isoDate.FindStringSubmatch(s); m != nil {
		y, _ := strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[2])
		d, _ := strconv.Atoi(m[3])
		return calendarDate(y, mo, d)
	}
	return parseDate(s)
}

// calendarDate returns the date at midnight UTC when it exists.
func calendarDate(y, m, d int) (time.Time, bool) {
	if y < 1 || y > 9999 {
		return time.Time{}, false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Year() != y || int(t.Month()) != m || t.Day() != d {
		return time.Time{}, false
	}
	return t, true
}

// readBrand reads the brand map: name, url and logo (a file path, read by
// LoadWith relative to the article).
func readBrand(a *Article, k fmKey, fail func(int, string, ...any)) {
	if k.value.kind != fmMap {
		fail(k.line, "\"brand\" must hold keys (name, url, logo)")
		return
	}
	a.Brand.Line = k.line
	for _, bk := range k.value.keys {
		if bk.value.kind != fmScalar {
			fail(bk.line, "\"brand.%s\" must be a single value", bk.name)
			continue
		}
		v := strings.TrimSpace(bk.value.value)
		switch bk.name {
		case "name":
			a.Brand.Name = v
		case "url":
			a.Brand.URL = v
		case "logo":
			a.Brand.LogoPath = v
		default:
			fail(bk.line, "unknown key \"brand.%s\": the brand has name, url and logo", bk.name)
		}
	}
}
