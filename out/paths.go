package out

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// ErrEscapes reports an output name that would leave the output folder.
var ErrEscapes = errors.New("output path leaves the output folder")

// ErrSymlink reports a symbolic link found where triptych writes, reads or
// deletes inside the output folder. Links there are never followed: one
// planted by someone else could send the outputs, or a deletion, anywhere.
var ErrSymlink = errors.New("is a symbolic link; triptych does not follow links inside the output folder (remove it)")

// validSlug reports whether slug can be a folder name of its own inside the
// output folder on every system.
func validSlug(slug string) bool {
	return slug != "" && slug != "." && slug != ".." && !strings.HasPrefix(slug, ".") &&
		!strings.ContainsAny(slug, `/\:`+"\x00")
}

// Target returns root/slug/slug+suffix, refusing any slug or suffix that is
// not a plain file name.
func Target(root, slug, suffix string) (string, error) {
	name := slug + suffix
	if !validSlug(slug) || strings.ContainsAny(name, `/\:`+"\x00") {
		return "", fmt.Errorf("%w: %q", ErrEscapes, name)
	}
	return filepath.Join(root, slug, name), nil
}

// outputName checks that rel, a path recorded in a manifest, names a file
// of the article slug: exactly "<slug>/<slug><suffix>". Anything else (an
// absolute path, "..", another article's folder) is refused, so that no
// manifest, however edited, makes triptych read or delete elsewhere.
func outputName(slug, rel string) bool {
	if !validSlug(slug) || strings.ContainsAny(rel, `\:`+"\x00") || path.Clean(rel) != rel {
		return false
	}
	dir, name := path.Split(rel)
	return dir == slug+"/" && strings.HasPrefix(name, slug) && len(name) > len(slug)
}

// articleDir returns root/slug after checking that it is a real folder (or
// absent, when create is false), never a symbolic link; with create it is
// made when missing.
func articleDir(root, slug string, create bool) (string, error) {
	if !validSlug(slug) {
		return "", fmt.Errorf("%w: %q", ErrEscapes, slug)
	}
	dir := filepath.Join(root, slug)
	info, err := os.Lstat(dir)
	switch {
	case err == nil && info.Mode()&fs.ModeSymlink != 0:
		return "", fmt.Errorf("%s %w", dir, ErrSymlink)
	case err == nil && !info.IsDir():
		return "", fmt.Errorf("%s is not a folder", dir)
	case errors.Is(err, fs.ErrNotExist) && create:
		if err := os.Mkdir(dir, 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
			return "", err
		}
		return articleDir(root, slug, false)
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		return "", err
	}
	return dir, nil
}

// openRegular opens a file inside the output folder for reading, refusing
// symbolic links and anything that is not a regular file (a FIFO would
// block, a device would never end).
func openRegular(p string) (*os.File, fs.FileInfo, error) {
	info, err := os.Lstat(p)
	if err != nil {
		return nil, nil, err
	}
	if info.Mode()&fs.ModeSymlink != 0 {
		return nil, nil, fmt.Errorf("%s %w", p, ErrSymlink)
	}
	if !info.Mode().IsRegular() {
		return nil, nil, fmt.Errorf("%s is not a regular file", p)
	}
	f, err := os.OpenFile(p, os.O_RDONLY|oNoFollow, 0)
	if err != nil {
		return nil, nil, err
	}
	if info, err = f.Stat(); err != nil || !info.Mode().IsRegular() {
		f.Close()
		return nil, nil, fmt.Errorf("%s is not a regular file", p)
	}
	return f, info, nil
}

// refuseSymlink fails when p exists and is a symbolic link.
func refuseSymlink(p string) error {
	if info, err := os.Lstat(p); err == nil && info.Mode()&fs.ModeSymlink != 0 {
		return fmt.Errorf("%s %w", p, ErrSymlink)
	}
	return nil
}
