package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"
	"github.com/triptych/triptych/content"
)

func newInspectCommand() *cobra.Command {
	var asJSON bool
	var parse content.ParseOptions
	cmd := &cobra.Command{
		Use:   "inspect FILE",
		Short: "Show what triptych reads from an article",
		Long: `inspect loads an article and shows its title, metadata, comparison table,
sections and terms, with any warnings. Use it to check how a scraped
plain-text table was split into columns.

With --json it prints a stable JSON object with the fields slug, title,
subtitle, updated (YYYY-MM-DD), author, lead, table {subjects, rows [{aspect,
cells, alternatives}], label, choice}, sections [{heading, paragraphs, level,
lists, tables}], terms [{name, definition}], figure, disclaimer, warnings,
keywords, ignored_keys, draft, notes [{number, text}], lead_lists,
takeaways [{subject, text}] and, when the article gives it, lang.`,
		Args: exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkDateOrder(parse.DateOrder); err != nil {
				return usageError{err}
			}
			a, err := content.LoadWith(args[0], parse)
			if err != nil {
				return err
			}
			s := content.Summarize(a)
			if asJSON {
				enc := json.NewEncoder(cmd.OutOrStdout())
				enc.SetIndent("", "  ")
				enc.SetEscapeHTML(false)
				return enc.Encode(s)
			}
			printSummary(cmd.OutOrStdout(), s)
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON for scripts")
	addParseFlags(cmd, &parse)
	return cmd
}

// addParseFlags adds the flags that change how an article is read.
func addParseFlags(cmd *cobra.Command, parse *content.ParseOptions) {
	cmd.Flags().BoolVar(&parse.Strict, "strict", false, "make front-matter keys that triptych does not use errors")
	cmd.Flags().StringVar(&parse.DateOrder, "date-order", "mdy", "how to read a date like 03/05/2024 in scraped text: mdy or dmy")
}

func checkDateOrder(o string) error {
	if o != "mdy" && o != "dmy" {
		return fmt.Errorf("date order %q: use mdy or dmy", o)
	}
	return nil
}

func printSummary(w io.Writer, s content.Summary) {
	field := func(name, value string) {
		if value == "" {
			value = "—"
		}
		fmt.Fprintf(w, "%-10s %s\n", name+":", value)
	}
	field("Title", s.Title)
	field("Subtitle", s.Subtitle)
	field("Slug", s.Slug)
	field("Updated", s.Updated)
	field("Author", s.Author)
	field("Keywords", strings.Join(s.Keywords, ", "))
	if s.Draft {
		field("Draft", "yes: build leaves it out unless --drafts")
	}
	if len(s.IgnoredKeys) > 0 {
		field("Ignored", strings.Join(s.IgnoredKeys, ", ")+" (front-matter keys triptych does not use)")
	}
	field("Lead", fmt.Sprintf("%d paragraph(s), %d list(s)", len(s.Lead), len(s.LeadLists)))
	fmt.Fprintf(w, "\nTable: %s\n", strings.Join(s.Table.Subjects, " | "))
	if s.Table.Choice != "" {
		fmt.Fprintf(w, "  (%s)\n", s.Table.Choice)
	}
	for i, r := range s.Table.Rows {
		fmt.Fprintf(w, "  %d. %s\n", i+1, r.Aspect)
		for j, c := range r.Cells {
			fmt.Fprintf(w, "       %s: %s\n", s.Table.Subjects[j], strings.ReplaceAll(c, "\n", " ⏎ "))
		}
		for k, alt := range r.Alternatives {
			label := "taken"
			if k > 0 {
				label = "or"
			}
			fmt.Fprintf(w, "       split %d (%s): %s\n", k+1, label, strings.Join(alt, " | "))
		}
	}
	fmt.Fprintf(w, "\nSections (%d):\n", len(s.Sections))
	for _, sec := range s.Sections {
		indent := "  - "
		if sec.Level > 0 {
			indent = "      - "
		}
		fmt.Fprintf(w, "%s%s (%d paragraph(s), %d list(s), %d table(s))\n", indent, sec.Heading, len(sec.Paragraphs), len(sec.Lists), len(sec.Tables))
	}
	fmt.Fprintf(w, "\nTerms (%d):\n", len(s.Terms))
	for _, t := range s.Terms {
		fmt.Fprintf(w, "  - %s\n", t.Name)
	}
	fmt.Fprintln(w)
	if len(s.Takeaways) > 0 {
		fmt.Fprintf(w, "Takeaways (the poster's \"Which to pick\" cards):\n")
		for _, t := range s.Takeaways {
			fmt.Fprintf(w, "  %s: %s\n", t.Subject, t.Text)
		}
		fmt.Fprintln(w)
	}
	if len(s.Notes) > 0 {
		fmt.Fprintf(w, "Notes (%d):\n", len(s.Notes))
		for _, n := range s.Notes {
			fmt.Fprintf(w, "  %d. %s\n", n.Number, shorten(n.Text, 70))
		}
		fmt.Fprintln(w)
	}
	field("Figure", s.Figure)
	field("Disclaimer", shorten(s.Disclaimer, 70))
	if len(s.Warnings) > 0 {
		fmt.Fprintf(w, "\nWarnings (%d):\n", len(s.Warnings))
		for _, warn := range s.Warnings {
			fmt.Fprintf(w, "  %s\n", warn)
		}
	}
}

func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
