package out

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sync"
)

// ErrClosed reports a publish attempted after the run gave up on the
// article (an interrupted run stops waiting for articles in flight).
var ErrClosed = errors.New("the run was stopped before this article was saved")

// File is one rendered file of an article: the name after the slug
// (".png", ".alt.txt") and its bytes.
type File struct {
	Suffix string
	Data   []byte
}

// Store is an output folder held by one run: it alone writes, checks and
// deletes there.
type Store struct {
	root                      string
	shard                     Shard
	lock                      *folderLock
	manifest                  *Manifest
	journal                   *Journal
	manifestPath, journalPath string
	changed                   bool // the manifest must be rewritten
	warnings                  []string

	mu     sync.RWMutex // Publish holds it shared, Close exclusively
	closed bool
}

// fileNames returns the manifest and journal names of a shard: each shard
// keeps its own, so that shards sharing a folder never write one file.
func fileNames(shard Shard) (manifest, journal string) {
	if shard.Count == 0 {
		return "manifest.json", ".triptych-journal.jsonl"
	}
	tag := "shard-" + shard.tag()
	return "manifest." + tag + ".json", ".triptych-journal." + tag + ".jsonl"
}

// Open takes the output folder root for shard (creating it), removes what
// an interrupted run of the same shard left behind, and reads the
// manifest and journal. Problems with them are warnings, not errors: the
// articles concerned are rebuilt.
func Open(root string, shard Shard, tool string) (_ *Store, err error) {
	if err := os.MkdirAll(root, 0o755); err != nil {
		return nil, err
	}
	lock, err := lockFolder(root, shard)
	if err != nil {
		return nil, err
	}
	defer func() {
		if err != nil {
			lock.unlock()
		}
	}()
	s := &Store{root: root, shard: shard, lock: lock}
	mName, jName := fileNames(shard)
	s.manifestPath, s.journalPath = filepath.Join(root, mName), filepath.Join(root, jName)
	// A journal left behind means the last run was interrupted: only then
	// can temporary files be lying around, and its entries must reach the
	// manifest even if nothing is rebuilt.
	if _, err := os.Lstat(s.journalPath); err == nil {
		s.changed = true
		if _, err := CleanTemps(root, shard); err != nil {
			return nil, fmt.Errorf("%s: %w", root, err)
		}
	}
	s.manifest, err = ReadManifest(s.manifestPath, tool)
	if err != nil {
		s.warnings = append(s.warnings, err.Error())
	}
	if err := Replay(s.manifest, s.journalPath); err != nil {
		return nil, err
	}
	if s.journal, err = OpenJournal(s.journalPath); err != nil {
		return nil, err
	}
	return s, nil
}

// Warnings returns what Open found wrong with the manifest.
func (s *Store) Warnings() []string { return s.warnings }

// Entry returns the recorded entry of a source key, or nil.
func (s *Store) Entry(key string) *Entry { return s.manifest.Articles[key] }

// Keys returns the recorded source keys, sorted.
func (s *Store) Keys() []string { return s.manifest.Sources() }

// Fresh reports whether e's outputs are in the folder as recorded.
func (s *Store) Fresh(e *Entry) bool { return e.Fresh(s.root) }

// Rebase records that the keys of this run are relative to sourceRoot
// (relative to the output folder). Recorded keys relative to another root
// (legacyRoot for a manifest that does not say) are rewritten to the new
// one, so that moving between working folders or roots never makes an
// existing source look gone. The key fixed (the bundled article) is not
// a path and is left as it is.
func (s *Store) Rebase(sourceRoot, legacyRoot, fixed string) {
	old := s.manifest.SourceRoot
	if old == "" && len(s.manifest.Articles) > 0 {
		old = legacyRoot
	}
	if old == sourceRoot || sourceRoot == "" {
		return // the same root, or a run of the bundled article alone
	}
	if old != "" {
		rekeyed := make(map[string]*Entry, len(s.manifest.Articles))
		for key, e := range s.manifest.Articles {
			if key != fixed {
				rel, err := filepath.Rel(filepath.FromSlash(sourceRoot), filepath.FromSlash(path.Join(old, key)))
				if err == nil {
					key = filepath.ToSlash(rel)
				}
				e.Source = key
			}
			rekeyed[key] = e
		}
		s.manifest.Articles = rekeyed
	}
	s.manifest.SourceRoot, s.changed = sourceRoot, true
}

// Record stores an article's entry in the manifest and appends it to the
// journal at once. It is called from one goroutine at a time.
func (s *Store) Record(e *Entry) error {
	s.manifest.Articles[e.Source] = e
	s.changed = true
	return s.journal.Append(e)
}

// Forget drops a key from this shard's manifest without touching files:
// its article now belongs to another shard, which records it.
func (s *Store) Forget(key string) {
	if _, ok := s.manifest.Articles[key]; ok {
		delete(s.manifest.Articles, key)
		s.changed = true
	}
}

// Prune forgets the entries of stale sources and, with remove, deletes
// their outputs, except those of a slug that a current article claims: a
// file is removed only when no current article owns it. It returns the
// pruned keys.
func (s *Store) Prune(stale []string, claimed map[string]bool, remove bool) (pruned []string) {
	if !remove {
		return nil
	}
	for _, key := range stale {
		e := s.manifest.Articles[key]
		if e == nil {
			continue
		}
		if !claimed[e.Slug] {
			s.removeOutputs(e)
		}
		delete(s.manifest.Articles, key)
		s.changed = true
		pruned = append(pruned, key)
	}
	return pruned
}

// removeOutputs deletes the recorded outputs of e that are regular files
// of its own real folder, then the folder if it is left empty.
func (s *Store) removeOutputs(e *Entry) {
	dir, err := articleDir(s.root, e.Slug, false)
	if err != nil {
		return
	}
	for _, o := range e.Outputs {
		if !outputName(e.Slug, o.Path) {
			continue
		}
		p := filepath.Join(s.root, filepath.FromSlash(o.Path))
		if info, err := os.Lstat(p); err == nil && info.Mode().IsRegular() {
			os.Remove(p)
		}
	}
	os.Remove(dir) // only if now empty
}

// Close writes the manifest when something changed (or it is missing),
// removes the journal and releases the folder. Publishing after Close
// fails with ErrClosed.
func (s *Store) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil
	}
	s.closed = true
	defer s.lock.unlock()
	s.journal.Close()
	_, statErr := os.Lstat(s.manifestPath)
	if s.changed || errors.Is(statErr, fs.ErrNotExist) {
		if err := s.manifest.Write(s.manifestPath); err != nil {
			return fmt.Errorf("writing %s: %w", s.manifestPath, err)
		}
	}
	os.Remove(s.journalPath)
	return nil
}
