// Package out is the publisher: the only code that touches the output
// folder. A Store owns the folder for one run: the lock, the journal and
// manifest, freshness checks, publishing an article's files as one unit and
// pruning by ownership. Every file is written to a temporary file, fsynced
// and renamed, so no final name ever holds a partial file, and no symbolic
// link inside the folder is ever followed. An article's files are fsynced
// together, then renamed, then their folder fsynced once.
package out

import (
	"errors"
	"fmt"
	"hash/fnv"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
)

// TempPrefix starts the name of every temporary file; a later run removes
// any that a killed run left behind.
const TempPrefix = ".triptych-tmp-"

// Shard is one part of a batch split across processes or machines that
// share one output folder. The zero value is the whole batch.
type Shard struct{ Index, Count int }

// tag names the shard in lock, journal and temporary file names; the whole
// batch is "0-of-1".
func (s Shard) tag() string {
	return strconv.Itoa(s.Index) + "-of-" + strconv.Itoa(s.count())
}

func (s Shard) count() int { return max(1, s.Count) }

// Owns reports whether key (a slug) belongs to the shard: FNV-1a of the
// key modulo the shard count, the same on every machine.
func (s Shard) Owns(key string) bool {
	if s.count() == 1 {
		return true
	}
	h := fnv.New64a()
	h.Write([]byte(key))
	return h.Sum64()%uint64(s.Count) == uint64(s.Index)
}

// WriteFile writes data to path atomically: readers see the old file or the
// new one, never a part. The folder is created if needed. It is for files
// outside an article folder (the manifest, a converted article); articles
// are published with Store.Publish.
func WriteFile(path string, data []byte) error {
	// Renaming over a device (/dev/null), a link or a folder would replace
	// it with a plain file: refuse anything but a regular file or nothing.
	if info, err := os.Lstat(path); err == nil && !info.Mode().IsRegular() {
		return fmt.Errorf("%s is not a regular file; triptych only replaces regular files", path)
	}
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	tmp, err := writeTemp(dir, filepath.Base(path), "", data)
	if err != nil {
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return err
	}
	return syncDir(dir)
}

// writeTemp writes data to a new temporary file in dir, named after name
// and tagged with the shard writing it, and fsyncs it. On failure nothing
// is left behind.
func writeTemp(dir, name, tag string, data []byte) (tmpPath string, err error) {
	f, err := createTemp(dir, name, tag, data)
	if err != nil {
		return "", err
	}
	if err := syncClose([]*os.File{f}); err != nil {
		os.Remove(f.Name())
		return "", err
	}
	return f.Name(), nil
}

// createTemp writes data to a new temporary file in dir, named after name
// and tagged with the shard writing it, and starts writing it to disk
// without waiting: syncClose makes it durable. The file is returned open;
// on failure nothing is left behind.
func createTemp(dir, name, tag string, data []byte) (_ *os.File, err error) {
	if tag != "" {
		tag += "-"
	}
	f, err := os.CreateTemp(dir, TempPrefix+tag+name+"-*")
	if err != nil {
		return nil, err
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	if _, err = f.Write(data); err != nil {
		return nil, err
	}
	if err = f.Chmod(0o644); err != nil {
		return nil, err
	}
	startWriteback(f)
	return f, nil
}

// syncClose fsyncs files, all at once, and closes them: waiting for the
// disk once per article rather than once per file, since concurrent
// fsyncs share the file system's journal commits. It returns their
// errors, joined; every file is closed either way.
func syncClose(files []*os.File) error {
	errs := make([]error, len(files))
	if len(files) == 1 {
		errs[0] = files[0].Sync()
	} else {
		var wg sync.WaitGroup
		for i, f := range files {
			wg.Go(func() { errs[i] = f.Sync() })
		}
		wg.Wait()
	}
	for i, f := range files {
		if err := f.Close(); errs[i] == nil {
			errs[i] = err
		}
	}
	return errors.Join(errs...)
}

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	if err := d.Sync(); err != nil && !errors.Is(err, fs.ErrInvalid) && !errors.Is(err, fs.ErrPermission) {
		return err
	}
	return nil
}

// tempOwner reads the shard tag of a temporary file name: ok is false for
// a name without one (written by WriteFile or an older triptych).
func tempOwner(name string) (index, count int, ok bool) {
	rest := strings.TrimPrefix(name, TempPrefix)
	parts := strings.SplitN(rest, "-", 4)
	if len(parts) < 4 || parts[1] != "of" {
		return 0, 0, false
	}
	i, err1 := strconv.Atoi(parts[0])
	n, err2 := strconv.Atoi(parts[2])
	return i, n, err1 == nil && err2 == nil
}

// CleanTemps removes the temporary files that an interrupted run of this
// shard left in root and its article folders, and reports how many. Files
// of another shard of the same count are left alone: that shard may be
// running now and writing them. Files of another count, or untagged, are
// removed: the folder lock guarantees no such run is active. Symbolic
// links are not followed.
func CleanTemps(root string, shard Shard) (int, error) {
	removed := 0
	var clean func(dir string) error
	clean = func(dir string) error {
		entries, err := os.ReadDir(dir)
		if err != nil {
			return err
		}
		for _, e := range entries {
			name := e.Name()
			if e.IsDir() && dir == root && validSlug(name) {
				if err := clean(filepath.Join(dir, name)); err != nil {
					return fmt.Errorf("%s: %w", filepath.Join(dir, name), err)
				}
				continue
			}
			if !strings.HasPrefix(name, TempPrefix) {
				continue
			}
			if i, n, ok := tempOwner(name); ok && n == shard.count() && i != shard.Index {
				continue
			}
			if os.Remove(filepath.Join(dir, name)) == nil {
				removed++
			}
		}
		return nil
	}
	return removed, clean(root)
}
