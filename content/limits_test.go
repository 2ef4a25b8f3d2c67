package content

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

// mdArticle makes a valid Markdown article with the given front matter
// lines and body.
func mdArticle(front, body string) string {
	return "---\ntitle: T\n" + front + "---\n\n" + body + "\n| Aspect | A | B |\n|---|---|---|\n| Goal | x | y |\n"
}

func mdTerm(name string) string {
	return "---\ntitle: T\n---\n" + tableBody + "\n## Related Important Terms\n\n### " + name + "\n\nMeaning.\n"
}

func mdHeading(h string) string {
	return "---\ntitle: T\n---\n" + tableBody + "\n## " + h + "\n\nText.\n"
}

// guessedTable is a scraped table whose rows lost their separators.
func guessedTable(rows int) string {
	var b strings.Builder
	b.WriteString("Alpha vs Beta\n\nAspect Alpha Beta\n")
	for r := range rows {
		fmt.Fprintf(&b, "Point Number %d Fast and cheap. Slow but sturdy.\n", r)
	}
	return b.String()
}

func txtTable(subjects, rows int, cell string) string {
	var b strings.Builder
	names := make([]string, subjects)
	for i := range names {
		names[i] = fmt.Sprintf("S%d", i)
	}
	b.WriteString(strings.Join(names, " vs ") + "\n\nAspect\t" + strings.Join(names, "\t") + "\n")
	for r := range rows {
		fmt.Fprintf(&b, "Row %d", r)
		for range subjects {
			b.WriteString("\t" + cell)
		}
		b.WriteString("\n")
	}
	return b.String()
}

// padTo grows a Markdown article with paragraph lines to exactly n bytes.
func padTo(t *testing.T, base string, n int) string {
	t.Helper()
	var b strings.Builder
	b.WriteString(base)
	for b.Len() < n {
		need := n - b.Len()
		line := min(need, 1000)
		if line < 2 {
			b.WriteString(strings.Repeat("\n", need))
			break
		}
		b.WriteString(strings.Repeat("p", line-2) + "\n\n")
	}
	s := b.String()
	if len(s) != n {
		t.Fatalf("padded to %d, want %d", len(s), n)
	}
	return s
}

// TestLimits checks every input limit at the limit (accepted) and one past
// it (a clear error naming the limit).
func TestLimits(t *testing.T) {
	cases := []struct {
		name       string
		name2      string
		atLimit    string
		pastLimit  string
		wantInPast string
	}{
		{"file size", "a.txt", padTo(t, txtTable(2, 1, "c")+"\n", MaxFileBytes), padTo(t, txtTable(2, 1, "c")+"\n", MaxFileBytes+1), "larger than the limit of 2.0 MiB"},
		{"line length", "a.md", mdArticle("", strings.Repeat("w", MaxLineBytes)+"\n"), mdArticle("", strings.Repeat("w", MaxLineBytes+1)+"\n"), "longer than the limit of 64.0 KiB"},
		{"front matter", "a.md", mdArticle(frontMatterFill(MaxFrontMatterBytes-len("title: T\n")), ""),
			mdArticle(frontMatterFill(MaxFrontMatterBytes-len("title: T\n")+1), ""), "front matter larger than 64.0 KiB"},
		{"body", "a.md", "---\ntitle: T\n---\n" + bodyOf(MaxBodyBytes), "---\ntitle: T\n---\n" + bodyOf(MaxBodyBytes+1), "body larger than 1.0 MiB"},
		{"nesting", "a.md", mdArticle("", strings.Repeat("> ", MaxNesting)+"x\n"), mdArticle("", strings.Repeat("> ", MaxNesting+1)+"x\n"), "nesting deeper than 32"},
		{"title", "a.md", "---\ntitle: " + strings.Repeat("t", MaxTitleChars) + "\n---\n\n| A | B | C |\n|-|-|-|\n| x | y | z |\n",
			"---\ntitle: " + strings.Repeat("t", MaxTitleChars+1) + "\n---\n\n| A | B | C |\n|-|-|-|\n| x | y | z |\n", "title is 301 characters long"},
		{"subjects", "a.txt", txtTable(MaxSubjects, 1, "c"), txtTable(MaxSubjects+1, 1, "c"), "6 subjects"},
		{"term name", "a.md", mdTerm(strings.Repeat("n", MaxFieldChars)), mdTerm(strings.Repeat("n", MaxFieldChars+1)), fmt.Sprintf("term name is %d characters long", MaxFieldChars+1)},
		{"heading", "a.md", mdHeading(strings.Repeat("h", MaxFieldChars)), mdHeading(strings.Repeat("h", MaxFieldChars+1)), fmt.Sprintf("section heading is %d characters long", MaxFieldChars+1)},
		{"year", "a.md", "---\ntitle: T\ndate: 2200-12-31\n---\n" + tableBody, "---\ntitle: T\ndate: 2201-01-01\n---\n" + tableBody, "outside the years 1900 to 2200"},
		{"guessed rows", "a.txt", guessedTable(MaxGuessedRows), guessedTable(MaxGuessedRows + 1), fmt.Sprintf("%d rows whose columns lost their separators", MaxGuessedRows+1)},
		{"rows", "a.txt", txtTable(2, MaxRows, "c"), txtTable(2, MaxRows+1, "c"), fmt.Sprintf("%d rows, more than the limit of %d", MaxRows+1, MaxRows)},
		{"cell", "a.txt", txtTable(2, 1, strings.Repeat("c", MaxCellChars)), txtTable(2, 1, strings.Repeat("c", MaxCellChars+1)), "2001 characters long"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if _, err := Parse(c.name2, []byte(c.atLimit)); err != nil {
				t.Errorf("at the limit: %v", err)
			}
			_, err := Parse(c.name2, []byte(c.pastLimit))
			if err == nil || !strings.Contains(err.Error(), c.wantInPast) {
				t.Errorf("past the limit: %v, want %q", err, c.wantInPast)
			}
			if err != nil && !errors.Is(err, ErrTooLarge) {
				t.Errorf("past the limit: %v is not ErrTooLarge", err)
			}
		})
	}
}

// frontMatterFill returns YAML comment lines totalling n bytes (comments
// are the only way to a large front matter within the field limits).
func frontMatterFill(n int) string {
	var b strings.Builder
	for b.Len() < n {
		line := min(n-b.Len(), 200)
		if line < 3 {
			b.WriteString(strings.Repeat("\n", n-b.Len()))
			break
		}
		b.WriteString("#" + strings.Repeat("y", line-2) + "\n")
	}
	return b.String()
}

// bodyOf returns a Markdown body (with a table) of exactly n bytes.
func bodyOf(n int) string {
	table := "| Aspect | A | B |\n|---|---|---|\n| Goal | x | y |\n"
	var b strings.Builder
	for b.Len()+len(table) < n {
		line := min(n-len(table)-b.Len(), 1000)
		if line < 3 {
			b.WriteString(strings.Repeat("\n", n-len(table)-b.Len()))
			break
		}
		b.WriteString(strings.Repeat("b", line-2) + "\n\n")
	}
	return b.String() + table
}
