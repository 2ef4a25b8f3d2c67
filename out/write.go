// Package out publishes rendered files: it names them inside the output
// folder, writes each one atomically (temp file, fsync, rename, fsync of the
// folder), and never leaves a partial file under a final name.
package out

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// TempPrefix starts the name of every temporary file; a later run removes
// any that a killed run left behind.
const TempPrefix = ".triptych-tmp-"

// ErrEscapes reports an output name that would leave the output folder.
var ErrEscapes = errors.New("output path leaves the output folder")

// Target returns root/slug/slug+suffix, refusing any slug or suffix that is
// not a plain file name.
func Target(root, slug, suffix string) (string, error) {
	name := slug + suffix
	if slug == "" || slug == "." || slug == ".." || strings.ContainsAny(name, `/\`+"\x00") || strings.HasPrefix(slug, ".") {
		return "", fmt.Errorf("%w: %q", ErrEscapes, name)
	}
	p := filepath.Join(root, slug, name)
	rel, err := filepath.Rel(root, p)
	if err != nil || strings.HasPrefix(rel, "..") || filepath.IsAbs(rel) {
		return "", fmt.Errorf("%w: %q", ErrEscapes, name)
	}
	return p, nil
}

// WriteFile writes data to path atomically: readers see the old file or the
// new one, never a part. The folder is created if needed.
func WriteFile(path string, data []byte) (err error) {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, TempPrefix+filepath.Base(path)+"-*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return err
	}
	if err = tmp.Chmod(0o644); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return err
	}
	return syncDir(dir)
}

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	if err := d.Sync(); err != nil && !errors.Is(err, fs.ErrInvalid) {
		return err
	}
	return nil
}

// CleanTemps removes temporary files that an interrupted run left under
// root, and reports how many it removed.
func CleanTemps(root string) (int, error) {
	removed := 0
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil
			}
			return err
		}
		if !d.IsDir() && strings.HasPrefix(d.Name(), TempPrefix) {
			if err := os.Remove(p); err == nil {
				removed++
			}
		}
		return nil
	})
	return removed, err
}
