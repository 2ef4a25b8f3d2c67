package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"strings"

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
	)
	cmd := &cobra.Command{
		Use:   "build [PATH|DIR|GLOB ...]",
		Short: "Build the assets of one or more articles",
		Long: `build turns each article into its assets under the output folder:
  <out>/<slug>/<slug>.png      the infographic (and <slug>.alt.txt)
  <out>/<slug>/<slug>.pdf      the handout
  <out>/<slug>/<slug>.xlsx     the spreadsheet (and .csv with --formats csv)

Folders are searched for .md, .markdown and .txt files. With no path, the
bundled example article is built. One failing article never stops the
others; the exit status is 0 when all succeeded, 1 when some failed and 2
when the command line is wrong.`,
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
			opts.Formats = fs
			opts.Sources = args
			ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
			defer stop()
			stderr := cmd.ErrOrStderr()
			opts.OnArticle = func(r triptych.ArticleReport) {
				for _, w := range r.Warnings {
					fmt.Fprintln(stderr, "warning:", w)
				}
				if r.Err != nil {
					fmt.Fprintln(stderr, "error:", r.Err)
					return
				}
				fmt.Fprintf(cmd.OutOrStdout(), "built %s: %s\n", r.Source, strings.Join(r.Files, ", "))
			}
			rep, err := triptych.Build(ctx, opts)
			if err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "%d built, %d failed\n", rep.Built, rep.Failed)
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
