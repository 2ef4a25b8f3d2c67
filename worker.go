package triptych

import (
	"context"
	"fmt"
	"runtime"
	"runtime/debug"
	"sync"
	"time"

	"github.com/triptych/triptych/content"
	"github.com/triptych/triptych/out"
)

// testPanicSlug makes buildTask panic on one slug, for the test that a
// panic fails only its own article.
var testPanicSlug string

// abandonAfter is how long an interrupted run waits for the articles in
// flight before it gives up on them: a render cannot be stopped part-way,
// and Kubernetes sends SIGKILL 30 s after SIGTERM by default, so the run
// must end well within that.
var abandonAfter = 1500 * time.Millisecond

// result is what a worker reports for one task.
type result struct {
	task   *task
	report ArticleReport
	entry  *out.Entry
}

// runPool builds tasks on opts.Jobs workers and streams their results.
// With fewer tasks than cores, each article spreads its work over them
// (see renderArticle). When ctx is canceled no new task starts. The
// results channel has room for every worker, so a worker whose result is
// no longer awaited still finishes and exits.
func runPool(ctx context.Context, tasks []*task, store *out.Store, opts Options, optionsHash string) <-chan result {
	jobs := jobCount(opts)
	queue := make(chan *task)
	results := make(chan result, jobs)
	spread := len(tasks) < runtime.GOMAXPROCS(0)
	var wg sync.WaitGroup
	for range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for t := range queue {
				results <- buildTask(t, store, opts, optionsHash, spread)
			}
		}()
	}
	go func() {
		defer close(queue)
		for _, t := range tasks {
			if ctx.Err() != nil {
				return
			}
			select {
			case queue <- t:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() { wg.Wait(); close(results) }()
	return results
}

// collect receives results until the pool is done or, once ctx is
// canceled, until abandonAfter has passed.
func collect(ctx context.Context, results <-chan result, record func(result)) {
	var deadline <-chan time.Time
	stop := ctx.Done()
	for {
		select {
		case res, ok := <-results:
			if !ok {
				return
			}
			record(res)
		case <-stop:
			stop, deadline = nil, time.After(abandonAfter)
		case <-deadline:
			return
		}
	}
}

// buildTask builds one article and publishes it; a panic fails that
// article only. spread is renderArticle's.
func buildTask(t *task, store *out.Store, opts Options, optionsHash string, spread bool) (res result) {
	rep := ArticleReport{Source: t.key, Slug: t.slug}
	fail := func(err error) result {
		rep.Err = err
		return result{t, rep, failedEntry(t, optionsHash, err)}
	}
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(opts.Log, "internal error in %s: %v\n%s\n", t.key, r, debug.Stack())
			res = fail(fmt.Errorf("%s: internal error (please report it): %v", content.SafeName(t.key), r))
		}
	}()
	a, hash := t.article, t.sourceHash
	t.article = nil
	if a == nil {
		data, err := readSource(t)
		if err == nil {
			a, err = parseSource(t, data, opts.Parse)
		}
		if err != nil {
			return fail(err)
		}
		hash = sourceHash(t, data)
	}
	if testPanicSlug != "" && a.Slug == testPanicSlug {
		panic("test hook: simulated renderer bug")
	}
	files, warnings, err := renderArticle(a, opts.Formats, opts.Render, spread)
	rep.Warnings = warnings
	if err != nil {
		return fail(fmt.Errorf("%s: %w", content.SafeName(t.key), err))
	}
	if a.Draft && !opts.Drafts {
		rep.Status = "draft"
		return result{t, rep, nil}
	}
	// Every format rendered: only now touch the output folder, and all of
	// the article's files at once, so a failed article leaves its previous
	// outputs as they were.
	publish := make([]out.File, len(files))
	for i, f := range files {
		publish[i] = out.File{Suffix: f.Suffix, Data: f.Data}
	}
	outputs, err := store.Publish(a.Slug, publish)
	if err != nil {
		return fail(fmt.Errorf("%s: writing the outputs of %s: %w", content.SafeName(t.key), a.Slug, err))
	}
	for _, o := range outputs {
		rep.Files = append(rep.Files, o.Path)
	}
	entry := &out.Entry{Source: t.key, SourceHash: hash, OptionsHash: optionsHash, Tool: Version,
		Slug: a.Slug, Status: "ok", Warnings: append([]string{}, warnings...), Outputs: outputs}
	return result{t, rep, entry}
}

func failedEntry(t *task, optionsHash string, err error) *out.Entry {
	return &out.Entry{Source: t.key, SourceHash: t.sourceHash, OptionsHash: optionsHash, Tool: Version, Slug: t.slug,
		Status: "failed", Error: err.Error(), Warnings: []string{}, Outputs: []out.Output{}}
}
