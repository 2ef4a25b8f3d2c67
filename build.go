package triptych

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"sort"
	"strings"
	"sync"

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
	// Prune removes the outputs of sources that no longer exist.
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

// Shard selects one part of a batch.
type Shard struct{ Index, Count int }

// ArticleReport is the outcome of one article.
type ArticleReport struct {
	Source   string   `json:"source"`
	Slug     string   `json:"slug,omitempty"`
	Status   string   `json:"status"` // "built", "skipped", "draft" or "failed"
	Files    []string `json:"files,omitempty"`
	Warnings []string `json:"warnings,omitempty"`
	Err      error    `json:"-"`
	Error    string   `json:"error,omitempty"`
}

// Report is the outcome of a Build.
type Report struct {
	Articles []ArticleReport `json:"articles"`
	Built    int             `json:"built"`
	Skipped  int             `json:"skipped"`
	Failed   int             `json:"failed"`
	// Drafts counts the articles left out because they are drafts.
	Drafts int `json:"drafts"`
	// Stale lists recorded sources that no longer exist; Pruned, those
	// whose outputs were removed.
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
	return line
}

// ParseShard reads "K/N".
func ParseShard(s string) (Shard, error) {
	var sh Shard
	if _, err := fmt.Sscanf(s, "%d/%d", &sh.Index, &sh.Count); err != nil || sh.Count < 1 || sh.Index < 0 || sh.Index >= sh.Count {
		return Shard{}, fmt.Errorf("shard %q: write K/N with 0 ≤ K < N, e.g. 0/4", s)
	}
	return sh, nil
}

// names returns the manifest, journal and lock file names of a shard.
func (s Shard) names() (manifest, journal, lock string) {
	if s.Count == 0 {
		return "manifest.json", ".triptych-journal.jsonl", ".triptych.lock"
	}
	tag := fmt.Sprintf("shard-%d-of-%d", s.Index, s.Count)
	return "manifest." + tag + ".json", ".triptych-journal." + tag + ".jsonl", ".triptych-" + tag + ".lock"
}

// owns reports whether key (a slug) belongs to the shard; the hash is the
// same on every machine.
func (s Shard) owns(key string) bool {
	if s.Count <= 1 {
		return true
	}
	h := fnv.New64a()
	h.Write([]byte(key))
	return h.Sum64()%uint64(s.Count) == uint64(s.Index)
}

// task is one article to consider.
type task struct {
	src        string // as given ("" for the default article)
	key        string // the manifest key: the path relative to the working folder
	data       []byte
	sourceHash string
	slug       string
	err        error
	skip       bool
}

// Build loads, lays out, renders and publishes each source article. An
// article that fails is reported and never stops the others, and never
// touches its earlier outputs. Up-to-date articles are skipped. The error
// returned is for problems with the run itself: bad options, no sources,
// the output folder locked by another run.
func Build(ctx context.Context, opts Options) (Report, error) {
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
			return Report{}, fmt.Errorf("format %s is not available in this version of triptych", f)
		}
	}
	sources, err := ExpandSources(opts.Sources)
	if err != nil {
		return Report{}, err
	}
	manifestName, journalName, lockName := opts.Shard.names()
	unlock, err := out.Lock(opts.OutDir, lockName)
	if err != nil {
		return Report{}, err
	}
	defer unlock()
	var rep Report
	manifestPath, journalPath := filepath.Join(opts.OutDir, manifestName), filepath.Join(opts.OutDir, journalName)
	// A journal left behind means the last run was interrupted: only then
	// can temporary files be lying around, so only then walk the folder;
	// and its entries must reach the manifest even if nothing is rebuilt.
	_, journalErr := os.Stat(journalPath)
	interrupted := journalErr == nil
	if interrupted {
		if _, err := out.CleanTemps(opts.OutDir); err != nil {
			return Report{}, fmt.Errorf("%s: %w", opts.OutDir, err)
		}
	}
	manifest, err := out.ReadManifest(manifestPath, Version)
	if err != nil {
		rep.Warnings = append(rep.Warnings, err.Error())
	}
	if err := out.Replay(manifest, journalPath); err != nil {
		rep.Warnings = append(rep.Warnings, err.Error())
	}
	journal, err := out.OpenJournal(journalPath)
	if err != nil {
		return Report{}, err
	}
	defer journal.Close()

	optionsHash := hashOptions(opts)
	tasks := plan(sources, manifest, opts, optionsHash)
	if opts.OnPlan != nil {
		opts.OnPlan(len(tasks))
	}
	changed := interrupted
	record := func(t *task, r ArticleReport, entry *out.Entry) {
		if r.Err != nil {
			r.Status, r.Error = "failed", r.Err.Error()
			rep.Failed++
		} else if r.Status == "skipped" {
			rep.Skipped++
		} else if r.Status == "draft" {
			rep.Drafts++
		} else {
			r.Status = "built"
			rep.Built++
		}
		if entry != nil {
			changed = true
			manifest.Articles[t.key] = entry
			if err := journal.Append(entry); err != nil {
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
			record(t, ArticleReport{Source: t.key, Slug: t.slug, Err: t.err}, failedEntry(t, optionsHash, t.err))
		case t.skip:
			e := manifest.Articles[t.key]
			record(t, ArticleReport{Source: t.key, Slug: t.slug, Status: "skipped", Files: outputPaths(e), Warnings: e.Warnings}, nil)
		default:
			work = append(work, t)
		}
	}
	results := runPool(ctx, work, opts, optionsHash)
	for res := range results {
		record(res.task, res.report, res.entry)
	}
	rep.Stale, rep.Pruned = staleSources(manifest, opts)
	sort.Slice(rep.Articles, func(i, j int) bool { return rep.Articles[i].Source < rep.Articles[j].Source })
	_, statErr := os.Stat(manifestPath)
	if changed || len(rep.Pruned) > 0 || statErr != nil {
		if err := manifest.Write(manifestPath); err != nil {
			return rep, fmt.Errorf("writing %s: %w", manifestPath, err)
		}
	}
	journal.Close()
	os.Remove(journalPath)
	return rep, ctx.Err()
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
	}{opts.Formats, r, parse, opts.Drafts})
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// plan reads and fingerprints every source, decides which are up to date,
// finds each slug, applies the shard and refuses duplicate slugs. It keeps
// no Article: workers load again what they build.
func plan(sources []string, manifest *out.Manifest, opts Options, optionsHash string) []*task {
	cwd, _ := os.Getwd()
	var tasks []*task
	for _, src := range sources {
		t := &task{src: src, key: relativeKey(cwd, src)}
		t.data, t.err = readSource(t)
		if t.err == nil {
			t.sourceHash = sourceHash(t, t.data)
			if e, ok := manifest.Articles[t.key]; ok && !opts.Force && e.SourceHash == t.sourceHash &&
				e.OptionsHash == optionsHash && e.Tool == Version && e.Fresh(opts.OutDir) {
				t.skip, t.slug = true, e.Slug
			} else if a, err := parseSource(t, opts.Parse); err != nil {
				t.err = err
			} else {
				t.slug = a.Slug
			}
		}
		t.data = nil // read again by the worker: memory stays flat
		shardKey := t.slug
		if shardKey == "" {
			shardKey = t.key
		}
		if opts.Shard.owns(shardKey) {
			tasks = append(tasks, t)
		}
	}
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
			t.err = fmt.Errorf("%s: the slug %q is shared by %s; give each its own title, or a slug: in its front matter", t.key, slug, strings.Join(names, " and "))
		}
	}
	return tasks
}

func relativeKey(cwd, src string) string {
	if src == "" {
		return DefaultArticleName
	}
	abs, err := filepath.Abs(src)
	if err != nil {
		return filepath.ToSlash(src)
	}
	if rel, err := filepath.Rel(cwd, abs); err == nil {
		return filepath.ToSlash(rel)
	}
	return filepath.ToSlash(src)
}

// parseSource parses a task's bytes; messages name the source by its
// manifest key, a path relative to the working folder, so that neither
// they nor the manifest hold absolute paths.
func parseSource(t *task, opts content.ParseOptions) (*content.Article, error) {
	if t.src != "" && opts.Splits == nil {
		splits, err := content.LoadSplitOverrides(t.src)
		if err != nil {
			return nil, err
		}
		opts.Splits = splits
	}
	return content.ParseWith(t.key, t.data, opts)
}

// sourceHash fingerprints what an article is made from: its file and the
// sidecar of split choices beside it, if any.
func sourceHash(t *task, data []byte) string {
	if t.src == "" {
		return out.HashBytes(data)
	}
	side, err := os.ReadFile(content.SplitsPath(t.src))
	if err != nil {
		return out.HashBytes(data)
	}
	return out.HashBytes(append(append([]byte{}, data...), side...))
}

// readSource reads a task's file, naming it by its key in errors.
func readSource(t *task) ([]byte, error) {
	if t.src == "" {
		return defaultArticle, nil
	}
	data, err := content.ReadFile(t.src)
	var e *content.Error
	if errors.As(err, &e) {
		e.Path = t.key
	}
	return data, err
}

func outputPaths(e *out.Entry) []string {
	var ps []string
	for _, o := range e.Outputs {
		ps = append(ps, o.Path)
	}
	return ps
}

func failedEntry(t *task, optionsHash string, err error) *out.Entry {
	return &out.Entry{Source: t.key, SourceHash: t.sourceHash, OptionsHash: optionsHash, Tool: Version, Slug: t.slug,
		Status: "failed", Error: err.Error(), Warnings: []string{}, Outputs: []out.Output{}}
}

// testPanicSlug makes buildTask panic on one slug, for the test that a
// panic fails only its own article.
var testPanicSlug string

// result is what a worker reports for one task.
type result struct {
	task   *task
	report ArticleReport
	entry  *out.Entry
}

// runPool builds tasks on opts.Jobs workers and streams their results.
func runPool(ctx context.Context, tasks []*task, opts Options, optionsHash string) <-chan result {
	jobs := opts.Jobs
	if jobs <= 0 {
		jobs = runtime.GOMAXPROCS(0)
	}
	queue := make(chan *task)
	results := make(chan result)
	var wg sync.WaitGroup
	for range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for t := range queue {
				results <- buildTask(t, opts, optionsHash)
			}
		}()
	}
	go func() {
		defer close(queue)
		for _, t := range tasks {
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

// buildTask builds one article; a panic fails that article only.
func buildTask(t *task, opts Options, optionsHash string) (res result) {
	res.task = t
	rep := ArticleReport{Source: t.key, Slug: t.slug}
	defer func() {
		if r := recover(); r != nil {
			rep.Err = fmt.Errorf("%s: internal error (please report it): %v", t.key, r)
			fmt.Fprintf(opts.Log, "internal error in %s: %v\n%s\n", t.key, r, debug.Stack())
			res.report, res.entry = rep, failedEntry(t, optionsHash, rep.Err)
		}
	}()
	data, err := readSource(t)
	var a *content.Article
	if err == nil {
		t.data = data
		a, err = parseSource(t, opts.Parse)
		t.data = nil
	}
	if err != nil {
		rep.Err = err
		return result{t, rep, failedEntry(t, optionsHash, err)}
	}
	if testPanicSlug != "" && a.Slug == testPanicSlug {
		panic("test hook: simulated renderer bug")
	}
	files, warnings, err := RenderArticle(a, opts.Formats, opts.Render)
	rep.Warnings = warnings
	if err != nil {
		rep.Err = fmt.Errorf("%s: %w", t.key, err)
		return result{t, rep, failedEntry(t, optionsHash, rep.Err)}
	}
	if a.Draft && !opts.Drafts {
		rep.Status = "draft"
		return result{t, rep, nil}
	}
	entry := &out.Entry{Source: t.key, SourceHash: sourceHash(t, data), OptionsHash: optionsHash, Tool: Version,
		Slug: a.Slug, Status: "ok", Warnings: append([]string{}, warnings...)}
	// Every format rendered: only now touch the output folder, so a failed
	// article leaves its previous outputs as they were.
	for _, f := range files {
		path, err := out.Target(opts.OutDir, a.Slug, f.Suffix)
		if err == nil {
			err = out.WriteFile(path, f.Data)
		}
		if err != nil {
			rep.Err = fmt.Errorf("%s: writing %s: %w", t.key, a.Slug+f.Suffix, err)
			return result{t, rep, failedEntry(t, optionsHash, rep.Err)}
		}
		rel := filepath.ToSlash(filepath.Join(a.Slug, a.Slug+f.Suffix))
		o := out.Output{Path: rel, Size: int64(len(f.Data)), SHA256: out.HashBytes(f.Data)}
		if info, err := os.Stat(path); err == nil {
			o.ModTime = info.ModTime().UnixNano()
		}
		entry.Outputs = append(entry.Outputs, o)
		rep.Files = append(rep.Files, rel)
	}
	return result{t, rep, entry}
}

// staleSources lists recorded sources that no longer exist and, with
// Prune, removes their outputs and records.
func staleSources(m *out.Manifest, opts Options) (stale, pruned []string) {
	for _, key := range m.Sources() {
		if key == DefaultArticleName {
			continue
		}
		if _, err := os.Stat(filepath.FromSlash(key)); !errors.Is(err, os.ErrNotExist) {
			continue
		}
		stale = append(stale, key)
		if !opts.Prune {
			continue
		}
		for _, o := range m.Articles[key].Outputs {
			p := filepath.Join(opts.OutDir, filepath.FromSlash(o.Path))
			if rel, err := filepath.Rel(opts.OutDir, p); err == nil && !strings.HasPrefix(rel, "..") {
				os.Remove(p)
				os.Remove(filepath.Dir(p)) // only if now empty
			}
		}
		delete(m.Articles, key)
		pruned = append(pruned, key)
	}
	return stale, pruned
}
