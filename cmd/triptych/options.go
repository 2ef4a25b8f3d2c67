package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"golang.org/x/text/language"

	"github.com/triptych/triptych"
	"github.com/triptych/triptych/content"
	"github.com/triptych/triptych/layout"
	"github.com/triptych/triptych/render"
)

// buildFlags are the flags build and watch share. Each command registers
// its own set and turns it, with the options file, into one validated
// triptych.Options: flags are never turned back into strings.
type buildFlags struct {
	opts       triptych.Options
	formats    string
	configPath string
	shard      string
	asJSON     bool
	verbose    bool
	fontFiles  []string
}

func addBuildFlags(f *pflag.FlagSet) *buildFlags {
	b := &buildFlags{}
	f.StringVarP(&b.opts.OutDir, "output", "o", "dist", "output folder")
	f.StringVar(&b.formats, "formats", "png,pdf,xlsx", "formats to build: png, pdf, xlsx, csv")
	f.IntVarP(&b.opts.Jobs, "jobs", "j", 0, "articles built at once (default: number of CPUs)")
	f.StringVar(&b.opts.Render.Theme, "theme", "light", "infographic theme: light or dark")
	f.StringVar(&b.opts.Render.Size, "size", "poster", "infographic size: poster, og, square, portrait, pinterest, a4")
	f.IntVar(&b.opts.Render.Scale, "scale", 1, "infographic pixel scale: 1, 2 or 3")
	f.StringVar(&b.opts.Render.Paper, "paper", "a4", "handout paper: a4 or letter")
	f.BoolVar(&b.opts.Render.CSVBOM, "csv-bom", false, "start CSV files with a byte-order mark (for Excel)")
	f.StringSliceVar(&b.opts.Render.Accents, "accents", nil, "subject colours, e.g. \"#1f6feb,#d9480f\"")
	f.StringVar(&b.configPath, "config", configFile, "options file; flags win over it")
	f.BoolVar(&b.opts.Force, "force", false, "rebuild articles that are up to date")
	f.BoolVar(&b.opts.Prune, "prune", false, "remove the outputs of sources that no longer exist (unless another article owns them)")
	f.StringVar(&b.shard, "shard", "", "build only shard K of N (\"K/N\"); JOB_COMPLETION_INDEX sets K when present")
	f.BoolVar(&b.asJSON, "json", false, "print a machine-readable report instead of progress")
	f.BoolVar(&b.opts.Parse.Strict, "strict", false, "make front-matter keys that triptych does not use errors")
	f.BoolVar(&b.opts.Drafts, "drafts", false, "build articles marked draft: true")
	f.StringVar(&b.opts.Parse.DateOrder, "date-order", "mdy", "how to read a date like 03/05/2024 in scraped text: mdy or dmy")
	f.StringVar(&b.opts.Render.Typography, "typography", "smart", "quotes in the PNG and PDF: smart (typographic) or plain (as written)")
	f.Func("scorecard", "the XLSX Scorecard sheet: on or off (default on)", b.opts.Render.SetScorecard)
	f.Func("takeaways", "the poster's \"Which to pick\" cards: on or off (default on)", b.opts.Render.SetTakeaways)
	f.BoolVar(&b.opts.Render.PDFA, "pdfa", false, "make the PDF handout PDF/A-2b, for archives")
	f.BoolVar(&b.opts.Render.PNGPalette, "png-palette", false, "write the infographic with at most 256 colours: about a third of the size")
	f.StringVar(&b.opts.Render.Lang, "lang", "", "language of articles that do not say (a tag like en, de or pt-BR): hyphenation and the PDF's language")
	f.StringArrayVar(&b.fontFiles, "font", nil, "a TrueType font (.ttf) for characters the embedded fonts lack, e.g. CJK; repeat for more, in order")
	f.BoolVarP(&b.verbose, "verbose", "v", false, "print details such as internal error stacks")
	return b
}

// options returns the validated options of a run over args; every
// problem is a usage error (exit 2), found before any work.
func (b *buildFlags) options(cmd *cobra.Command, args []string) (triptych.Options, error) {
	opts := b.opts
	formats := b.formats
	fontFiles := b.fontFiles
	if err := applyConfig(cmd, &opts, &formats, &fontFiles, b.configPath); err != nil {
		return opts, usageError{err}
	}
	faces, err := triptych.LoadFonts(fontFiles)
	if err != nil {
		return opts, usageError{err}
	}
	opts.Render.Fonts = faces
	fs, err := render.ParseFormats(formats)
	if err != nil {
		return opts, usageError{err}
	}
	opts.Formats = fs
	opts.Sources = args
	if err := triptych.CheckRenderOptions(opts.Render); err != nil {
		return opts, usageError{err}
	}
	if opts.Render.Lang != "" {
		opts.Render.Lang = language.Make(opts.Render.Lang).String() // "PT-br" is pt-BR
	}
	if err := checkDateOrder(opts.Parse.DateOrder); err != nil {
		return opts, usageError{err}
	}
	if err := applyShard(&opts, b.shard); err != nil {
		return opts, usageError{err}
	}
	if b.verbose {
		opts.Log = cmd.ErrOrStderr()
	}
	return opts, nil
}

// applyConfig fills every option not given as a flag from the config file.
func applyConfig(cmd *cobra.Command, opts *triptych.Options, formats *string, fontFiles *[]string, path string) error {
	c, err := loadConfig(path, cmd.Flags().Changed("config"))
	if err != nil {
		return err
	}
	set := func(flag string, given bool, apply func()) {
		if given && !cmd.Flags().Changed(flag) {
			apply()
		}
	}
	set("output", c.Output != "", func() { opts.OutDir = c.Output })
	set("formats", c.Formats != "", func() { *formats = c.Formats })
	set("jobs", c.Jobs != 0, func() { opts.Jobs = c.Jobs })
	set("theme", c.Theme != "", func() { opts.Render.Theme = c.Theme })
	set("size", c.Size != "", func() { opts.Render.Size = c.Size })
	set("scale", c.Scale != 0, func() { opts.Render.Scale = c.Scale })
	set("paper", c.Paper != "", func() { opts.Render.Paper = c.Paper })
	set("accents", len(c.Accents) > 0, func() { opts.Render.Accents = c.Accents })
	set("csv-bom", c.CSVBOM, func() { opts.Render.CSVBOM = true })
	set("strict", c.Strict, func() { opts.Parse.Strict = true })
	set("drafts", c.Drafts, func() { opts.Drafts = true })
	set("date-order", c.DateOrder != "", func() { opts.Parse.DateOrder = c.DateOrder })
	set("typography", c.Typography != "", func() { opts.Render.Typography = c.Typography })
	set("scorecard", c.Scorecard != nil, func() { opts.Render.NoScorecard = !*c.Scorecard })
	set("takeaways", c.Takeaways != nil, func() { opts.Render.NoTakeaways = !*c.Takeaways })
	set("pdfa", c.PDFA, func() { opts.Render.PDFA = true })
	set("lang", c.Lang != "", func() { opts.Render.Lang = c.Lang })
	set("png-palette", c.PNGPalette, func() { opts.Render.PNGPalette = true })
	set("font", len(c.Fonts) > 0, func() {
		// Relative to the options file's folder, like the brand's logo.
		*fontFiles = nil
		for _, f := range c.Fonts {
			if !filepath.IsAbs(f) {
				f = filepath.Join(filepath.Dir(path), f)
			}
			*fontFiles = append(*fontFiles, f)
		}
	})
	if c.PDF != nil {
		switch strings.ToLower(strings.TrimSpace(c.PDF.Standard)) {
		case "pdfa-2b", "pdf/a-2b":
			set("pdfa", true, func() { opts.Render.PDFA = true })
		case "", "none":
		default:
			return fmt.Errorf("%s: pdf standard %q: use pdfa-2b or none", path, c.PDF.Standard)
		}
	}
	if c.Brand != nil {
		b := layout.Brand{Name: c.Brand.Name, URL: c.Brand.URL}
		if c.Brand.Logo != "" {
			logo, err := content.InsideFolder(filepath.Dir(path), c.Brand.Logo)
			if err == nil {
				b.Logo, b.LogoW, b.LogoH, err = content.ReadLogo(logo)
			}
			if err != nil {
				return fmt.Errorf("%s: brand logo %s: %v", path, c.Brand.Logo, err)
			}
		}
		opts.Render.Brand = b
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
