package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/triptych/triptych"
	"github.com/triptych/triptych/content"
)

// progress shows a bar on a terminal and one plain line per article
// otherwise; with --json it stays quiet until the report.
type progress struct {
	stdout, stderr io.Writer
	quiet          bool
	bar            *progressbar.ProgressBar
}

func newProgress(stdout, stderr io.Writer, quiet bool) *progress {
	return &progress{stdout: stdout, stderr: stderr, quiet: quiet}
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

func (p *progress) plan(total int) {
	if p.quiet || !isTerminal(p.stderr) || total < 2 {
		return
	}
	p.bar = progressbar.NewOptions(total,
		progressbar.OptionSetWriter(p.stderr),
		progressbar.OptionSetDescription("building"),
		progressbar.OptionShowCount(),
		progressbar.OptionShowIts(),
		progressbar.OptionSetItsString("articles"),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionClearOnFinish(),
		progressbar.OptionThrottle(100_000_000),
	)
}

func (p *progress) article(r triptych.ArticleReport) {
	if p.quiet {
		return
	}
	if p.bar != nil {
		// Problems are printed above the bar; successes only advance it.
		if r.Err != nil || len(r.Warnings) > 0 && r.Status != "skipped" {
			p.bar.Clear()
			p.problems(r)
		}
		p.bar.Add(1)
		return
	}
	if r.Status != "skipped" {
		p.problems(r)
	}
	switch r.Status {
	case "failed":
		fmt.Fprintf(p.stdout, "failed  %s\n", content.SafeName(r.Source))
	case "skipped":
		fmt.Fprintf(p.stdout, "skipped %s (up to date)\n", content.SafeName(r.Source))
	case "draft":
		fmt.Fprintf(p.stdout, "draft   %s (left out; --drafts builds it)\n", content.SafeName(r.Source))
	default:
		fmt.Fprintf(p.stdout, "built   %s → %s\n", content.SafeName(r.Source), strings.Join(r.Files, ", "))
	}
}

func (p *progress) problems(r triptych.ArticleReport) {
	for _, w := range r.Warnings {
		fmt.Fprintln(p.stderr, "warning:", w)
	}
	if r.Err != nil {
		fmt.Fprintln(p.stderr, "error:", r.Err)
	}
}

func (p *progress) finish() {
	if p.bar != nil {
		p.bar.Finish()
	}
}
