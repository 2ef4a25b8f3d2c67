package main

import (
	"github.com/spf13/cobra"
	"github.com/triptych/triptych/content"
	"github.com/triptych/triptych/out"
)

func newConvertCommand() *cobra.Command {
	var output string
	var parse content.ParseOptions
	cmd := &cobra.Command{
		Use:   "convert FILE",
		Short: "Write an article (for example a scraped .txt) in triptych's Markdown format",
		Long: `convert loads an article and writes it as Markdown with YAML front matter,
the format to edit by hand. Loading the Markdown gives the same article.
Without -o the Markdown goes to standard output.`,
		Args: exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkDateOrder(parse.DateOrder); err != nil {
				return usageError{err}
			}
			a, err := content.LoadWith(args[0], parse)
			if err != nil {
				return err
			}
			for _, w := range a.Warnings {
				cmd.PrintErrln("warning:", w.String())
			}
			md := content.MarshalMarkdown(a)
			if output == "" || output == "-" {
				_, err := cmd.OutOrStdout().Write(md)
				return err
			}
			return out.WriteFile(output, md)
		},
	}
	cmd.Flags().StringVarP(&output, "output", "o", "", "write to this file instead of standard output")
	addParseFlags(cmd, &parse)
	return cmd
}
