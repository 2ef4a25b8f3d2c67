package content

import (
	"strings"
	"unicode"
)

// This file recognises page furniture in scraped text: the lines a web
// page shows around an article that are not part of it (share bars,
// "Read more: …" links, "8 min read", cookie banners, newsletter prompts,
// breadcrumbs, lone button labels, comment counts, tables of contents,
// "You May Also Like" lists, author boxes, the site's name). Each dropped
// line is reported by a warning that names it, so that nothing disappears
// without a word.

// buttonLabels are the labels of buttons and links that stand alone on
// their line when a page is copied as text.
var buttonLabels = setOf("like", "save", "share", "report", "improve", "open in app", "listen",
	"listen to this article", "listen to article", "print", "follow", "tweet", "pin", "pin it", "email",
	"e-mail", "copy link", "copy url", "facebook", "twitter", "x", "linkedin", "reddit", "whatsapp",
	"pinterest", "telegram", "flipboard", "shop now", "buy now", "check price", "see price", "view deal",
	"back to top", "skip to content", "skip to main content", "more info", "next article",
	"previous article", "next post", "previous post", "read more", "learn more", "comment",
	"comments", "leave a comment", "leave a reply", "post a comment", "add a comment", "no comment yet",
	"no comments yet", "no comments", "be the first to comment", "advertisement", "sponsored",
	"sponsored content", "ad", "subscribe", "sign up", "sign in", "log in", "menu", "search", "close",
	"bookmark", "save article", "share article", "share this", "share this article", "share this post",
	"share this page", "show comments", "view comments", "print this page", "gift this article", "upvote")

// networkNames are the social networks a share bar lists.
var networkNames = setOf("facebook", "twitter", "x", "linkedin", "reddit", "whatsapp", "pinterest",
	"email", "e-mail", "telegram", "pocket", "flipboard", "tumblr", "threads", "mastodon", "bluesky",
	"mail", "messenger", "sms", "print", "copy", "link", "hacker", "news", "instagram", "youtube", "tiktok")

// buttonWords may follow a banner's sentence as its buttons
// ("… Accept Decline", "Was this article helpful? Yes No").
var buttonWords = setOf("yes", "no", "accept", "decline", "reject", "all", "ok", "okay", "got", "it",
	"it!", "subscribe", "manage", "preferences", "close", "dismiss", "continue", "agree", "allow",
	"settings", "cookies", "learn", "more", "i", "understand", "essential", "only", "necessary")

var (
	minReadPattern   = lazyCompile(`(?i)^\d+\s*(?:-|–)?\s*(?:min|mins|minute|minutes)\.?\s+(?:read|reading time|listen)$`)
	countPattern     = lazyCompile(`(?i)^[\d.,]+\s*[km]?\s+(?:comments?|responses?|replies|reply|followers?|shares?|likes?|views?|claps?)$`)
	readMorePattern  = lazyCompile(`(?i)^(?:read more|related|also read|see also|read also|recommended|read next|further reading|more|you might also like|suggested|don't miss|check out)\s*:\s*\S`)
	cookiePattern    = lazyCompile(`(?i)\bcookies?\b`)
	consentPattern   = lazyCompile(`(?i)\b(?:accept|decline|reject|got it|agree|consent|preferences|allow|manage|settings|uses? cookies|opt out)\b`)
	newsletterWords  = lazyCompile(`(?i)\bnewsletter\b|\binbox\b`)
	subscribeWords   = lazyCompile(`(?i)\b(?:subscribe|sign up|join|get|never miss|delivered)\b`)
	affiliatePat     = lazyCompile(`(?i)^(?:affiliate\s+)?disclosure\s*:|\bmay (?:earn|receive|get) (?:a )?(?:small )?(?:commission|compensation|affiliate)`)
	reviewerPattern  = lazyCompile(`(?i)^(?:medically\s+|expert\s+)?(?:reviewed|fact[- ]checked|edited|verified|checked)\s+by\s+\S`)
	tagsPattern      = lazyCompile(`(?i)^(?:posted in|filed under|tags?|categories|category|topics?)\s*:\s*\S`)
	crumbSeparators  = lazyCompile(`\s+(?:>|»|›|→|/|\\)\s+`)
	sentenceThenTail = lazyCompile(`^(.*[.!?])\s+([^.!?]+)$`)
	tocLabelPattern  = lazyCompile(`(?i)^(?:table of contents|contents|in this article|in this post|in this guide|on this page|jump to|jump to section|quick links|what's inside|article contents|skip to section)\s*[:.]?$`)
	relatedPattern   = lazyCompile(`(?i)^(?:you may also like|you might also like|related posts|related articles|related reading|related stories|related guides|related content|more from\s+.{1,60}|similar reads|similar posts|similar articles|recommended(?: for you| reading| articles| posts| stories)?|read next|up next|popular posts|popular articles|trending(?: now| posts| articles)?|more stories|more articles|more to read|next article|previous article|keep reading|latest posts|latest articles|most popular|most read|editor's picks)\s*[:.]?$`)
	authorBoxPattern = lazyCompile(`(?i)^about the authors?\s*[.:]?$`)
	writtenByPattern = lazyCompile(`^(?i:written by|posted by|author:)\s+\p{Lu}[^.!?]{0,60}$`)
)

// lineFurniture returns, for a line that is page furniture whatever its
// place in the page, a short description of what it is; otherwise "".
func lineFurniture(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	core := strings.ToLower(strings.Trim(s, " «»‹›<>→←|·•…:"))
	words := strings.Fields(s)
	switch {
	case buttonLabels[core]:
		return "a button label"
	case isShareBar(core):
		return "a share bar"
	case minReadPattern.MatchString(s):
		return "a reading time"
	case countPattern.MatchString(s):
		return "a comment or follower count"
	case readMorePattern.MatchString(s) && len(words) <= 20:
		return "a link to another article"
	case cookiePattern.MatchString(s) && consentPattern.MatchString(s) && len(words) <= 60:
		return "a cookie banner"
	case newsletterWords.MatchString(s) && subscribeWords.MatchString(s) && len(words) <= 20,
		isSubscribePrompt(s, words):
		return "a newsletter prompt"
	case affiliatePat.MatchString(s) && len(words) <= 60:
		return "an affiliate disclosure"
	case reviewerPattern.MatchString(s) && len(words) <= 12:
		return "a reviewer line"
	case tagsPattern.MatchString(s) && len(words) <= 15:
		return "a tag line"
	case isBreadcrumb(s):
		return "a breadcrumb"
	case isBannerWithButtons(s):
		return "a banner"
	}
	return ""
}

// isShareBar reports "Share: Facebook Twitter", "Share on Facebook",
// "Facebook Twitter Pinterest Email": a share prefix and network names
// only.
func isShareBar(core string) bool {
	rest := core
	shared := false
	for _, prefix := range []string{"share this article", "share this post", "share this story", "share this",
		"share article", "share on", "share via", "share to", "share", "follow us on", "follow us"} {
		if strings.HasPrefix(rest, prefix) {
			rest, shared = strings.TrimLeft(rest[len(prefix):], " :-–"), true
			break
		}
	}
	words := strings.FieldsFunc(rest, func(r rune) bool { return r == ' ' || r == ',' || r == '|' || r == '·' || r == '/' })
	if len(words) == 0 {
		return shared && rest == ""
	}
	for _, w := range words {
		if !networkNames[w] {
			return false
		}
	}
	return shared || len(words) >= 2
}

// isSubscribePrompt reports a short line that asks the reader to subscribe
// or ends with a lone "Subscribe" button.
func isSubscribePrompt(s string, words []string) bool {
	if len(words) > 15 {
		return false
	}
	lower := strings.ToLower(s)
	last := strings.ToLower(strings.TrimRight(words[len(words)-1], "!."))
	return strings.HasPrefix(lower, "subscribe to ") || strings.HasPrefix(lower, "sign up for ") ||
		(last == "subscribe" && len(words) > 1 && strings.ContainsAny(s, ".!?"))
}

// isBreadcrumb reports "Home > Cloud > Comparisons": short segments joined
// by arrows, at least three, or two starting with "Home".
func isBreadcrumb(s string) bool {
	parts := crumbSeparators.Split(s, -1)
	if len(parts) < 2 || (len(parts) == 2 && !strings.EqualFold(strings.TrimSpace(parts[0]), "home")) {
		return false
	}
	if strings.ContainsAny(s[len(s)-1:], ".!?,;") {
		return false
	}
	for _, p := range parts {
		if n := len(strings.Fields(p)); n == 0 || n > 5 {
			return false
		}
	}
	return true
}

// isBannerWithButtons reports a sentence followed by the labels of its
// buttons ("Was this article helpful? Yes No") or by a short call to
// action ("Open enrollment ends Jan 15. Compare plans now").
func isBannerWithButtons(s string) bool {
	m := sentenceThenTail.FindStringSubmatch(s)
	if m == nil {
		return false
	}
	tail := strings.Fields(m[2])
	if len(tail) == 0 || len(tail) > 4 || len(strings.Fields(m[1])) > 30 {
		return false
	}
	if r := []rune(m[2]); !unicode.IsUpper(r[0]) {
		return false
	}
	all := true
	for _, w := range tail {
		if !buttonWords[strings.ToLower(w)] {
			all = false
		}
	}
	last := strings.ToLower(tail[len(tail)-1])
	return all || last == "now" || last == "today" || last == "here"
}

// isSilentFurniture reports the furniture that the README documents as part
// of the usual page shape (the repeated title, an empty "About the author."
// and the comment box); it is dropped without a warning, as it always was.
func isSilentFurniture(s, title string) bool {
	core := strings.ToLower(strings.TrimRight(s, ".: "))
	return s == title || core == "about the author" || core == "comments" || core == "no comment yet"
}

// markPlacedFurniture marks the furniture that shows by its place in the
// page: the title or the site's name repeated, a table of contents above
// the table, lists of other articles under a label ("You May Also Like"),
// and author boxes ("About the author" with a short biography, "Written
// by …" after the article).
func (p *textParser) markPlacedFurniture(header int) {
	title := p.lines[p.titleIdx].text
	site := map[string]bool{}
	for i := 0; i < p.titleIdx; i++ {
		if t := p.lines[i].text; t != "" && len(strings.Fields(t)) <= 5 {
			site[strings.ToLower(t)] = true
		}
	}
	for i := p.bodyStart; i < len(p.lines); i++ {
		t := p.lines[i].text
		switch {
		case t == "":
		case t == title && i != p.titleIdx:
			p.drop[i] = "the title repeated"
		case site[strings.ToLower(t)]:
			p.drop[i] = "the site's name"
		case tocLabelPattern.MatchString(t) && i < header:
			i = p.dropList(i, "a table of contents")
		case relatedPattern.MatchString(t):
			i = p.dropList(i, "a list of other articles")
		case authorBoxPattern.MatchString(t):
			i = p.dropAuthorBox(i)
		case writtenByPattern.MatchString(t):
			p.drop[i] = "an author box"
		}
	}
}

// dropList drops a label line and the list under it: the rest of its
// block, or, when the label stands alone, the next block if it is made of
// short title-like lines. It returns the last line dropped.
func (p *textParser) dropList(i int, why string) int {
	p.drop[i] = why
	end := i
	for j := i + 1; j < len(p.lines) && p.lines[j].text != ""; j++ {
		if !isTitleLike(p.lines[j].text) {
			return end
		}
		p.drop[j], end = why, j
	}
	if end > i {
		return end
	}
	start := i + 1
	for start < len(p.lines) && p.lines[start].text == "" {
		start++
	}
	stop := start
	for stop < len(p.lines) && p.lines[stop].text != "" {
		if !isTitleLike(p.lines[stop].text) {
			return i
		}
		stop++
	}
	lastBlock := p.nextKept(stop) < 0
	if stop-start < 2 && !lastBlock {
		return i
	}
	for j := start; j < stop; j++ {
		p.drop[j] = why
	}
	return max(i, stop-1)
}

// isTitleLike reports a line that can be the title of another article or
// an entry of a table of contents: short, and not a sentence.
func isTitleLike(s string) bool {
	if m := listLinePattern.FindStringSubmatch(s); m != nil {
		s = m[3]
	}
	return len(strings.Fields(s)) <= 16 && !strings.HasSuffix(s, ".")
}

// dropAuthorBox drops "About the author" and the biography under it: the
// rest of its block, or the next block when it starts with the author's
// name. It returns the last line dropped.
func (p *textParser) dropAuthorBox(i int) int {
	p.drop[i] = "an author box"
	end := i
	for j := i + 1; j < len(p.lines) && p.lines[j].text != ""; j++ {
		p.drop[j], end = "an author box", j
	}
	if end > i {
		return end
	}
	j := p.nextKept(i + 1)
	if j < 0 || p.a.Author == "" {
		return i
	}
	name := strings.Fields(p.a.Author)[0]
	if !strings.HasPrefix(p.lines[j].text, name+" ") {
		return i
	}
	for ; j < len(p.lines) && p.lines[j].text != ""; j++ {
		p.drop[j], end = "an author box", j
	}
	return end
}
