package serve

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"regexp"
	"strings"
	"time"

	"github.com/triptych/triptych/render"
)

// maxAssetBytes bounds a file read from the output folder, so that a huge
// file put there by hand cannot exhaust memory.
const maxAssetBytes = 512 << 20

// asset is one file of an article's assets: a file of the output folder
// (Output) or a blob of the preview cache.
type asset struct {
	Slug   string // the article folder
	Name   string // the file name, "<slug>.png"
	Ext    string // what follows the slug: "png", "pdf", "xlsx", "csv", "alt.txt"
	Hash   string // hex SHA-256 of the bytes; empty for an output file
	Output bool
}

// url is where the page loads the asset from: the output folder for what
// the build wrote, the preview cache by content hash for the rest.
func (f asset) url() string {
	if f.Output {
		return "/files/" + f.Slug + "/" + f.Name
	}
	return "/preview/" + f.Hash + "/" + f.Name
}

// assetSet is the files one build of an article made, in format order.
type assetSet struct {
	files []asset
}

// file returns the asset with extension ext.
func (s *assetSet) file(ext string) (asset, bool) {
	if s == nil {
		return asset{}, false
	}
	for _, f := range s.files {
		if f.Ext == ext {
			return f, true
		}
	}
	return asset{}, false
}

// withPNG returns the set with its infographic (and alt text) replaced
// by those of another set.
func (s *assetSet) withPNG(p *assetSet) *assetSet {
	out := &assetSet{}
	for _, f := range s.files {
		if f.Ext == "png" || f.Ext == "alt.txt" {
			if g, ok := p.file(f.Ext); ok {
				f = g
			}
		}
		out.files = append(out.files, f)
	}
	return out
}

// safeName matches a slug or a file name that may be looked up: no
// separators, no leading dot (so never "." or ".."), nothing a file
// system would read as a drive or stream.
var safeName = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_-]*(\.[A-Za-z0-9_-]+)*$`)

// validName reports whether one path segment of a request may name a
// file.
func validName(s string) bool {
	return len(s) <= 255 && safeName.MatchString(s)
}

// outputExts are the files of an article's folder that may be served.
func outputExts(formats []render.Format) []string {
	var exts []string
	for _, f := range formats {
		exts = append(exts, string(f))
		if f == render.PNG {
			exts = append(exts, "alt.txt")
		}
	}
	return exts
}

// outputSet returns the files of the output folder's article folder for
// slug, and when they were written, or nil when any format is missing
// (the build failed before writing it, or asked for other formats).
func (s *Server) outputSet(slug string) (*assetSet, time.Time) {
	if s.root == nil || !validName(slug) {
		return nil, time.Time{}
	}
	set := &assetSet{}
	var newest time.Time
	for _, ext := range outputExts(s.cfg.Formats) {
		name := slug + "." + ext
		info, err := s.statOutput(slug, name)
		if err != nil {
			if ext == "alt.txt" {
				continue // older builds wrote no alt text
			}
			return nil, time.Time{}
		}
		if info.ModTime().After(newest) {
			newest = info.ModTime()
		}
		set.files = append(set.files, asset{Slug: slug, Name: name, Ext: ext, Output: true})
	}
	return set, newest
}

// errNotServed is any output path that is not an article's own regular
// file; the handler answers 404 without saying which check failed.
var errNotServed = errors.New("not a file of the output folder")

// statOutput checks that slug/name is a regular file directly inside an
// article folder of the output folder. Links are refused at both levels,
// and os.Root refuses any path that would leave the folder, so nothing
// outside it is ever opened.
func (s *Server) statOutput(slug, name string) (fs.FileInfo, error) {
	if s.root == nil || !validName(slug) || !validName(name) || !strings.HasPrefix(name, slug+".") {
		return nil, errNotServed
	}
	dir, err := s.root.Lstat(slug)
	if err != nil || !dir.IsDir() {
		return nil, errNotServed
	}
	info, err := s.root.Lstat(path.Join(slug, name))
	if err != nil || !info.Mode().IsRegular() {
		return nil, errNotServed
	}
	return info, nil
}

// readOutput reads slug/name from the output folder (see statOutput).
func (s *Server) readOutput(slug, name string) ([]byte, fs.FileInfo, error) {
	if _, err := s.statOutput(slug, name); err != nil {
		return nil, nil, err
	}
	f, err := s.root.Open(path.Join(slug, name))
	if err != nil {
		return nil, nil, errNotServed
	}
	defer f.Close()
	// Checked again on the open file: should a link be swapped in after
	// the Lstat, os.Root has still kept the open inside the folder, and
	// what was opened must still be a regular file.
	info, err := f.Stat()
	if err != nil || !info.Mode().IsRegular() {
		return nil, nil, errNotServed
	}
	data, err := io.ReadAll(io.LimitReader(f, maxAssetBytes+1))
	if err != nil {
		return nil, nil, fmt.Errorf("cannot read %s: %w", name, err)
	}
	if len(data) > maxAssetBytes {
		return nil, nil, fmt.Errorf("%s is over %d MB, too large to preview", name, maxAssetBytes>>20)
	}
	return data, info, nil
}

// bytesOf returns the content of one asset.
func (s *Server) bytesOf(f asset) ([]byte, error) {
	if f.Output {
		data, _, err := s.readOutput(f.Slug, f.Name)
		if err != nil {
			return nil, fmt.Errorf("the output file %s/%s cannot be read any more (was the output folder changed?): %w", f.Slug, f.Name, err)
		}
		return data, nil
	}
	s.mu.Lock()
	b, ok := s.blobs.get(f.Hash, f.Name)
	s.mu.Unlock()
	if ok {
		return b, nil
	}
	return nil, fmt.Errorf("the preview of %s was dropped from the cache; reload the page", f.Name)
}

// hashOf is the hex SHA-256 used for ETags and preview URLs.
func hashOf(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}
