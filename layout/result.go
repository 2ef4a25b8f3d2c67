package layout

import (
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/triptych/triptych/content"
	"github.com/triptych/triptych/layout/fonts"
)

// Warning is a problem with an article, located in its source. It is the
// content stage's type under a name of this stage, so that painters
// report problems without importing content.
type Warning = content.Warning

// NewWarning makes a warning at path:line.
func NewWarning(path string, line int, format string, args ...any) Warning {
	return content.NewWarning(path, line, format, args...)
}

// Options are the choices that shape one article's outputs. The zero value
// is the light theme, the "poster" size and A4 paper, laying out nothing:
// set the parts the formats to build need.
type Options struct {
	Theme   string   // "light" or "dark"; the article's front matter wins
	Size    string   // a preset of PosterSizes; "" means "poster"
	Paper   string   // "a4" (default) or "letter"
	Accents []string // subject colours "#RRGGBB", after the article's own
	Scale   int      // pixels per point of the PNG (1, 2 or 3); bounds the poster's height
	// Typography "plain" keeps straight quotes in the drawn outputs; by
	// default the poster and the handout show typographic quotes.
	Typography string
	// Brand is the publisher shown in the poster's footer when the article
	// names none (triptych.yaml "brand:").
	Brand Brand
	// NoTakeaways leaves the poster's "Which to pick" cards out.
	NoTakeaways bool
	Version     string // the tool version written into file metadata
	// Scorecard adds the workbook's Scorecard sheet (render.Options keeps
	// it on by default).
	Scorecard bool
	// Fonts are fallback fonts (fonts.Register) for the characters the
	// embedded faces lack, in order. They are process-wide: Layout makes
	// them the chain of fonts.SetFallbacks, so builds running at once in
	// one process must use the same fonts.
	Fonts []fonts.Face
	// Lang is the language of an article that does not say (--lang).
	Lang string

	// Parts choose what to lay out.
	Parts
}

// Parts are the parts of a layout result. The handout places the poster
// as its figure, so asking for it lays the poster out too.
type Parts struct {
	Poster, Handout, Workbook bool
}

// Meta is what every output says about the article, decided once.
type Meta struct {
	// Source names the article's file in warnings.
	Source                                   string
	Slug, Title, Subtitle, Author, SourceURL string
	// Figure is the caption the article gives its infographic.
	Figure string
	// Keywords are the document keywords (see Keywords).
	Keywords []string
	// Updated is the article's date, zero when it gives none; UpdatedText
	// is that date as every output shows it ("21 April 2025"), or "".
	Updated     time.Time
	UpdatedText string
	// Stamp dates the files' metadata: the article's date, else
	// SOURCE_DATE_EPOCH, else 1980-01-01; never the clock.
	Stamp time.Time
	// Lang is the article's language (BCP 47), "en" when it does not say.
	Lang string
	// Creator is "triptych <version>".
	Creator string
	// AltText describes the infographic in sentences, with the characters
	// the author wrote (also those the fonts cannot draw).
	AltText string
	// AspectLabel heads the comparison's first column: the article's own
	// label, else "Aspect".
	AspectLabel string
	// Theme is the poster's theme after the article's and the options'
	// choices ("light" or "dark").
	Theme string
}

// Result is one article laid out for every format asked for: the single
// source the painters paint, so that the assets of an article cannot
// disagree on its dates, theme, colours, labels or warnings.
type Result struct {
	Meta     Meta
	Poster   *Document // the infographic, when asked for
	Handout  *Document // the paginated handout, when asked for
	Workbook *Workbook // the spreadsheet, when asked for
	// Warnings are every problem found, each once, in the order found.
	Warnings []Warning
}

// Brand is a publisher's name, address and logo (PNG bytes and size).
type Brand struct {
	Name, URL    string
	Logo         []byte
	LogoW, LogoH int
}

// brandOf is the article's brand, else the options'.
func brandOf(a *content.Article, opts Options) Brand {
	if b := a.Brand; b.Name != "" || b.URL != "" || len(b.Logo) > 0 {
		return Brand{Name: b.Name, URL: b.URL, Logo: b.Logo, LogoW: b.LogoW, LogoH: b.LogoH}
	}
	return opts.Brand
}

// DefaultLabel heads the comparison's first column when the article gives
// no label.
const DefaultLabel = "Aspect"

// Stamp years outside this range are not plausible document dates.
const (
	minStampYear = 1900
	maxStampYear = 2200
)

// Layout lays out an article once for every part opts asks for: the text
// is sanitised once, the theme, the subjects' colours, the dates and the
// labels are resolved once, and the handout places the very poster the
// infographic shows.
func Layout(a *content.Article, opts Options) (*Result, error) {
	if !slices.Equal(fonts.Fallbacks(), opts.Fonts) {
		if err := fonts.SetFallbacks(opts.Fonts); err != nil {
			return nil, err
		}
	}
	if a.Lang == "" && opts.Lang != "" {
		c := *a
		c.Lang = opts.Lang
		a = &c
	}
	res := &Result{}
	seen := map[string]bool{}
	warn := func(ws ...Warning) {
		for _, w := range ws {
			if k := w.String(); !seen[k] {
				seen[k] = true
				res.Warnings = append(res.Warnings, w)
			}
		}
	}
	warn(a.Warnings...)
	a = numberRows(a)
	clean, ws := SanitizeText(a)
	warn(ws...)
	if opts.Typography != "plain" {
		clean = smartQuotes(clean)
	}
	th, err := posterTheme(a, opts.Theme)
	if err != nil {
		return nil, err
	}
	th, cw := subjectColours(th, clean, opts.Accents)
	warn(cw...)
	res.Meta = metaOf(a, th, opts, warn)
	if opts.Poster || opts.Handout {
		if res.Poster, err = posterFor(clean, th, opts.Size, opts.Scale, brandOf(a, opts), opts.NoTakeaways); err != nil {
			return nil, err
		}
		warn(res.Poster.Warnings...)
	}
	// Print and spreadsheets are always light; their tables take the
	// subjects' colours with the same accents as the poster.
	light, _ := subjectColours(Light, clean, opts.Accents)
	if opts.Handout {
		if res.Handout, err = handoutFor(clean, light, opts.Paper, res.Poster); err != nil {
			return nil, err
		}
		warn(res.Handout.Warnings...)
	}
	if opts.Workbook {
		res.Workbook = workbookFor(a, res.Meta, light.Subjects, opts.Scorecard)
	}
	return res, nil
}

// numberRows gives the rows of an index-numbered table ("S.No.", "#")
// their numbers as aspects, in every output alike.
func numberRows(a *content.Article) *content.Article {
	if !a.Table.Numbered() {
		return a
	}
	c := a.Clone()
	for i := range c.Table.Rows {
		c.Table.Rows[i].Aspect = strconv.Itoa(i + 1)
	}
	return c
}

// metaOf resolves what every output says about the article.
func metaOf(a *content.Article, th Theme, opts Options, warn func(...Warning)) Meta {
	m := Meta{
		Source: a.Source, Slug: a.Slug, Title: a.Title, Subtitle: a.Subtitle, Author: a.Author,
		SourceURL: a.SourceURL, Figure: a.Figure, Keywords: Keywords(a), Updated: a.Updated,
		Creator: "triptych " + opts.Version, AltText: AltText(a), AspectLabel: a.Table.Label, Theme: th.Name,
		Lang: a.Lang,
	}
	if m.Lang == "" {
		m.Lang = "en"
	}
	if m.AspectLabel == "" {
		m.AspectLabel = DefaultLabel
	}
	if !a.Updated.IsZero() {
		m.UpdatedText = UpdatedText(a.Updated)
	}
	m.Stamp = a.Updated
	if m.Stamp.IsZero() {
		var w string
		m.Stamp, w = sourceDateEpoch(os.Getenv("SOURCE_DATE_EPOCH"))
		if w != "" {
			warn(NewWarning(a.Source, 0, "%s", w))
		}
	}
	return m
}

// UpdatedText is how every output writes an article's date.
func UpdatedText(t time.Time) string { return t.Format("2 January 2006") }

// defaultStamp dates files when neither the article nor the environment
// gives a date.
var defaultStamp = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)

// sourceDateEpoch reads SOURCE_DATE_EPOCH (seconds since 1970, as the
// reproducible-builds convention has it). A value that is not a number, or
// a date outside 1900–2200, is ignored with a warning.
func sourceDateEpoch(s string) (time.Time, string) {
	s = strings.TrimSpace(s)
	if s == "" {
		return defaultStamp, ""
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return defaultStamp, fmt.Sprintf("SOURCE_DATE_EPOCH %q is not a number of seconds; files are dated 1980-01-01", s)
	}
	const lo, hi = -2208988800, 7258118400 // 1900-01-01 and 2200-01-01
	if n < lo || n >= hi {
		return defaultStamp, fmt.Sprintf("SOURCE_DATE_EPOCH %s is outside %d–%d; files are dated 1980-01-01", s, minStampYear, maxStampYear-1)
	}
	return time.Unix(n, 0).UTC(), ""
}
