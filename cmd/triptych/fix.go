package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"
	"github.com/triptych/triptych/content"
	"github.com/triptych/triptych/out"
)

// newFixCommand lists the table rows of a scraped article whose split was
// a guess, and records the user's choice in the sidecar
// "<file>.splits.yaml" that later builds apply.
func newFixCommand() *cobra.Command {
	var row, pick int
	var parts string
	var parse content.ParseOptions
	cmd := &cobra.Command{
		Use:   "fix FILE [--row LINE (--pick N | --parts \"Aspect | cell | cell\")]",
		Short: "Choose the split of scraped table rows that triptych had to guess",
		Long: `fix lists the table rows of a scraped .txt article whose column separators
were lost and whose split is a guess, each with its numbered candidate
splits. With --row and --pick it records candidate N of the row at that
line; with --row and --parts it records the cut you give, the parts
separated by " | ". The choice goes to FILE.splits.yaml, matched to the
row by a hash of its text, and every later build, inspect and convert
uses it.`,
		Args: exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkDateOrder(parse.DateOrder); err != nil {
				return usageError{err}
			}
			if row == 0 && (pick != 0 || parts != "") || row != 0 && (pick == 0) == (parts == "") {
				return usageError{fmt.Errorf("give --row with either --pick or --parts, or neither to list the rows to check")}
			}
			path := args[0]
			side, err := content.LoadSplitOverrides(path)
			if err != nil {
				return err
			}
			if side == nil {
				side = &content.SplitOverrides{Path: content.SplitsPath(path)}
			}
			if row == 0 {
				return listAmbiguousRows(cmd, path, parse)
			}
			// Load without the sidecar so that the candidates are the
			// splitter's own, whatever was chosen before.
			parse.Splits = &content.SplitOverrides{}
			a, err := content.LoadWith(path, parse)
			if err != nil {
				return err
			}
			chosen, err := chooseSplit(a, path, row, pick, parts)
			if err != nil {
				return usageError{err}
			}
			side.Set(row, chosen)
			if err := out.WriteFile(side.Path, side.Marshal(path)); err != nil {
				return err
			}
			cmd.Printf("%s:%d: recorded %s in %s\n", path, row, formatParts(chosen), side.Path)
			return nil
		},
	}
	cmd.Flags().IntVar(&row, "row", 0, "the line of the table row to fix")
	cmd.Flags().IntVar(&pick, "pick", 0, "take candidate split N of the row (as listed)")
	cmd.Flags().StringVar(&parts, "parts", "", `the split to take: aspect and cells separated by " | "`)
	addParseFlags(cmd, &parse)
	return cmd
}

// listAmbiguousRows prints each row whose split was a guess with its
// numbered candidates; the first is the one taken.
func listAmbiguousRows(cmd *cobra.Command, path string, parse content.ParseOptions) error {
	a, err := content.LoadWith(path, parse)
	if err != nil {
		return err
	}
	n := 0
	for _, r := range a.Table.Rows {
		if len(r.Alternatives) == 0 {
			continue
		}
		n++
		cmd.Printf("%s:%d: the split of this row is a guess:\n", path, r.Line)
		for i, alt := range r.Alternatives {
			mark := ""
			if i == 0 {
				mark = "   (taken)"
			}
			cmd.Printf("  %d. %s%s\n", i+1, formatParts(alt), mark)
		}
	}
	if n == 0 {
		cmd.Printf("%s: no table row needs checking\n", path)
		return nil
	}
	cmd.Printf("Record a choice with: triptych fix %s --row LINE --pick N (or --parts \"Aspect | cell | cell\")\n", path)
	return nil
}

// chooseSplit returns the split the user picked for the row at line.
func chooseSplit(a *content.Article, path string, line, pick int, parts string) ([]string, error) {
	var r *content.Row
	for i := range a.Table.Rows {
		if a.Table.Rows[i].Line == line {
			r = &a.Table.Rows[i]
		}
	}
	if r == nil {
		return nil, fmt.Errorf("%s:%d: this line is not a row of the comparison table", path, line)
	}
	current := append([]string{r.Aspect}, r.Cells...)
	if pick > 0 {
		alts := r.Alternatives
		if len(alts) == 0 {
			alts = [][]string{current}
		}
		if pick > len(alts) {
			return nil, fmt.Errorf("%s:%d: the row has %d candidate splits; --pick %d is not one of them", path, line, len(alts), pick)
		}
		return alts[pick-1], nil
	}
	chosen := strings.Split(parts, "|")
	for i := range chosen {
		chosen[i] = strings.TrimSpace(chosen[i])
	}
	if a.Table.Numbered() && len(chosen) == len(a.Table.Subjects) {
		chosen = append([]string{""}, chosen...)
	}
	if len(chosen) != len(current) {
		return nil, fmt.Errorf("%s:%d: --parts gives %d parts; the row needs %d (the aspect and one cell per subject)", path, line, len(chosen), len(current))
	}
	if content.RowText(chosen) != content.RowText(current) {
		return nil, fmt.Errorf("%s:%d: the parts must give the row's words back in order, joined by single spaces", path, line)
	}
	return chosen, nil
}

func formatParts(parts []string) string {
	q := make([]string, len(parts))
	for i, p := range parts {
		q[i] = fmt.Sprintf("%q", p)
	}
	return strings.Join(q, " | ")
}
