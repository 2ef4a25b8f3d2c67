package main

import (
	"fmt"
	"runtime"

	"github.com/spf13/cobra"
	"github.com/triptych/triptych"
)

func newVersionCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the version of triptych",
		Args:  exactArgs(0),
		RunE: func(cmd *cobra.Command, _ []string) error {
			fmt.Fprintf(cmd.OutOrStdout(), "triptych %s (%s, %s/%s)\n", triptych.Version, runtime.Version(), runtime.GOOS, runtime.GOARCH)
			return nil
		},
	}
}
