package out

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
	"sort"
)

// ManifestVersion is the schema version of manifest.json.
const ManifestVersion = 1

// maxManifestBytes bounds what is read of a manifest: a batch of 100,000
// articles takes about 100 MiB; anything larger is not ours.
const maxManifestBytes = 512 << 20

// Manifest records what a run built, for incremental rebuilds and for
// people and scripts checking a batch.
type Manifest struct {
	Version int    `json:"manifest_version"`
	Tool    string `json:"tool_version"`
	// SourceRoot is the folder the article keys are relative to, written
	// relative to the output folder (slash-separated), so that the keys
	// stay the same whatever the working folder of a run. "" when unknown
	// (an older manifest: its keys were relative to its working folder).
	SourceRoot string            `json:"source_root,omitempty"`
	Articles   map[string]*Entry `json:"articles"` // by source path, relative to SourceRoot
}

// Entry is one article's record.
type Entry struct {
	Source      string   `json:"source"`
	SourceHash  string   `json:"source_sha256"`
	OptionsHash string   `json:"options_sha256"`
	Tool        string   `json:"tool_version"`
	Slug        string   `json:"slug"`
	Status      string   `json:"status"` // "ok" or "failed"
	Error       string   `json:"error,omitempty"`
	Warnings    []string `json:"warnings"`
	Outputs     []Output `json:"outputs"`
}

// Output is one written file, relative to the output folder.
type Output struct {
	Path   string `json:"path"`
	Size   int64  `json:"size"`
	SHA256 string `json:"sha256"`
	// ModTime (Unix nanoseconds) lets a rerun trust an unchanged file
	// without hashing it again.
	ModTime int64 `json:"mtime_ns"`
}

// NewManifest returns an empty manifest.
func NewManifest(tool string) *Manifest {
	return &Manifest{Version: ManifestVersion, Tool: tool, Articles: map[string]*Entry{}}
}

// ReadManifest reads path. A missing file gives an empty manifest; a
// damaged one gives an empty manifest and an error to report as a warning
// (everything is rebuilt). Entries that cannot be trusted (null, or naming
// an output outside their article's folder) are dropped or marked for
// rebuilding, with an error saying so.
func ReadManifest(path, tool string) (*Manifest, error) {
	m := NewManifest(tool)
	f, _, err := openRegular(path)
	if errors.Is(err, fs.ErrNotExist) {
		return m, nil
	}
	if err != nil {
		return m, fmt.Errorf("%s: %w; rebuilding everything", path, err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxManifestBytes+1))
	if err != nil {
		return m, fmt.Errorf("%s: %w; rebuilding everything", path, err)
	}
	var read Manifest
	if len(data) > maxManifestBytes || json.Unmarshal(data, &read) != nil || read.Version != ManifestVersion || read.Articles == nil {
		return m, fmt.Errorf("%s is damaged or from another version; rebuilding everything", path)
	}
	read.Tool = tool
	if bad := read.sanitize(); len(bad) > 0 {
		return &read, fmt.Errorf("%s: ignored %d damaged entries (%s); they are rebuilt", path, len(bad), bad[0])
	}
	return &read, nil
}

// sanitize drops null entries and distrusts entries whose outputs are not
// all files of their own article folder, returning the keys concerned.
func (m *Manifest) sanitize() (bad []string) {
	for _, key := range m.Sources() {
		e := m.Articles[key]
		if e == nil {
			delete(m.Articles, key)
			bad = append(bad, key)
			continue
		}
		e.Source = key
		for _, o := range e.Outputs {
			if !outputName(e.Slug, o.Path) {
				e.Status, e.Outputs = "failed", nil
				bad = append(bad, key)
				break
			}
		}
	}
	return bad
}

// Write saves the manifest atomically, with sorted keys and stable
// formatting.
func (m *Manifest) Write(path string) error {
	data, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	if err := refuseSymlink(path); err != nil {
		return err
	}
	return WriteFile(path, append(data, '\n'))
}

// Sources returns the recorded source paths, sorted.
func (m *Manifest) Sources() []string {
	keys := make([]string, 0, len(m.Articles))
	for s := range m.Articles {
		keys = append(keys, s)
	}
	sort.Strings(keys)
	return keys
}

// Fresh reports whether the entry's outputs are on disk under root as
// recorded: same size and modification time, or, when the time differs,
// the same hash. Only regular files of the article's own folder are
// looked at; links are not followed.
func (e *Entry) Fresh(root string) bool {
	if e == nil || e.Status != "ok" || len(e.Outputs) == 0 {
		return false
	}
	if _, err := articleDir(root, e.Slug, false); err != nil {
		return false
	}
	for _, o := range e.Outputs {
		if !outputName(e.Slug, o.Path) {
			return false
		}
		f, info, err := openRegular(filepath.Join(root, filepath.FromSlash(o.Path)))
		if err != nil {
			return false
		}
		same := info.Size() == o.Size && (info.ModTime().UnixNano() == o.ModTime || hashReader(f) == o.SHA256)
		f.Close()
		if !same {
			return false
		}
	}
	return true
}

func hashReader(r io.Reader) string {
	h := sha256.New()
	if _, err := io.Copy(h, r); err != nil {
		return ""
	}
	return hex.EncodeToString(h.Sum(nil))
}

// HashFile returns the SHA-256 of a regular file, in hex, without
// following a symbolic link.
func HashFile(path string) (string, error) {
	f, _, err := openRegular(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// HashBytes returns the SHA-256 of data, in hex.
func HashBytes(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// Merge combines shard manifests into one; a later manifest's entry for
// the same source wins. The source root is kept when all parts agree.
func Merge(tool string, parts ...*Manifest) *Manifest {
	m := NewManifest(tool)
	for i, p := range parts {
		if i == 0 {
			m.SourceRoot = p.SourceRoot
		} else if p.SourceRoot != m.SourceRoot {
			m.SourceRoot = ""
		}
		for k, v := range p.Articles {
			if v != nil {
				m.Articles[k] = v
			}
		}
	}
	return m
}
