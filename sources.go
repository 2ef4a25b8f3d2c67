package triptych

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/triptych/triptych/content"
)

// source is one article file to consider, or a folder or file that could
// not be read (which then fails alone, never the batch).
type source struct {
	path string // as opened; "" for the bundled article
	key  string // the manifest key: slash path relative to the source root
	err  error
}

// listing is what listSources found: the sources and the folder their
// keys are relative to.
type listing struct {
	root    string // absolute; "" for the bundled article
	sources []source
}

// listSources turns files, folders and glob patterns into sources, cheaply
// (no file is read). Keys are relative to the source root: the deepest
// folder holding every path given (a folder given alone is its own root),
// so they do not depend on the working folder. The output folder is left
// out when it lies inside an input folder, and a file named two ways
// (through "..", a link, or a folder and its file) is listed once.
func listSources(args []string, outDir string) (listing, error) {
	if len(args) == 0 {
		return listing{sources: []source{{key: DefaultArticleName}}}, nil
	}
	outAbs := realPath(outDir)
	var roots []string
	var found []source
	add := func(p string, err error) { found = append(found, source{path: p, err: err}) }
	for _, arg := range args {
		info, statErr := os.Stat(arg)
		switch {
		case statErr == nil && info.IsDir():
			roots = append(roots, absPath(arg))
			err := filepath.WalkDir(arg, func(p string, d fs.DirEntry, err error) error {
				if err != nil {
					if p == arg {
						return err
					}
					add(p, fmt.Errorf("cannot read this %s: %s", kind(d), reason(err)))
					if d != nil && d.IsDir() {
						return filepath.SkipDir
					}
					return nil
				}
				if d.IsDir() && p != arg && (strings.HasPrefix(d.Name(), ".") || realPath(p) == outAbs) {
					return filepath.SkipDir
				}
				if !d.IsDir() && IsArticleFile(p) {
					add(p, nil)
				}
				return nil
			})
			if err != nil {
				return listing{}, fmt.Errorf("%s: %s", content.SafeName(arg), reason(err))
			}
		case statErr == nil:
			roots = append(roots, filepath.Dir(absPath(arg)))
			add(arg, nil)
		case errors.Is(statErr, fs.ErrNotExist) && strings.ContainsAny(arg, "*?["):
			matches, err := filepath.Glob(arg)
			if err != nil {
				return listing{}, fmt.Errorf("%s: bad pattern: %w", content.SafeName(arg), err)
			}
			if len(matches) == 0 {
				return listing{}, fmt.Errorf("%s: no file matches", content.SafeName(arg))
			}
			roots = append(roots, absPath(globBase(arg)))
			for _, m := range matches {
				if IsArticleFile(m) {
					add(m, nil)
				}
			}
		default:
			return listing{}, fmt.Errorf("%s: no such file or folder", content.SafeName(arg))
		}
	}
	l := listing{root: commonFolder(roots)}
	seen := map[string]bool{}
	for _, s := range found {
		abs := absPath(s.path)
		real := realPath(s.path)
		if seen[real] || s.err == nil && within(outAbs, real) {
			continue
		}
		seen[real] = true
		s.key = filepath.ToSlash(s.path)
		if rel, err := filepath.Rel(l.root, abs); err == nil {
			s.key = filepath.ToSlash(rel)
		}
		if s.err != nil {
			s.err = fmt.Errorf("%s: %w", content.SafeName(s.key), s.err)
		}
		l.sources = append(l.sources, s)
	}
	sort.Slice(l.sources, func(i, j int) bool { return l.sources[i].key < l.sources[j].key })
	return l, nil
}

// ExpandSources turns files, folders and glob patterns into a sorted list
// of article paths. No sources gives one "" entry: the default article.
func ExpandSources(args []string) ([]string, error) {
	l, err := listSources(args, "")
	if err != nil {
		return nil, err
	}
	paths := make([]string, 0, len(l.sources))
	for _, s := range l.sources {
		if s.err == nil {
			paths = append(paths, s.path)
		}
	}
	return paths, nil
}

func absPath(p string) string {
	if abs, err := filepath.Abs(p); err == nil {
		return abs
	}
	return filepath.Clean(p)
}

// realPath is the absolute path of p with links resolved, for comparing
// two names of one file.
func realPath(p string) string {
	if p == "" {
		return ""
	}
	abs := absPath(p)
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		return real
	}
	return abs
}

// within reports whether p is dir or inside it.
func within(dir, p string) bool {
	if dir == "" {
		return false
	}
	rel, err := filepath.Rel(dir, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// globBase is the folder part of a pattern before its first wildcard.
func globBase(pattern string) string {
	dir := filepath.Dir(pattern)
	for strings.ContainsAny(dir, "*?[") {
		dir = filepath.Dir(dir)
	}
	return dir
}

// commonFolder is the deepest folder holding every folder of dirs.
func commonFolder(dirs []string) string {
	root := dirs[0]
	for _, d := range dirs[1:] {
		for !within(root, d) {
			parent := filepath.Dir(root)
			if parent == root {
				break
			}
			root = parent
		}
	}
	return root
}

func kind(d fs.DirEntry) string {
	if d != nil && d.IsDir() {
		return "folder"
	}
	return "file"
}

// reason turns a file system error into words, without repeating the path.
func reason(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	switch {
	case errors.Is(err, fs.ErrPermission):
		return "permission denied"
	case errors.Is(err, fs.ErrNotExist):
		return "it no longer exists"
	}
	return err.Error()
}
