package out

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
)

// ManifestVersion is the schema version of manifest.json.
const ManifestVersion = 1

// Manifest records what a run built, for incremental rebuilds and for
// people and scripts checking a batch.
type Manifest struct {
	Version  int               `json:"manifest_version"`
	Tool     string            `json:"tool_version"`
	Articles map[string]*Entry `json:"articles"` // by source path, relative to the working folder
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
// (everything is rebuilt).
func ReadManifest(path, tool string) (*Manifest, error) {
	m := NewManifest(tool)
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return m, nil
	}
	if err != nil {
		return m, err
	}
	var read Manifest
	if err := json.Unmarshal(data, &read); err != nil || read.Version != ManifestVersion || read.Articles == nil {
		return m, fmt.Errorf("%s is damaged or from another version; rebuilding everything", path)
	}
	read.Tool = tool
	return &read, nil
}

// Write saves the manifest atomically, with sorted keys and stable
// formatting.
func (m *Manifest) Write(path string) error {
	data, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	return WriteFile(path, append(data, '\n'))
}

// Sources returns the recorded source paths, sorted.
func (m *Manifest) Sources() []string {
	out := make([]string, 0, len(m.Articles))
	for s := range m.Articles {
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}

// Fresh reports whether the entry's outputs are on disk as recorded: same
// size and modification time, or, when the time differs, the same hash.
func (e *Entry) Fresh(root string) bool {
	if e.Status != "ok" || len(e.Outputs) == 0 {
		return false
	}
	for _, o := range e.Outputs {
		info, err := os.Stat(filepath.Join(root, o.Path))
		if err != nil || info.Size() != o.Size {
			return false
		}
		if info.ModTime().UnixNano() != o.ModTime {
			sum, err := HashFile(filepath.Join(root, o.Path))
			if err != nil || sum != o.SHA256 {
				return false
			}
		}
	}
	return true
}

// HashFile returns the SHA-256 of a file, in hex.
func HashFile(path string) (string, error) {
	f, err := os.Open(path)
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
// the same source wins.
func Merge(tool string, parts ...*Manifest) *Manifest {
	m := NewManifest(tool)
	for _, p := range parts {
		for k, v := range p.Articles {
			m.Articles[k] = v
		}
	}
	return m
}
