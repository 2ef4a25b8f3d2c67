package content

import (
	"strconv"
	"strings"
	"time"
)

// This file reads the dates that scraped pages print under their title, in
// the many ways sites write them: "Apr 21, 2025", "Nov. 19, 2024",
// "Sept 3, 2023", "July 22nd, 2024", "Friday, 12 July 2024",
// "22 Mar, 2024", "2024-11-04", "2024/03/05", "30/01/2024". A numeric date
// whose day and month could be either way round ("03/05/2024") is read in
// the order the caller chose, with a warning.

// dateLabelPattern matches a line that labels a date ("Last Updated :",
// "Published", "Posted on", "Modified:") and captures the rest.
var dateLabelPattern = lazyCompile(`(?i)^(?:last\s+)?(?:updated|published|modified|posted|reviewed|edited|revised|date)(?:\s+(?:on|at))?\s*:?\s*(.+)$`)

var (
	ordinalPattern = lazyCompile(`(?i)\b(\d{1,2})(?:st|nd|rd|th)\b`)
	// timeTail is a time of day after a date, ignored: the article's date
	// is the calendar date as written, never shifted by a time zone.
	timeTail      = lazyCompile(`(?i)(?:\s+at)?\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,5})?$`)
	isoTime       = lazyCompile(`^(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}.*$`)
	numericDate   = lazyCompile(`^(\d{1,4})[/.\-](\d{1,2})[/.\-](\d{1,4})$`)
	dateTokenizer = lazyCompile(`[A-Za-z]+|\d+`)
)

var monthNames = map[string]time.Month{
	"jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
	"may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
	"september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}

var weekdayNames = setOf("mon", "monday", "tue", "tues", "tuesday", "wed", "wednesday", "thu", "thur",
	"thurs", "thursday", "fri", "friday", "sat", "saturday", "sun", "sunday")

// dateReading is the outcome of reading a date: the date, and when the
// text could also be read the other way round, the other reading.
type dateReading struct {
	date      time.Time
	ambiguous bool
	other     time.Time
}

// readDate reads a date written in one of the usual forms. order is "dmy"
// to read an ambiguous numeric date day first; anything else reads it month
// first.
func readDate(s, order string) (dateReading, bool) {
	s = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(s), "."))
	if m := isoTime.FindStringSubmatch(s); m != nil {
		s = m[1]
	}
	s = strings.TrimSpace(timeTail.ReplaceAllString(s, ""))
	if m := numericDate.FindStringSubmatch(s); m != nil {
		return readNumericDate(m[1], m[2], m[3], order)
	}
	s = ordinalPattern.ReplaceAllString(s, "$1")
	tokens := dateTokenizer.FindAllString(s, -1)
	// Everything but the tokens must be punctuation and spaces.
	if len(strings.Join(tokens, "")) == 0 || strings.Trim(dateTokenizer.ReplaceAllString(s, ""), " ,.-/") != "" {
		return dateReading{}, false
	}
	if len(tokens) == 4 && weekdayNames[strings.ToLower(tokens[0])] {
		tokens = tokens[1:]
	}
	if len(tokens) != 3 {
		return dateReading{}, false
	}
	var day, year int
	var month time.Month
	switch {
	case isMonth(tokens[0]) && isNumber(tokens[1]) && isNumber(tokens[2]):
		month, day, year = monthNames[strings.ToLower(tokens[0])], atoi(tokens[1]), atoi(tokens[2])
	case isNumber(tokens[0]) && isMonth(tokens[1]) && isNumber(tokens[2]):
		day, month, year = atoi(tokens[0]), monthNames[strings.ToLower(tokens[1])], atoi(tokens[2])
	case isNumber(tokens[0]) && len(tokens[0]) == 4 && isMonth(tokens[1]) && isNumber(tokens[2]):
		year, month, day = atoi(tokens[0]), monthNames[strings.ToLower(tokens[1])], atoi(tokens[2])
	default:
		return dateReading{}, false
	}
	t, ok := makeDate(year, month, day)
	return dateReading{date: t}, ok
}

// readNumericDate reads a date of three numbers: YYYY-MM-DD, or MM/DD/YYYY
// and DD/MM/YYYY told apart by the values when they can be, else by order.
func readNumericDate(a, b, c, order string) (dateReading, bool) {
	if len(a) == 4 {
		t, ok := makeDate(atoi(a), time.Month(atoi(b)), atoi(c))
		return dateReading{date: t}, ok
	}
	if len(c) != 4 {
		return dateReading{}, false
	}
	year, x, y := atoi(c), atoi(a), atoi(b)
	mdy, okM := makeDate(year, time.Month(x), y)
	dmy, okD := makeDate(year, time.Month(y), x)
	switch {
	case okM && okD && x != y:
		if order == "dmy" {
			return dateReading{date: dmy, ambiguous: true, other: mdy}, true
		}
		return dateReading{date: mdy, ambiguous: true, other: dmy}, true
	case okM:
		return dateReading{date: mdy}, true
	case okD:
		return dateReading{date: dmy}, true
	}
	return dateReading{}, false
}

func makeDate(year int, month time.Month, day int) (time.Time, bool) {
	if year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1 || day > 31 {
		return time.Time{}, false
	}
	t := time.Date(year, month, day, 0, 0, 0, 0, time.UTC)
	if t.Day() != day {
		return time.Time{}, false // 31 April
	}
	return t, true
}

func isMonth(s string) bool { _, ok := monthNames[strings.ToLower(s)]; return ok }

func isNumber(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != "" && len(s) <= 4
}

func atoi(s string) int { n, _ := strconv.Atoi(s); return n }

// looksLikeDate reports a line that is a bare date ("2024/03/05",
// "Monday, March 4, 2024"), as some pages print under the title.
func looksLikeDate(s string) bool {
	_, ok := readDate(s, "")
	return ok
}

// parseDate reads a date in any of the forms readDate knows, numeric dates
// month first; the front matter uses it for dates that are not ISO.
func parseDate(s string) (time.Time, bool) {
	r, ok := readDate(s, "mdy")
	return r.date, ok
}
