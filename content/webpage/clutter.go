package webpage

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// neverContent lists elements whose text is never article text: code,
// styling, embedded objects and form controls.
var neverContent = set(atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Iframe,
	atom.Object, atom.Embed, atom.Svg, atom.Canvas, atom.Input, atom.Select, atom.Button,
	atom.Textarea, atom.Option, atom.Datalist, atom.Head, atom.Title, atom.Meta, atom.Link,
	atom.Audio, atom.Video, atom.Map, atom.Dialog, atom.Frameset, atom.Frame, atom.Noframes,
	atom.Applet, atom.Param, atom.Source, atom.Track)

// pageFurniture lists elements that hold the site's furniture, not the
// article: menus, side panels and forms.
var pageFurniture = set(atom.Nav, atom.Aside, atom.Form, atom.Menu)

// furnitureRoles are ARIA roles of page furniture.
var furnitureRoles = map[string]bool{
	"navigation": true, "banner": true, "contentinfo": true, "complementary": true,
	"search": true, "dialog": true, "alertdialog": true, "menu": true, "menubar": true,
	"toolbar": true,
}

// hiddenClasses are class names that hide an element on screen.
var hiddenClasses = map[string]bool{
	"hidden": true, "is-hidden": true, "sr-only": true, "screen-reader-text": true,
	"visually-hidden": true, "visuallyhidden": true, "d-none": true, "hide": true,
	"invisible": true, "screenreader-only": true, "assistive-text": true,
}

// clutterNames are the word sequences that, found in one class name or id
// of an element, say it is page furniture. Words are split at "-", "_" and
// camelCase humps. Generic words ("related", "author", "meta") appear only
// in pairs that clearly name a widget, so that an article's own section
// about "related terms" stays.
var clutterNames = wordPatterns(
	// navigation and page structure
	"nav", "navbar", "navigation", "menu", "breadcrumb", "breadcrumbs", "crumbs",
	"skip link", "skip to content", "pagination", "pager", "prev next", "next prev",
	"post nav", "nav links", "sidebar", "side bar", "widget", "widgets", "site header",
	"site footer", "masthead",
	// sharing and social
	"share", "shares", "sharing", "sharedaddy", "share bar", "social", "addtoany", "addthis",
	"a2a", "sociallinks", "social links", "follow button", "clap", "claps",
	// consent, newsletters, paywalls
	"cookie", "cookies", "consent", "gdpr", "onetrust", "newsletter", "subscribe",
	"subscription", "signup", "sign up", "mailchimp", "mc4wp", "optin", "opt in",
	"paywall", "regwall", "cta", "call to action",
	// comments
	"comments", "comment", "disqus", "respond",
	// tags and categories under the article
	"tags", "tag cloud", "tag list", "cat links", "categories",
	// related and recommended
	"related posts", "related post", "related articles", "related article",
	"related content", "related stories", "related links", "related reading",
	"related entries", "relatedposts", "yarpp", "read next", "more from", "more stories",
	"more articles", "recommended", "recommendations", "you may also like", "also like",
	"popular posts", "recent posts", "trending",
	// author boxes and byline clutter
	"author box", "authorbox", "author bio", "author card", "author info", "about author",
	"about the author", "author profile", "author details", "bio", "byline", "entry meta",
	"post meta", "article meta", "posted on", "reading time", "read time", "member only",
	// ads
	"ad", "ads", "advert", "adverts", "advertisement", "advertising", "adsbygoogle",
	"sponsored", "sponsor", "dfp",
	// tables of contents and page tools
	"toc", "table of contents", "tableofcontents", "on this page", "edit this page",
	"edit page", "edit link", "edit on github", "page edit", "feedback", "was this helpful",
	"helpful", "print button", "last updated",
)

// ignoredClassPrefixes mark class names that describe the article's own
// tags and state (WordPress writes "tag-newsletter", "has-sidebar") rather
// than what the element is.
var ignoredClassPrefixes = []string{"tag-", "category-", "has-", "with-", "no-", "status-",
	"format-", "type-", "postid-", "page-id-", "is-"}

// isFurniture reports whether an element's name, role or class says it is
// page furniture. It does not look at headings (a heading's id comes from
// its text) nor at an id made from the element's own heading.
func isFurniture(n *html.Node) bool {
	if !isElement(n) {
		return false
	}
	if pageFurniture[n.DataAtom] {
		return true
	}
	if furnitureRoles[strings.ToLower(strings.TrimSpace(attr(n, "role")))] {
		return true
	}
	if isHeading(n.DataAtom) || n.DataAtom == atom.Html || n.DataAtom == atom.Body || n.DataAtom == atom.Main {
		return false
	}
	for _, class := range strings.Fields(attr(n, "class")) {
		if furnitureName(class, true) {
			return true
		}
	}
	if id := attr(n, "id"); id != "" && furnitureName(id, false) && !idOfOwnHeading(n, id) {
		return true
	}
	return false
}

// furnitureName reports whether one class name or id names furniture.
func furnitureName(name string, isClass bool) bool {
	lower := strings.ToLower(name)
	if isClass {
		for _, p := range ignoredClassPrefixes {
			if strings.HasPrefix(lower, p) {
				return false
			}
		}
	}
	return clutterNames.match(splitWords(name))
}

// idOfOwnHeading reports whether id is the one a generator made from the
// element's first heading ("<section id="related-terms"><h2>Related
// Terms</h2>"), which says nothing about what the element is.
func idOfOwnHeading(n *html.Node, id string) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			if isHeading(c.DataAtom) {
				return strings.Join(splitWords(shortText(c, nil)), "") == strings.Join(splitWords(id), "")
			}
			return false
		}
	}
	return false
}

// isHidden reports whether the element is hidden from readers.
func isHidden(n *html.Node) bool {
	if hasAttr(n, "hidden") || strings.EqualFold(strings.TrimSpace(attr(n, "aria-hidden")), "true") {
		return true
	}
	if style := strings.ToLower(attr(n, "style")); style != "" && hiddenStyle.MatchString(style) {
		return true
	}
	for _, class := range strings.Fields(attr(n, "class")) {
		if hiddenClasses[strings.ToLower(class)] {
			return true
		}
	}
	return false
}

var hiddenStyle = lazyCompile(`(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important\s*)?(?:;|$)`)

// splitWords splits a class name or id into lower-case words at
// punctuation, digits-to-letters and camelCase humps.
func splitWords(s string) []string {
	var words []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			words = append(words, strings.ToLower(string(cur)))
			cur = cur[:0]
		}
	}
	prev := rune(0)
	for _, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if unicode.IsUpper(r) && prev != 0 && unicode.IsLower(prev) {
				flush()
			}
			cur = append(cur, r)
		default:
			flush()
		}
		prev = r
	}
	flush()
	return words
}

// patternSet matches word sequences.
type patternSet struct {
	byFirst map[string][][]string
}

func wordPatterns(phrases ...string) patternSet {
	ps := patternSet{byFirst: map[string][][]string{}}
	for _, p := range phrases {
		w := strings.Fields(p)
		ps.byFirst[w[0]] = append(ps.byFirst[w[0]], w)
	}
	return ps
}

// match reports whether one of the patterns occurs as consecutive words.
func (ps patternSet) match(words []string) bool {
	for i, w := range words {
		for _, p := range ps.byFirst[w] {
			if len(p) <= len(words)-i && equalWords(words[i:i+len(p)], p) {
				return true
			}
		}
	}
	return false
}

func equalWords(a, b []string) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// clutterHeading matches the text of a heading that starts a block of
// furniture rather than a part of the article.
var clutterHeading = lazyCompile(`(?i)^(?:related (?:posts|articles|stories|content|reading)|you (?:may|might) also (?:like|enjoy)|more (?:from|stories|articles|posts)\b.*|recommended(?: for you| from .*| reading| articles| posts)?|read next|up next|leave a (?:reply|comment)|comments?|\d+ (?:comments?|responses?|replies)|\d+ thoughts? on .*|responses|share(?: this)?(?: article| post| story)?|like this|about the authors?|written by .*|subscribe.*|sign up for .*|newsletter|popular posts|recent posts|trending(?: now)?|table of contents|contents|on this page|in this article)[:.]?$`)

// clutterPiece matches, at the start of a line, a piece of furniture a
// site writes as text: "5 min read", "Member-only story", "Share", clap
// counts like "1.2K".
var clutterPiece = lazyCompile(`(?i)^(?:\d+\s*min(?:ute)?s?(?:\s+read)?|member-only story|members? only|share(?: this)?(?: article| post| story| page)?|listen|follow(?:ing)?|advertisement|advertising|ad|sponsored(?: content)?|top highlight|sign in|sign up|open in app|print|email|tweet|save|no responses yet|\d+(?:[.,]\d+)?\s*[km]?(?:\s+(?:claps?|responses?|comments?|followers|following|likes|shares|views))?|responses?|comments?|written by|by|posted in|filed under|(?:last )?(?:published|updated|posted|modified)(?: on)?:?)\b`)

// datePiece matches a date written for people, with an optional label
// ("Updated") and time ("at 11:30 p.m. PDT"); the label is group 1, the
// date group 2.
var datePiece = lazyCompile(`(?i)^((?:last )?(?:published|updated|posted|modified|reviewed)(?: on)?:?\s*)?` +
	`(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?` +
	`(` + month + `[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?` +
	`|\d{1,2}\s+` + month + `[a-z]*\.?,?\s+\d{4}` +
	`|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4})` +
	`(?:,?\s+(?:at\s+)?\d{1,2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s+[a-z]{2,5}\b)?)?`)

const month = `(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)`

// nameJoiner joins the names of several authors.
var nameJoiner = lazyCompile(`(?i)^(?:\s*,\s*|\s*&\s*|\s+and\s+)`)
