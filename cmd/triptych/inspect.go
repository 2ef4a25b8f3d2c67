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
	cmd := &cobra.Command{
		Use:   "inspect FILE",
		Short: "Show what triptych reads from an article",
		Long: `inspect loads an article and shows its title, metadata, comparison table,
sections and terms, with any warnings. Use it to check how a scraped
plain-text table was split into columns.

With --json it prints a stable JSON object with the fields slug, title,
subtitle, updated (YYYY-MM-DD), author, lead, table {subjects, rows [{aspect,
cells}]}, sections [{heading, paragraphs}], terms [{name, definition}],
figure, disclaimer and warnings.`,
		Args: exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			a, err := content.Load(args[0])
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
	return cmd
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
	field("Lead", fmt.Sprintf("%d paragraph(s)", len(s.Lead)))
	fmt.Fprintf(w, "\nTable: %s\n", strings.Join(s.Table.Subjects, " | "))
	for i, r := range s.Table.Rows {
		fmt.Fprintf(w, "  %d. %s\n", i+1, r.Aspect)
		for j, c := range r.Cells {
			fmt.Fprintf(w, "       %s: %s\n", s.Table.Subjects[j], c)
		}
	}
	fmt.Fprintf(w, "\nSections (%d):\n", len(s.Sections))
	for _, sec := range s.Sections {
		fmt.Fprintf(w, "  - %s (%d paragraph(s))\n", sec.Heading, len(sec.Paragraphs))
	}
	fmt.Fprintf(w, "\nTerms (%d):\n", len(s.Terms))
	for _, t := range s.Terms {
		fmt.Fprintf(w, "  - %s\n", t.Name)
	}
	fmt.Fprintln(w)
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
