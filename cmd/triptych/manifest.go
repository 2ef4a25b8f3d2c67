package main

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"
	"github.com/triptych/triptych"
	"github.com/triptych/triptych/out"
)

func newManifestCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "manifest",
		Short: "Work with build manifests",
	}
	var output string
	merge := &cobra.Command{
		Use:   "merge MANIFEST...",
		Short: "Combine the manifests of several shards into one",
		Long: `merge reads the manifests written by sharded builds
(manifest.shard-K-of-N.json) and writes one manifest with every article.
A manifest that is missing or damaged is an error: nothing is written.`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usageError{fmt.Errorf("name at least one manifest")}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			var parts []*out.Manifest
			for _, p := range args {
				// ReadManifest treats a missing file as empty (a first
				// build); here a missing shard means a merge that would
				// silently lose its articles.
				if _, err := os.Stat(p); err != nil {
					return fmt.Errorf("%s: no such manifest (did every shard finish?)", p)
				}
				m, err := out.ReadManifest(p, triptych.Version)
				if err != nil {
					return err
				}
				parts = append(parts, m)
			}
			merged := out.Merge(triptych.Version, parts...)
			if err := merged.Write(output); err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "%s: %d articles from %d manifests\n", output, len(merged.Articles), len(args))
			return nil
		},
	}
	merge.Flags().StringVarP(&output, "output", "o", "manifest.json", "where to write the merged manifest")
	cmd.AddCommand(merge)
	return cmd
}
