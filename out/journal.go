package out

import (
	"bufio"
	"encoding/json"
	"errors"
	"io"
	"io/fs"
	"os"
)

// Journal appends one manifest entry per finished article, so that a run
// killed at any moment loses only the articles in flight: each append is a
// single write, which survives the process being killed (it needs no
// fsync for that; the outputs themselves are fsynced). The manifest is
// rewritten once at the end and the journal removed.
type Journal struct {
	f *os.File
}

// OpenJournal opens (creating) the journal at path for appending. A
// symbolic link in its place is refused, not followed.
func OpenJournal(path string) (*Journal, error) {
	if err := refuseSymlink(path); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY|os.O_APPEND|oNoFollow, 0o644)
	if err != nil {
		return nil, err
	}
	if info, err := f.Stat(); err != nil || !info.Mode().IsRegular() {
		f.Close()
		return nil, errors.New(path + " is not a regular file")
	}
	return &Journal{f: f}, nil
}

// Append records one entry.
func (j *Journal) Append(e *Entry) error {
	line, err := json.Marshal(e)
	if err != nil {
		return err
	}
	_, err = j.f.Write(append(line, '\n'))
	return err
}

// Close closes the journal file.
func (j *Journal) Close() error { return j.f.Close() }

// Replay applies the entries of a journal left by an interrupted run to m;
// a torn last line is ignored, and so is any entry that cannot be trusted.
func Replay(m *Manifest, path string) error {
	f, _, err := openRegular(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(io.LimitReader(f, maxManifestBytes))
	sc.Buffer(make([]byte, 0, 64<<10), 16<<20)
	for sc.Scan() {
		var e Entry
		if json.Unmarshal(sc.Bytes(), &e) == nil && e.Source != "" {
			m.Articles[e.Source] = &e
		}
	}
	m.sanitize()
	return nil
}
