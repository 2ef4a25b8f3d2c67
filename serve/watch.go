package serve

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/triptych/triptych"
	"github.com/triptych/triptych/content"
)

// Watch rebuilds articles whose source (or splits sidecar) changes, once
// the changes have been quiet for the debounce time, and tells open pages.
// New article files in watched folders are added. It returns when ctx
// ends, or at once with an error when the sources cannot be watched.
func (s *Server) Watch(ctx context.Context) error {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return fmt.Errorf("cannot watch the sources for changes: %w", err)
	}
	defer w.Close()
	outReal := realPath(s.cfg.OutDir)
	for _, src := range s.cfg.Sources {
		if err := watchTree(w, src, outReal); err != nil {
			return fmt.Errorf("cannot watch %s for changes: %w", src, err)
		}
	}
	pending := map[string]bool{}
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case err, ok := <-w.Errors:
			if !ok {
				return nil
			}
			s.logf("watching the sources: %v", err)
		case ev, ok := <-w.Events:
			if !ok {
				return nil
			}
			if within(outReal, realPath(ev.Name)) {
				continue
			}
			if ev.Has(fsnotify.Create) {
				if info, err := os.Lstat(ev.Name); err == nil && info.IsDir() && !strings.HasPrefix(info.Name(), ".") {
					watchTree(w, ev.Name, outReal)
				}
			}
			if p, ok := articleOf(ev.Name); ok {
				pending[p] = true
				timer.Reset(s.cfg.Debounce)
			}
		case <-timer.C:
			paths := make([]string, 0, len(pending))
			for p := range pending {
				paths = append(paths, p)
			}
			sort.Strings(paths)
			clear(pending)
			for _, p := range paths {
				s.changed(p)
			}
		}
	}
}

// changed rebuilds the article of a source file that was written,
// created, renamed or removed.
func (s *Server) changed(path string) {
	if a, ok := s.byPath(path); ok {
		if _, err := os.Stat(path); err != nil {
			s.mu.Lock()
			a.status = statusFailed
			a.err = fmt.Sprintf("%s: the source file is gone (renamed or deleted); the files shown are from its last build", path)
			a.gen++
			ev := event{Slug: a.slug, URL: "/article/" + a.slug, Status: a.status, Gen: a.gen}
			s.mu.Unlock()
			s.hub.publish(ev)
			return
		}
		s.rebuild(a)
		return
	}
	if info, err := os.Stat(path); err == nil && info.Mode().IsRegular() && s.inSourceFolder(path) {
		s.addNew(path)
	}
}

// inSourceFolder reports whether a new file lies in a folder given as a
// source: a file given alone has its folder watched, but its neighbours
// are not articles of this run.
func (s *Server) inSourceFolder(path string) bool {
	p := realPath(path)
	for _, src := range s.cfg.Sources {
		if info, err := os.Stat(src); err == nil && info.IsDir() && within(realPath(src), p) {
			return true
		}
	}
	return false
}

// articleOf maps a changed file to the article it belongs to: an article
// file itself, or the article beside a "<article>.splits.yaml" sidecar.
func articleOf(name string) (string, bool) {
	if base, ok := strings.CutSuffix(name, ".splits.yaml"); ok && triptych.IsArticleFile(base) {
		return base, content.SplitsPath(base) == name
	}
	if strings.HasPrefix(filepath.Base(name), ".") {
		return "", false // editors' swap and backup files
	}
	return name, triptych.IsArticleFile(name)
}

// watchTree watches a file's folder, or a folder and its sub-folders
// except hidden ones and the output folder. fsnotify watches folders, not
// files: an editor that saves by renaming a new file over the old one
// replaces the file being watched.
func watchTree(w *fsnotify.Watcher, root, outReal string) error {
	info, err := os.Stat(root)
	if err != nil {
		return err
	}
	if !info.IsDir() {
		return w.Add(filepath.Dir(root))
	}
	return filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return nil // an unreadable folder is simply not watched
		}
		if p != root && (strings.HasPrefix(d.Name(), ".") || within(outReal, realPath(p))) {
			return filepath.SkipDir
		}
		return w.Add(p)
	})
}

// within reports whether p is dir or below it.
func within(dir, p string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}
