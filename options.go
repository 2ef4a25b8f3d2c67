package triptych

import (
	"fmt"
	"io"

	"github.com/triptych/triptych/content"
	"github.com/triptych/triptych/out"
	"github.com/triptych/triptych/render"
)

// Options configure Build. The zero value builds the default article in
// the default formats into "dist".
type Options struct {
	// Sources are files, folders (searched for the extensions of
	// content.Extensions) or glob patterns; none means the embedded
	// default article.
	Sources []string
	// Parse options: strict front matter, the order of ambiguous dates.
	Parse content.ParseOptions
	// Drafts builds articles whose front matter says draft: true; without
	// it they are left out with a "draft" line in the report.
	Drafts bool
	// OutDir is the output folder; "" means "dist".
	OutDir string
	// Formats to build; nil means render.DefaultFormats.
	Formats []render.Format
	// Render options shared by every article.
	Render render.Options
	// Jobs is the number of articles built at once; 0 means GOMAXPROCS.
	Jobs int
	// Force rebuilds articles whose outputs are up to date.
	Force bool
	// Prune removes the outputs of sources that no longer exist, unless a
	// current article claims them (the same slug).
	Prune bool
	// Shard builds only the articles whose slug hashes to Shard.Index
	// among Shard.Count shards; a zero Count builds everything.
	Shard Shard
	// OnArticle, when set, is called once per article (built, skipped or
	// failed), from one goroutine at a time.
	OnArticle func(ArticleReport)
	// OnPlan, when set, is called once with the number of articles.
	OnPlan func(total int)
	// Log receives details meant for a verbose log, such as the stack of
	// an internal error; nil discards them.
	Log io.Writer
}

// withDefaults fills the defaults in and checks what Build cannot start
// without.
func (opts Options) withDefaults() (Options, error) {
	if opts.OutDir == "" {
		opts.OutDir = "dist"
	}
	if len(opts.Formats) == 0 {
		opts.Formats = render.DefaultFormats
	}
	if opts.Render.Version == "" {
		opts.Render.Version = Version
	}
	if opts.Log == nil {
		opts.Log = io.Discard
	}
	for _, f := range opts.Formats {
		if !Available(f) {
			return opts, fmt.Errorf("format %s is not available in this version of triptych", f)
		}
	}
	return opts, nil
}

// Shard selects one part of a batch.
type Shard = out.Shard

// ParseShard reads "K/N".
func ParseShard(s string) (Shard, error) {
	var sh Shard
	if _, err := fmt.Sscanf(s, "%d/%d", &sh.Index, &sh.Count); err != nil || sh.Count < 1 || sh.Index < 0 || sh.Index >= sh.Count {
		return Shard{}, fmt.Errorf("shard %q: write K/N with 0 ≤ K < N, e.g. 0/4", s)
	}
	return sh, nil
}

// ArticleReport is the outcome of one article.
type ArticleReport struct {
	Source string `json:"source"`
	// SourceBytes holds the source's name as raw bytes when it is not
	// valid UTF-8: JSON would turn those bytes into U+FFFD, and the
	// report would no longer name the file (base64 in JSON).
	SourceBytes []byte   `json:"source_bytes,omitempty"`
	Slug        string   `json:"slug,omitempty"`
	Status      string   `json:"status"` // "built", "skipped", "draft" or "failed"
	Files       []string `json:"files,omitempty"`
	Warnings    []string `json:"warnings,omitempty"`
	Err         error    `json:"-"`
	Error       string   `json:"error,omitempty"`
}

// Report is the outcome of a Build.
type Report struct {
	Articles []ArticleReport `json:"articles"`
	Built    int             `json:"built"`
	Skipped  int             `json:"skipped"`
	Failed   int             `json:"failed"`
	// Drafts counts the articles left out because they are drafts.
	Drafts int `json:"drafts"`
	// NotStarted counts the articles an interrupted run never reached;
	// Interrupted says the run was stopped (its context canceled).
	NotStarted  int  `json:"not_started,omitempty"`
	Interrupted bool `json:"interrupted,omitempty"`
	// Stale lists recorded sources that no longer exist; Pruned, those
	// whose records (and unclaimed outputs) were removed.
	Stale    []string `json:"stale,omitempty"`
	Pruned   []string `json:"pruned,omitempty"`
	Warnings []string `json:"warnings,omitempty"`
}

// Summary is the closing line of a run: "998 built, 1000 skipped, 2 failed".
func (r Report) Summary() string {
	line := fmt.Sprintf("%d built, %d skipped, %d failed", r.Built, r.Skipped, r.Failed)
	if r.Drafts > 0 {
		line += fmt.Sprintf(", %d drafts left out (--drafts builds them)", r.Drafts)
	}
	if r.Interrupted {
		line += fmt.Sprintf(", %d not started (interrupted)", r.NotStarted)
	}
	return line
}
