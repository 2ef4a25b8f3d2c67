package main

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/spf13/cobra"
	"github.com/triptych/triptych"
)

func newBuildCommand() *cobra.Command {
	var flags *buildFlags
	cmd := &cobra.Command{
		Use:   "build [PATH|DIR|GLOB ...]",
		Short: "Build the assets of one or more articles",
		Long: `build turns each article into its assets under the output folder:
  <out>/<slug>/<slug>.png      the infographic (and <slug>.alt.txt)
  <out>/<slug>/<slug>.pdf      the handout
  <out>/<slug>/<slug>.xlsx     the spreadsheet (and .csv with --formats csv)

Folders are searched for .md, .markdown, .txt, .html and .htm files. With
no path, the bundled example article is built. Articles whose front matter
says draft: true are left out unless --drafts is given. One failing article never stops the
others; the exit status is 0 when all succeeded, 1 when some failed, 2
when the command line is wrong, and 130 (Ctrl-C) or 143 (SIGTERM) when
the run was stopped: it finishes the articles in progress, writes the
manifest and prints the summary first; a second signal stops at once.

Builds are incremental: an article whose source, options and triptych
version are unchanged and whose outputs are intact is skipped (--force
rebuilds). <out>/manifest.json records every article, keyed by its path
relative to the folder given: source hash, options hash, outputs with size
and SHA-256, status and warnings. A second run on the same output folder
fails at once while the first holds it.

Sharding: --shard K/N builds only the articles whose slug hashes to K, the
same on every machine; inside a Kubernetes Indexed Job, JOB_COMPLETION_INDEX
gives K ("--shard /N" or "--shard N" then only names N). Shards of one
count share an output folder; each writes manifest.shard-K-of-N.json, and
"triptych manifest merge" combines them.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts, err := flags.options(cmd, args)
			if err != nil {
				return err
			}
			ctx, stop := withInterrupts(cmd.Context(), cmd.ErrOrStderr(), true)
			defer stop()
			rep, err := runBuild(ctx, cmd, opts, flags.asJSON)
			switch {
			case err != nil:
				return err
			case rep.Interrupted:
				return errInterrupted
			case rep.Failed > 0:
				return errSomeFailed
			}
			return nil
		},
	}
	flags = addBuildFlags(cmd.Flags())
	return cmd
}

// runBuild runs one build with progress and prints its report: the JSON
// report, or the warnings, stale sources and summary line.
func runBuild(ctx context.Context, cmd *cobra.Command, opts triptych.Options, asJSON bool) (triptych.Report, error) {
	progress := newProgress(cmd.OutOrStdout(), cmd.ErrOrStderr(), asJSON)
	opts.OnPlan = progress.plan
	opts.OnArticle = progress.article
	rep, err := triptych.Build(ctx, opts)
	progress.finish()
	if err != nil {
		return rep, err
	}
	if asJSON {
		enc := json.NewEncoder(cmd.OutOrStdout())
		enc.SetIndent("", "  ")
		return rep, enc.Encode(rep)
	}
	for _, w := range rep.Warnings {
		fmt.Fprintln(cmd.ErrOrStderr(), "warning:", w)
	}
	pruned := map[string]bool{}
	for _, p := range rep.Pruned {
		pruned[p] = true
	}
	for _, s := range rep.Stale {
		verb := "stale (its source is gone; --prune removes its outputs)"
		if pruned[s] {
			verb = "pruned"
		}
		fmt.Fprintf(cmd.OutOrStdout(), "%s: %s\n", s, verb)
	}
	fmt.Fprintln(cmd.OutOrStdout(), rep.Summary())
	return rep, nil
}
