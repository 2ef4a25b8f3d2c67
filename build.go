package triptych

import (
	"context"
	"math"
	"os"
	"path/filepath"
	"runtime/debug"
	"sort"
	"sync"
	"unicode/utf8"

	"github.com/triptych/triptych/out"
)

// Build loads, lays out, renders and publishes each source article: a
// short pipeline of listing the sources, planning (fingerprints and slugs,
// in parallel), building on a worker pool and publishing through the
// output folder's out.Store. An article that fails is reported and never
// stops the others, and never touches its earlier outputs. Up-to-date
// articles are skipped.
//
// When ctx is canceled (Ctrl-C), no new article starts; the articles in
// flight get abandonAfter to finish; the manifest is written and the
// report says Interrupted. The error returned is for problems with the
// run itself: bad options, no sources, the output folder locked by
// another run or its manifest not written.
func Build(ctx context.Context, opts Options) (Report, error) {
	opts, err := opts.withDefaults()
	if err != nil {
		return Report{}, err
	}
	list, err := listSources(opts.Sources, opts.OutDir)
	if err != nil {
		return Report{}, err
	}
	if len(list.sources) == 1 {
		defer pauseGC()()
	}
	store, err := out.Open(opts.OutDir, opts.Shard, Version)
	if err != nil {
		return Report{}, err
	}
	defer store.Close()
	store.Rebase(folderFrom(opts.OutDir, list.root), folderFrom(opts.OutDir, "."), DefaultArticleName)
	rep := Report{Warnings: store.Warnings()}
	optionsHash := hashOptions(opts)
	tasks, claimed, planned := plan(ctx, list, store, opts, optionsHash)
	if opts.OnPlan != nil {
		opts.OnPlan(len(tasks))
	}
	record := func(res result) {
		r := res.report
		if !utf8.ValidString(r.Source) {
			r.SourceBytes = []byte(r.Source)
		}
		switch {
		case r.Err != nil:
			r.Status, r.Error = "failed", r.Err.Error()
			rep.Failed++
		case r.Status == "skipped":
			rep.Skipped++
		case r.Status == "draft":
			rep.Drafts++
		default:
			r.Status = "built"
			rep.Built++
		}
		if res.entry != nil {
			if err := store.Record(res.entry); err != nil {
				rep.Warnings = append(rep.Warnings, "journal: "+err.Error())
			}
		}
		rep.Articles = append(rep.Articles, r)
		if opts.OnArticle != nil {
			opts.OnArticle(r)
		}
	}
	var work []*task
	for _, t := range tasks {
		switch {
		case t.err != nil:
			var entry *out.Entry
			if !isFolder(t.path) {
				entry = failedEntry(t, optionsHash, t.err)
			}
			record(result{t, ArticleReport{Source: t.key, Slug: t.slug, Err: t.err}, entry})
		case t.skip:
			e := store.Entry(t.key)
			record(result{t, ArticleReport{Source: t.key, Slug: t.slug, Status: "skipped", Files: outputPaths(e), Warnings: e.Warnings}, nil})
		default:
			work = append(work, t)
		}
	}
	before := len(rep.Articles)
	collect(ctx, runPool(ctx, work, store, opts, optionsHash), record)
	if rep.Interrupted = ctx.Err() != nil || !planned; rep.Interrupted {
		rep.NotStarted = len(work) - (len(rep.Articles) - before)
	} else {
		// Only a complete run knows every current source: an interrupted
		// one prunes nothing.
		rep.Stale = staleKeys(store, list)
		rep.Pruned = store.Prune(rep.Stale, claimed, opts.Prune)
	}
	sort.Slice(rep.Articles, func(i, j int) bool { return rep.Articles[i].Source < rep.Articles[j].Source })
	return rep, store.Close()
}

// folderFrom writes folder relative to the output folder, slash-separated,
// which stays the same whatever the working folder; "" when there is none
// (the bundled article, or another drive).
func folderFrom(outDir, folder string) string {
	if folder == "" {
		return ""
	}
	rel, err := filepath.Rel(absPath(outDir), absPath(folder))
	if err != nil {
		return ""
	}
	return filepath.ToSlash(rel)
}

// isFolder reports whether a failed source is a folder (one that could not
// be read), which gets no manifest record.
func isFolder(p string) bool {
	info, err := os.Lstat(p)
	return err == nil && info.IsDir()
}

func outputPaths(e *out.Entry) []string {
	var ps []string
	for _, o := range e.Outputs {
		ps = append(ps, o.Path)
	}
	return ps
}

// gcPause counts the runs holding the collector's pacing off, and keeps
// the setting to restore when the last one ends.
var gcPause struct {
	sync.Mutex
	runs    int
	percent int
}

// pauseGC turns the collector's pacing off (GOGC=off) for a run of one
// article when a memory limit is set, as the command line sets one: such
// a run allocates a few tens of megabytes, nearly all of it garbage only
// at the end, so collecting during the run costs time and frees little
// (a cold build of the example: about 5 % less wall time, 11 MB more
// peak RSS); the limit still makes the collector run should memory grow
// near it. Without a limit, or with GOGC set in the environment, it does
// nothing. It returns the function that restores the setting once no run
// needs the pause.
func pauseGC() (resume func()) {
	if os.Getenv("GOGC") != "" || debug.SetMemoryLimit(-1) == math.MaxInt64 {
		return func() {}
	}
	gcPause.Lock()
	defer gcPause.Unlock()
	if gcPause.runs == 0 {
		gcPause.percent = debug.SetGCPercent(-1)
	}
	gcPause.runs++
	return func() {
		gcPause.Lock()
		defer gcPause.Unlock()
		if gcPause.runs--; gcPause.runs == 0 {
			debug.SetGCPercent(gcPause.percent)
		}
	}
}
