package triptych

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/triptych/triptych/content"
	"github.com/triptych/triptych/layout"
	"github.com/triptych/triptych/layout/fonts"
	"github.com/triptych/triptych/out"
	"github.com/triptych/triptych/render"
)

// task is one article to consider.
type task struct {
	source
	sourceHash string
	slug       string
	err        error
	skip       bool // up to date: its recorded entry stands
	// article is the parse of a small run, kept for the worker so that it
	// does not parse again (sourceHash is then that parse's); nil in a
	// batch, whose memory stays flat by parsing again.
	article *content.Article
}

// plan fingerprints every source on opts.Jobs workers, decides which are
// up to date and finds the slug of the others (the parse is dropped: the
// worker that builds it parses again, so memory stays flat). It returns
// the tasks of this shard and the slugs of every source, which own their
// outputs. A run of no more sources than workers keeps the parses. A
// canceled ctx stops it early (done is false).
func plan(ctx context.Context, l listing, store *out.Store, opts Options, optionsHash string) (tasks []*task, claimed map[string]bool, done bool) {
	all := make([]*task, len(l.sources))
	keep := len(l.sources) <= jobCount(opts)
	next := make(chan int)
	var wg sync.WaitGroup
	for range jobCount(opts) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				all[i] = fingerprint(l.sources[i], store, opts, optionsHash, keep)
			}
		}()
	}
	done = true
feed:
	for i := range all {
		select {
		case next <- i:
		case <-ctx.Done():
			done = false
			break feed
		}
	}
	close(next)
	wg.Wait()
	claimed = map[string]bool{}
	for _, t := range all {
		if t == nil {
			continue
		}
		if t.slug != "" {
			claimed[t.slug] = true
		}
		shardKey := t.slug
		if shardKey == "" {
			shardKey = t.key
		}
		if opts.Shard.Owns(shardKey) {
			tasks = append(tasks, t)
		} else {
			store.Forget(t.key) // recorded by the shard that owns it now
		}
	}
	refuseSharedSlugs(tasks)
	return tasks, claimed, done
}

func jobCount(opts Options) int {
	if opts.Jobs > 0 {
		return opts.Jobs
	}
	return runtime.GOMAXPROCS(0)
}

// fingerprint reads one source, hashes it with its sidecar, and finds its
// slug: from the manifest when it is up to date, else by parsing it (the
// parse kept with keep).
func fingerprint(s source, store *out.Store, opts Options, optionsHash string, keep bool) *task {
	t := &task{source: s, err: s.err}
	if t.err != nil {
		return t
	}
	data, err := readSource(t)
	if err != nil {
		t.err = err
		return t
	}
	t.sourceHash = sourceHash(t, data)
	if e := store.Entry(t.key); e != nil && !opts.Force && e.SourceHash == t.sourceHash &&
		e.OptionsHash == optionsHash && e.Tool == Version && store.Fresh(e) {
		t.skip, t.slug = true, e.Slug
		return t
	}
	warmLayout()
	if a, err := parseSource(t, data, opts.Parse); err != nil {
		t.err = err
	} else {
		t.slug = a.Slug
		if keep {
			t.article = a
		}
	}
	return t
}

// refuseSharedSlugs fails every article whose slug another article of the
// batch also has, naming all of them; none of them is written.
func refuseSharedSlugs(tasks []*task) {
	bySlug := map[string][]*task{}
	for _, t := range tasks {
		if t.slug != "" {
			bySlug[t.slug] = append(bySlug[t.slug], t)
		}
	}
	for slug, group := range bySlug {
		if len(group) < 2 {
			continue
		}
		names := make([]string, len(group))
		for i, t := range group {
			names[i] = t.key
		}
		sort.Strings(names)
		for _, t := range group {
			t.skip = false
			t.err = fmt.Errorf("%s: the slug %q is shared by %s; give each its own title, or a slug: in its front matter", content.SafeName(t.key), slug, strings.Join(names, " and "))
		}
	}
}

// staleKeys lists the recorded sources that are not among this run's and
// whose file no longer exists under the source root.
func staleKeys(store *out.Store, l listing) []string {
	if l.root == "" {
		return nil // the bundled article alone: no root to look under
	}
	current := make(map[string]bool, len(l.sources))
	for _, s := range l.sources {
		current[s.key] = true
	}
	var stale []string
	for _, key := range store.Keys() {
		if current[key] || key == DefaultArticleName {
			continue
		}
		if _, err := os.Stat(filepath.Join(l.root, filepath.FromSlash(key))); errors.Is(err, fs.ErrNotExist) {
			stale = append(stale, key)
		}
	}
	return stale
}

// hashOptions fingerprints everything that shapes the outputs.
func hashOptions(opts Options) string {
	r := opts.Render
	r.Version = ""
	parse := opts.Parse
	parse.Splits = nil // the sidecar is part of the source's fingerprint
	data, _ := json.Marshal(struct {
		Formats []render.Format
		Render  render.Options
		Parse   content.ParseOptions
		Drafts  bool
		Fonts   []string // the fallback fonts' content
	}{opts.Formats, r, parse, opts.Drafts, r.FontSums()})
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// parseSource parses a task's bytes; messages name the source by its
// manifest key, a path relative to the source root, so that neither they
// nor the manifest hold absolute paths.
func parseSource(t *task, data []byte, opts content.ParseOptions) (*content.Article, error) {
	if t.path != "" && opts.Splits == nil {
		splits, err := content.LoadSplitOverrides(t.path)
		if err != nil {
			return nil, err
		}
		opts.Splits = splits
	}
	return content.ParseWith(t.key, data, opts)
}

// sourceHash fingerprints what an article is made from: its file and the
// sidecar of split choices beside it, if any.
func sourceHash(t *task, data []byte) string {
	if t.path == "" {
		return out.HashBytes(data)
	}
	side, err := os.ReadFile(content.SplitsPath(t.path))
	if err != nil {
		return out.HashBytes(data)
	}
	return out.HashBytes(append(append([]byte{}, data...), side...))
}

// readSource reads a task's file, naming it by its key in errors.
func readSource(t *task) ([]byte, error) {
	if t.path == "" {
		return defaultArticle, nil
	}
	data, err := content.ReadFile(t.path)
	var e *content.Error
	if errors.As(err, &e) {
		e.Path = t.key
	}
	return data, err
}

var warmOnce sync.Once

// warmLayout starts, once per process and on another goroutine, what the
// first layout would otherwise stop to do: parse the fonts for measuring,
// build the icon index and the hyphenation patterns (each made on first
// use). It is called as the first article is parsed, so that this runs on
// the other core meanwhile; a run that builds nothing never pays for it.
// A cold build of the example took about a tenth less wall time
// (alternating runs, 50 pairs each way).
func warmLayout() {
	warmOnce.Do(func() {
		go func() {
			fonts.Load()
			layout.IconFor("Salary Range")
			if h := layout.Hyphenate; h != nil {
				h("hyphenation")
			}
		}()
	})
}
