package content

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file describes the words of a table row for the splitter
// (rowsplit.go): how each word can end or start a cell or an aspect.
// The word lists are ordinary English, not tuned to any article.

// MaxRowWords is the most words an unseparated row may have: the search
// grows with the square of it, and no real comparison row comes close.
const MaxRowWords = 300

// connectors are words a phrase does not end with and a cell does not
// start with.
var connectors = setOf("a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or",
	"per", "than", "the", "to", "versus", "via", "vs", "vs.", "with", "&", "nor", "but", "its", "their",
	"about", "after", "before", "under", "over", "since", "until", "within", "without", "through",
	"between", "among", "across", "around", "against", "during", "like", "toward", "towards", "upon")

// forAdjectives may end an aspect together with "for" ("Best For",
// "Ideal For", "Best Suited For"), the one connector that real aspects end
// with.
var forAdjectives = setOf("best", "ideal", "good", "great", "suited", "suitable", "recommended", "designed",
	"built", "made", "used", "perfect", "right", "better", "fit", "ideally", "intended", "meant", "great")

// openers are words that often open a cell ("Usually $0 to $5", "Yes,
// up to …", "About 13 gallons", "Extra €10") and so rarely end an aspect,
// or, capitalised, end a cell.
var openers = setOf("usually", "often", "typically", "generally", "mostly", "about", "around",
	"approximately", "roughly", "up", "under", "over", "from", "extra", "only", "not", "no", "yes", "none",
	"very", "rarely", "always", "never", "sometimes", "limited", "varies", "depends", "starts", "starting",
	"both", "neither", "either", "just", "still", "also", "much", "optional", "unlimited",
	"occasional", "frequent", "partial", "less", "more",
	"slightly", "somewhat", "fairly", "highly", "equally", "same", "similar", "plus", "free", "low", "high",
	"medium", "moderate", "strong", "weak", "easy", "hard", "fast", "slow", "cheap", "expensive")

// aspectHeads are nouns that commonly end an aspect ("Primary Focus",
// "Salary Range", "Learning Curve"). When a Title Case run could end at
// one of them or run on into the cell, they tip the cut after them.
var aspectHeads = setOf("focus", "goal", "goals", "purpose", "role", "roles", "responsibilities", "duties",
	"tasks", "skills", "skill", "tools", "tool", "stack", "language", "languages", "model", "models",
	"time", "times", "curve", "range", "cost", "costs", "price", "pricing", "salary", "pay", "income",
	"background", "education", "degree", "training", "certification", "certifications", "experience",
	"environment", "setting", "hours", "schedule", "location", "metrics", "metric", "kpis", "output",
	"outputs", "outcome", "outcomes", "fit", "use", "uses", "case", "cases", "approach", "method",
	"methods", "methodology", "process", "strategy", "scope", "scale", "size", "speed", "performance",
	"support", "offering", "offerings", "audience", "users", "customers", "team", "teams",
	"structure", "style", "type", "types", "level", "levels", "impact", "risk", "risks", "benefits",
	"advantages", "disadvantages", "drawbacks", "challenges", "pros", "cons", "features", "feature",
	"requirements", "demand", "outlook", "growth", "path", "paths", "progression", "balance", "stress",
	"collaboration", "communication", "security", "reliability", "availability", "maintenance",
	"deployment", "integration", "ecosystem", "community", "documentation", "licensing", "license",
	"platform", "platforms", "format", "source", "sources", "value", "quality", "accuracy", "flexibility",
	"complexity", "difficulty", "popularity", "adoption", "market", "industry", "industries", "sector",
	"domain", "area", "areas", "specialty", "specialization", "career", "mindset", "philosophy",
	"responsibility", "ownership", "workflow", "workflows", "lifecycle", "concurrency", "typing",
	"syntax", "paradigm", "runtime", "startup", "memory", "storage", "interface", "design", "architecture",
	"testing", "lineage", "packaging", "hosting", "tooling", "monitoring", "logging", "scaling", "caching",
	"onboarding", "hiring", "funding", "governance", "compliance", "pace", "workload", "autonomy",
	"limit", "limits", "fee", "fees", "rate", "rates", "date", "status", "version", "engine", "command",
	"file", "port", "weight", "capacity", "life", "warranty", "rating", "coverage", "plan", "plans",
	"tier", "trial", "usage", "share", "total", "options", "option", "resolver", "manager", "mode",
	"runner", "layout", "lockfile", "insured", "eligible", "needed", "treatment", "distributions",
	"framework", "frameworks", "library", "libraries", "system", "systems", "os", "device", "devices",
	"network", "service", "services", "app", "apps", "option", "choice", "access", "control")

// smallTitleWords may stay lower-case inside a Title Case phrase.
var smallTitleWords = setOf("a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "per", "the",
	"to", "vs", "vs.", "via", "with", "&", "-", "–", "/")

// abbreviations end with a full stop that does not end a sentence.
var abbreviations = setOf("e.g.", "i.e.", "vs.", "approx.", "incl.", "inc.", "ltd.", "co.", "corp.", "dr.",
	"mr.", "mrs.", "ms.", "st.", "no.", "u.s.", "u.k.", "a.m.", "p.m.", "jr.", "sr.", "cf.", "ca.", "fig.", "esp.")

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// wordInfo holds the per-word facts the scorer needs.
type wordInfo struct {
	text        string
	key         string  // lower case, outer punctuation trimmed: "usually", "npm"
	sig         string  // key with each run of digits as "0": "0.0-inch", "$0.00"
	terminal    float64 // how strongly the word ends a sentence: 0, 0.5 (etc.) or 1
	badEnd      bool    // ends with , ; or is a connector: a part cannot end here
	connector   bool
	startShape  shape
	titleWord   bool // may stand in a Title Case phrase
	head        bool // a noun that often ends an aspect
	participle  bool // "Used", "Required": ends an aspect after a noun
	englishLike bool // has an English suffix ("closely", "functional"), unlike "dbt" or "asyncio"
	innerPunct  bool // ends with , ; . ! ? (not allowed inside or at the end of an aspect)
	opener      bool // often opens a cell ("Usually", "Yes", "About")
	codeLike    bool // shaped like a name in code: "node_modules", "fs.glob()", "macOS", "--watch"
	// depth is the nesting of brackets and quotes before the word: no
	// part starts inside them.
	depth int
}

type shape int

const (
	shapeLower   shape = iota // "dbt", "version"
	shapeUpper                // "Designing"
	shapeAcronym              // "IDEs", "CI/CD", "QA"
	shapeNumeric              // "3", "$120k", "€5", "24/7"
	shapeQuote                // "“Move fast”"
	shapeOther
)

func analyseWord(w string) wordInfo {
	info := wordInfo{text: w}
	lower := strings.ToLower(w)
	info.key = strings.Trim(lower, ".,;:!?()[]\"'“”‘’«»")
	info.sig = digitSignature(info.key)
	info.connector = connectors[lower]
	info.head = aspectHeads[strings.TrimRight(lower, ":")]
	info.participle = len(lower) >= 4 && strings.HasSuffix(lower, "ed")
	info.englishLike = hasEnglishSuffix(strings.TrimRight(lower, ".,;:!?)\"'”’"))
	info.opener = openers[info.key]
	info.codeLike = isCodeLike(w)
	core := strings.TrimRight(w, "\"'”’»)]")
	last, _ := utf8.DecodeLastRuneInString(core)
	info.terminal = terminalOf(core, last)
	info.badEnd = info.connector || last == ',' || last == ';' || (last == '-' && len(core) > 1) || last == '/'
	info.innerPunct = last == ',' || last == ';' || info.terminal > 0 || last == '.'
	info.startShape = wordShape(w)
	info.titleWord = info.startShape != shapeLower || smallTitleWords[lower]
	return info
}

// terminalOf says how strongly a word ends a sentence (wordInfo.terminal),
// given the word without closing quotes and brackets, and its last rune.
func terminalOf(core string, last rune) float64 {
	if last != '.' && last != '!' && last != '?' && last != '…' {
		return 0 // (every abbreviation ends with a full stop)
	}
	lower := strings.ToLower(core)
	switch {
	case lower == "etc.":
		return 0.5
	case abbreviations[lower], isInitial(core):
		return 0
	}
	return 1
}

// wordTerminal is analyseWord(w).terminal.
func wordTerminal(w string) float64 {
	core := strings.TrimRight(w, "\"'”’»)]")
	last, _ := utf8.DecodeLastRuneInString(core)
	return terminalOf(core, last)
}

// isCodeLike reports a word shaped like a name in code or a command:
// inner dots, underscores, slashes, colons or brackets ("fs.glob()",
// "node:test", "node_modules"), leading dashes ("--watch"), or a capital
// after lower-case letters ("macOS", "useState").
func isCodeLike(w string) bool {
	w = strings.TrimRight(w, ".,;:!?")
	if strings.HasPrefix(w, "-") && len(w) > 1 {
		return true
	}
	if strings.ContainsAny(w, "_()[]{}=<>@") || strings.Contains(w, "://") {
		return true
	}
	inner := strings.Trim(w, "./:")
	if strings.ContainsAny(inner, "./:") {
		return true
	}
	sawLower := false
	for _, r := range w {
		switch {
		case unicode.IsLower(r):
			sawLower = true
		case unicode.IsUpper(r) && sawLower:
			return true
		}
	}
	return false
}

// englishSuffixes mark ordinary English words. A cell that starts with a
// lower-case word is usually a product name ("dbt", "pytest"); a lower-case
// ordinary word at a cut is more likely the middle of a sentence.
var englishSuffixes = []string{"ly", "al", "ous", "ive", "ing", "tion", "sion", "ment", "ness", "ity", "ed",
	"es", "s", "er", "est", "ful", "less", "able", "ible", "ance", "ence", "ic", "ary", "ory", "ize", "ise", "ure"}

func hasEnglishSuffix(w string) bool {
	if len(w) < 4 {
		return false
	}
	for _, suf := range englishSuffixes {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// isInitial reports a lone capital with a full stop ("J.").
func isInitial(w string) bool {
	r := []rune(w)
	return len(r) == 2 && unicode.IsUpper(r[0]) && r[1] == '.'
}

func wordShape(w string) shape {
	r, _ := utf8.DecodeRuneInString(w)
	switch {
	case strings.ContainsRune("\"'“‘«(", r):
		return shapeQuote
	case unicode.IsDigit(r) || unicode.Is(unicode.Sc, r) || r == '#' || r == '+' || r == '~' || r == '<' || r == '>' || r == '≈':
		return shapeNumeric
	case unicode.IsUpper(r) || unicode.IsTitle(r):
		upper := 0
		for _, c := range w {
			if unicode.IsUpper(c) {
				upper++
			}
		}
		if upper >= 2 {
			return shapeAcronym
		}
		return shapeUpper
	case unicode.IsLower(r):
		return shapeLower
	}
	return shapeOther
}

// rowWords splits a row at single spaces; a piece that is only other
// white space (a no-break space) stays with the word before it, so that no
// cell is ever made of white space alone.
func rowWords(row string) []string {
	var words []string
	for _, f := range strings.Split(row, " ") {
		if n := len(words); n > 0 && strings.TrimSpace(f) == "" {
			words[n-1] += " " + f
			continue
		}
		words = append(words, f)
	}
	return words
}

// markDepths sets each word's bracket and quote nesting. Unbalanced
// brackets are forgiven at the end of the row: when the depth never comes
// back to zero, nothing is marked, so that a stray "(" does not forbid
// every cut.
func markDepths(words []wordInfo) {
	depth, quote := 0, false
	for i := range words {
		words[i].depth = depth
		if quote {
			words[i].depth++
		}
		w := words[i].text
		for j, r := range w {
			switch r {
			case '(', '[', '{', '“':
				depth++
			case ')', ']', '}', '”':
				if depth > 0 {
					depth--
				}
			case '"':
				// A straight quote opens at the start of a word and
				// closes elsewhere.
				quote = j == 0 && !quote
			}
		}
	}
	if depth != 0 || quote {
		for i := range words {
			words[i].depth = 0
		}
	}
}

// digitSignature replaces each run of digits by one "0", so that "13.6-inch"
// and "13.4-inch", or "$6.99" and "$15.49", look alike.
func digitSignature(key string) string {
	var b strings.Builder
	inDigits := false
	for _, r := range key {
		if r >= '0' && r <= '9' {
			if !inDigits {
				b.WriteByte('0')
			}
			inDigits = true
			continue
		}
		inDigits = false
		b.WriteRune(r)
	}
	return b.String()
}
