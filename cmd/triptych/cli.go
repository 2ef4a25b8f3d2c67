package main

import (
	"errors"
	"fmt"
	"io"

	"github.com/spf13/cobra"
)

// Exit codes.
const (
	exitOK     = 0
	exitFailed = 1 // some article failed
	exitUsage  = 2 // the command line is wrong
)

// usageError marks errors in how the command was called.
type usageError struct{ error }

// failedError marks a run in which some article failed; its messages were
// already printed.
var errSomeFailed = errors.New("some articles failed")

// Main runs the command line and returns the exit code.
func Main(args []string, stdout, stderr io.Writer) int {
	root := newRootCommand(stdout, stderr)
	root.SetArgs(args)
	err := root.Execute()
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, errSomeFailed):
		return exitFailed
	}
	fmt.Fprintln(stderr, "triptych:", err)
	var ue usageError
	if errors.As(err, &ue) {
		return exitUsage
	}
	return exitFailed
}

func newRootCommand(stdout, stderr io.Writer) *cobra.Command {
	root := &cobra.Command{
		Use:   "triptych",
		Short: "Turn a comparison article into a PNG infographic, a PDF handout and an XLSX sheet",
		Long: `triptych turns one comparison article (Markdown with front matter, or a
scraped plain-text page) into three assets: a PNG infographic, a print-ready
PDF of the article, and an XLSX spreadsheet of its comparison table.

With no arguments, "triptych build" builds the bundled example article.`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err} })
	root.AddCommand(newBuildCommand(), newWatchCommand(), newInspectCommand(), newConvertCommand(), newManifestCommand(), newVersionCommand())
	root.AddCommand(newFixCommand(), newServeCommand())
	return root
}

// exactArgs is cobra.ExactArgs with a usage error.
func exactArgs(n int) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if err := cobra.ExactArgs(n)(cmd, args); err != nil {
			return usageError{err}
		}
		return nil
	}
}
