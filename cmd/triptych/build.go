package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"

	"github.com/spf13/cobra"
	"github.com/triptych/triptych"
	"github.com/triptych/triptych/layout"
	"github.com/triptych/triptych/render"
)

func newBuildCommand() *cobra.Command {
	var (
		opts       triptych.Options
		formats    string
		configPath string
		shard      string
		asJSON     bool
		verbose    bool
	)
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
others; the exit status is 0 when all succeeded, 1 when some failed and 2
when the command line is wrong.

Builds are incremental: an article whose source, options and triptych
version are unchanged and whose outputs are intact is skipped (--force
rebuilds). <out>/manifest.json records every article: source hash, options
hash, outputs with size and SHA-256, status and warnings. A second run on
the same output folder fails at once while the first holds it.

Sharding: --shard K/N builds only the articles whose slug hashes to K, the
same on every machine; inside a Kubernetes Indexed Job, JOB_COMPLETION_INDEX
gives K ("--shard /N" or "--shard N" then only names N). Each shard writes
manifest.shard-K-of-N.json; "triptych manifest merge" combines them.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := applyConfig(cmd, &opts, &formats, configPath); err != nil {
				return usageError{err}
			}
			fs, err := render.ParseFormats(formats)
			if err != nil {
				return usageError{err}
			}
			if err := checkRenderOptions(opts.Render); err != nil {
				return usageError{err}
			}
			if err := checkDateOrder(opts.Parse.DateOrder); err != nil {
				return usageError{err}
			}
			opts.Formats = fs
			opts.Sources = args
			if err := applyShard(&opts, shard); err != nil {
				return usageError{err}
			}
			if verbose {
				opts.Log = cmd.ErrOrStderr()
			}
			ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
			defer stop()
			progress := newProgress(cmd.OutOrStdout(), cmd.ErrOrStderr(), asJSON)
			opts.OnPlan = progress.plan
			opts.OnArticle = progress.article
			rep, err := triptych.Build(ctx, opts)
			progress.finish()
			if err != nil {
				return err
			}
			if asJSON {
				enc := json.NewEncoder(cmd.OutOrStdout())
				enc.SetIndent("", "  ")
				if err := enc.Encode(rep); err != nil {
					return err
				}
			} else {
				for _, w := range rep.Warnings {
					fmt.Fprintln(cmd.ErrOrStderr(), "warning:", w)
				}
				for _, s := range rep.Stale {
					verb := "stale (its source is gone; --prune removes its outputs)"
					for _, p := range rep.Pruned {
						if p == s {
							verb = "pruned"
						}
					}
					fmt.Fprintf(cmd.OutOrStdout(), "%s: %s\n", s, verb)
				}
				fmt.Fprintln(cmd.OutOrStdout(), rep.Summary())
			}
			if rep.Failed > 0 {
				return errSomeFailed
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVarP(&opts.OutDir, "output", "o", "dist", "output folder")
	f.StringVar(&formats, "formats", "png,pdf,xlsx", "formats to build: png, pdf, xlsx, csv")
	f.IntVarP(&opts.Jobs, "jobs", "j", 0, "articles built at once (default: number of CPUs)")
	f.StringVar(&opts.Render.Theme, "theme", "light", "infographic theme: light or dark")
	f.StringVar(&opts.Render.Size, "size", "poster", "infographic size: poster, og, square, portrait, pinterest, a4")
	f.IntVar(&opts.Render.Scale, "scale", 1, "infographic pixel scale: 1, 2 or 3")
	f.StringVar(&opts.Render.Paper, "paper", "a4", "handout paper: a4 or letter")
	f.BoolVar(&opts.Render.CSVBOM, "csv-bom", false, "start CSV files with a byte-order mark (for Excel)")
	f.StringSliceVar(&opts.Render.Accents, "accents", nil, "subject colours, e.g. \"#1f6feb,#d9480f\"")
	f.StringVar(&configPath, "config", configFile, "options file; flags win over it")
	f.BoolVar(&opts.Force, "force", false, "rebuild articles that are up to date")
	f.BoolVar(&opts.Prune, "prune", false, "remove the outputs of sources that no longer exist")
	f.StringVar(&shard, "shard", "", "build only shard K of N (\"K/N\"); JOB_COMPLETION_INDEX sets K when present")
	f.BoolVar(&asJSON, "json", false, "print a machine-readable report instead of progress")
	f.BoolVar(&opts.Parse.Strict, "strict", false, "make front-matter keys that triptych does not use errors")
	f.BoolVar(&opts.Drafts, "drafts", false, "build articles marked draft: true")
	f.StringVar(&opts.Parse.DateOrder, "date-order", "mdy", "how to read a date like 03/05/2024 in scraped text: mdy or dmy")
	f.BoolVarP(&verbose, "verbose", "v", false, "print details such as internal error stacks")
	return cmd
}

// applyConfig fills every option not given as a flag from the config file.
func applyConfig(cmd *cobra.Command, opts *triptych.Options, formats *string, path string) error {
	c, err := loadConfig(path, cmd.Flags().Changed("config"))
	if err != nil {
		return err
	}
	set := func(flag string, apply func()) {
		if !cmd.Flags().Changed(flag) {
			apply()
		}
	}
	if c.Output != "" {
		set("output", func() { opts.OutDir = c.Output })
	}
	if c.Formats != "" {
		set("formats", func() { *formats = c.Formats; _ = cmd.Flags().Set("formats", c.Formats) })
	}
	if c.Jobs != 0 {
		set("jobs", func() { opts.Jobs = c.Jobs })
	}
	if c.Theme != "" {
		set("theme", func() { opts.Render.Theme = c.Theme })
	}
	if c.Size != "" {
		set("size", func() { opts.Render.Size = c.Size })
	}
	if c.Scale != 0 {
		set("scale", func() { opts.Render.Scale = c.Scale })
	}
	if c.Paper != "" {
		set("paper", func() { opts.Render.Paper = c.Paper })
	}
	if len(c.Accents) > 0 {
		set("accents", func() { opts.Render.Accents = c.Accents })
	}
	if c.CSVBOM {
		set("csv-bom", func() { opts.Render.CSVBOM = true })
	}
	if c.Strict {
		set("strict", func() { opts.Parse.Strict = true })
	}
	if c.Drafts {
		set("drafts", func() { opts.Drafts = true })
	}
	if c.DateOrder != "" {
		set("date-order", func() { opts.Parse.DateOrder = c.DateOrder })
	}
	return nil
}

// checkRenderOptions rejects option values before any article is built.
func checkRenderOptions(o render.Options) error {
	if _, ok := layout.PosterSizes[o.Size]; !ok && o.Size != "" {
		return fmt.Errorf("unknown size %q: use poster, og, square, portrait, pinterest or a4", o.Size)
	}
	if _, err := layout.ThemeNamed(o.Theme); err != nil {
		return err
	}
	if o.Scale < 1 || o.Scale > 3 {
		return fmt.Errorf("scale %d: use 1, 2 or 3", o.Scale)
	}
	if o.Paper != "a4" && o.Paper != "letter" && o.Paper != "" {
		return fmt.Errorf("unknown paper %q: use a4 or letter", o.Paper)
	}
	for _, c := range o.Accents {
		if _, err := layout.ParseColor(c); err != nil {
			return err
		}
	}
	return nil
}

// applyShard reads --shard, taking K from JOB_COMPLETION_INDEX when set.
func applyShard(opts *triptych.Options, shard string) error {
	index := os.Getenv("JOB_COMPLETION_INDEX")
	if shard == "" {
		return nil
	}
	if index != "" {
		count := shard
		if i := strings.LastIndex(shard, "/"); i >= 0 {
			count = shard[i+1:]
		}
		if _, err := strconv.Atoi(count); err != nil {
			return fmt.Errorf("shard %q: write N or K/N", shard)
		}
		shard = index + "/" + count
	}
	s, err := triptych.ParseShard(shard)
	if err != nil {
		return err
	}
	opts.Shard = s
	return nil
}
