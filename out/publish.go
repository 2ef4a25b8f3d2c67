package out

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// rename is os.Rename; tests replace it to fail part-way through.
var rename = os.Rename

// staged is one file of an article on its way to its final name.
type staged struct {
	final, tmp, backup string
	hadOld             bool // a previous file existed (kept as backup when links work)
	data               []byte
}

// Publish writes the files of one article into <root>/<slug>/ as one unit:
// every file is first written to a temporary file, and all of them are
// fsynced together; only then are they renamed into place, and the folder
// fsynced once. On any failure the article's previous files are left (or
// put back) as they were and the temporaries removed. The article folder
// and the final names must not be symbolic links. It is safe to call from
// several goroutines for different slugs.
func (s *Store) Publish(slug string, files []File) (outputs []Output, err error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.closed {
		return nil, ErrClosed
	}
	dir, err := articleDir(s.root, slug, true)
	if err != nil {
		return nil, err
	}
	var steps []staged
	var open []*os.File // written, not yet synced and closed
	defer func() {
		for _, f := range open {
			f.Close()
		}
		for _, st := range steps {
			if st.tmp != "" {
				os.Remove(st.tmp)
			}
			if st.backup != "" {
				os.Remove(st.backup)
			}
		}
	}()
	for _, f := range files {
		final, err := Target(s.root, slug, f.Suffix)
		if err != nil {
			return nil, err
		}
		if info, err := os.Lstat(final); err == nil && !info.Mode().IsRegular() {
			if info.Mode()&fs.ModeSymlink != 0 {
				return nil, fmt.Errorf("%s %w", final, ErrSymlink)
			}
			return nil, fmt.Errorf("%s is not a regular file; move it away", final)
		}
		tmp, err := createTemp(dir, slug+f.Suffix, s.shard.tag(), f.Data)
		if err != nil {
			return nil, err
		}
		open = append(open, tmp)
		steps = append(steps, staged{final: final, tmp: tmp.Name(), data: f.Data})
	}
	synced := make(chan error, 1)
	go func() { synced <- syncClose(open) }()
	// Hash while the disk works.
	for _, st := range steps {
		outputs = append(outputs, Output{Path: slug + "/" + filepath.Base(st.final), Size: int64(len(st.data)), SHA256: HashBytes(st.data)})
	}
	err = <-synced
	open = nil // closed by syncClose
	if err != nil {
		return nil, err
	}
	if err := swapIn(steps); err != nil {
		return nil, err
	}
	if err := syncDir(dir); err != nil {
		return nil, err
	}
	for i, st := range steps {
		if info, err := os.Lstat(st.final); err == nil {
			outputs[i].ModTime = info.ModTime().UnixNano()
		}
	}
	return outputs, nil
}

// swapIn renames each temporary file over its final name, keeping a hard
// link to the file it replaces; if a rename fails, the files already
// replaced are put back, so the article never mixes new and old files.
// The temporaries and backups left are removed by the caller.
func swapIn(steps []staged) error {
	for i := range steps {
		st := &steps[i]
		if _, err := os.Lstat(st.final); err == nil {
			st.hadOld = true
			backup := st.tmp + ".old"
			if os.Link(st.final, backup) == nil {
				st.backup = backup
			}
		}
		if err := rename(st.tmp, st.final); err != nil {
			rollBack(steps[:i])
			return err
		}
		st.tmp = ""
	}
	return nil
}

// rollBack restores the previous files of steps already renamed in (or
// removes the new file where there was none).
func rollBack(done []staged) {
	for i := len(done) - 1; i >= 0; i-- {
		st := &done[i]
		if st.backup == "" {
			if !st.hadOld {
				os.Remove(st.final)
			}
			continue
		}
		if err := os.Rename(st.backup, st.final); err == nil || errors.Is(err, fs.ErrNotExist) {
			st.backup = ""
		}
	}
}
