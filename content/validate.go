package content

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// finish cleans, validates and names a freshly parsed article.
func finish(a *Article) error {
	a.clean()
	if err := validate(a); err != nil {
		return err
	}
	resolveTakeaways(a)
	slug, changed := Slugify(a.Slug)
	switch {
	case a.Slug == "":
		a.Slug, _ = Slugify(a.Title)
	case changed:
		a.warn(0, "slug %q is not safe as a file name; using %q", a.Slug, slug)
		a.Slug = slug
	}
	return nil
}

func validate(a *Article) error {
	src := a.Source
	if a.Title == "" {
		return errorf(src, 1, "no title: the article must start with its title")
	}
	if n := utf8.RuneCountInString(a.Title); n > MaxTitleChars {
		return kindErrorf(ErrTooLarge, src, 1, "title is %d characters long, more than the limit of %d", n, MaxTitleChars)
	}
	for _, f := range []struct{ name, value string }{
		{"subtitle", a.Subtitle}, {"author", a.Author}, {"figure caption", a.Figure},
		{"table caption", a.Table.Caption},
	} {
		if n := utf8.RuneCountInString(f.value); n > MaxFieldChars {
			return kindErrorf(ErrTooLarge, src, 1, "%s is %d characters long, more than the limit of %d", f.name, n, MaxFieldChars)
		}
	}
	type field struct {
		name, value string
		line        int
	}
	var named []field
	for _, sec := range a.Sections {
		named = append(named, field{"section heading", sec.Heading, sec.Line})
	}
	for _, t := range a.Terms {
		named = append(named, field{"term name", t.Name, t.Line})
	}
	named = append(named, field{"terms heading", a.TermsHeading, 0})
	for _, f := range named {
		if n := utf8.RuneCountInString(f.value); n > MaxFieldChars {
			return kindErrorf(ErrTooLarge, src, f.line, "%s is %d characters long, more than the limit of %d", f.name, n, MaxFieldChars)
		}
	}
	if y := a.Updated.Year(); !a.Updated.IsZero() && (y < MinYear || y > MaxYear) {
		return kindErrorf(ErrTooLarge, src, 1, "date %s is outside the years %d to %d that triptych writes", a.Updated.Format("2006-01-02"), MinYear, MaxYear)
	}
	if n := utf8.RuneCountInString(a.SourceURL); n > MaxURLChars {
		return kindErrorf(ErrTooLarge, src, 1, "source URL is %d characters long, more than the limit of %d", n, MaxURLChars)
	}
	t := &a.Table
	if t.Line == 0 {
		t.Line = 1
	}
	if len(t.Subjects) < 2 {
		return errorf(src, t.Line, "no comparison table: the article needs a table comparing at least two subjects")
	}
	if len(t.Subjects) > MaxSubjects {
		return kindErrorf(ErrTooLarge, src, t.Line, "table compares %d subjects, more than the limit of %d", len(t.Subjects), MaxSubjects)
	}
	seen := map[string]bool{}
	for _, s := range t.Subjects {
		key := strings.ToLower(s)
		if s == "" {
			return errorf(src, t.Line, "table header has an empty subject name")
		}
		if seen[key] {
			return errorf(src, t.Line, "table header names the subject %q twice", s)
		}
		seen[key] = true
	}
	if len(t.Rows) == 0 {
		return errorf(src, t.Line, "comparison table has no rows")
	}
	if len(t.Rows) > MaxRows {
		return kindErrorf(ErrTooLarge, src, t.Rows[MaxRows].Line, "table has %d rows, more than the limit of %d", len(t.Rows), MaxRows)
	}
	for _, r := range t.Rows {
		if r.Aspect == "" && !t.Numbered() {
			return errorf(src, r.Line, "table row has no aspect")
		}
		if len(r.Cells) != len(t.Subjects) {
			return errorf(src, r.Line, "table row has %s, expected %d", plural(len(r.Cells), "cell"), len(t.Subjects))
		}
		for _, c := range append([]string{r.Aspect}, r.Cells...) {
			if n := utf8.RuneCountInString(c); n > MaxCellChars {
				return kindErrorf(ErrTooLarge, src, r.Line, "table cell is %d characters long, more than the limit of %d", n, MaxCellChars)
			}
		}
	}
	return nil
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}
