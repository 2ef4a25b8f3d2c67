package out

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func TestPublishIsAllOrNothing(t *testing.T) {
	root := t.TempDir()
	s, err := Open(root, Shard{}, "1")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	old := []File{{".a", []byte("old a")}, {".b", []byte("old b")}, {".c", []byte("old c")}}
	if _, err := s.Publish("x", old); err != nil {
		t.Fatal(err)
	}
	// The third rename fails: the first two files must be put back.
	calls := 0
	rename = func(from, to string) error {
		if calls++; calls == 3 {
			return errors.New("disk went away")
		}
		return os.Rename(from, to)
	}
	defer func() { rename = os.Rename }()
	if _, err := s.Publish("x", []File{{".a", []byte("new a")}, {".b", []byte("new b")}, {".c", []byte("new c")}}); err == nil {
		t.Fatal("the failed publish succeeded")
	}
	for _, f := range old {
		if got, _ := os.ReadFile(filepath.Join(root, "x", "x"+f.Suffix)); !bytes.Equal(got, f.Data) {
			t.Errorf("x%s = %q after a failed publish, want %q", f.Suffix, got, f.Data)
		}
	}
	if entries, _ := os.ReadDir(filepath.Join(root, "x")); len(entries) != 3 {
		t.Errorf("%d files left in the article folder, want 3", len(entries))
	}
}

func TestOutputNamesStayInTheirArticleFolder(t *testing.T) {
	for path, ok := range map[string]bool{
		"a/a.png": true, "a/a.alt.txt": true, "a/b.png": false, "b/a.png": false, "../a/a.png": false,
		"a/../a.png": false, "/dev/zero": false, "a/a": false, "a/./a.png": false, `a\a.png`: false, "a/sub/a.png": false,
	} {
		if outputName("a", path) != ok {
			t.Errorf("outputName(a, %q) = %v", path, !ok)
		}
	}
}

func TestCleanTempsSparesOtherShardsOfTheSameCount(t *testing.T) {
	root := t.TempDir()
	os.MkdirAll(filepath.Join(root, "s"), 0o755)
	names := map[string]bool{ // name: removed by shard 0 of 2
		TempPrefix + "0-of-2-s.png-1": true, TempPrefix + "1-of-2-s.png-2": false,
		TempPrefix + "0-of-4-s.png-3": true, TempPrefix + "s.png-4": true,
	}
	for n := range names {
		os.WriteFile(filepath.Join(root, "s", n), nil, 0o644)
	}
	if _, err := CleanTemps(root, Shard{Index: 0, Count: 2}); err != nil {
		t.Fatal(err)
	}
	for n, removed := range names {
		if _, err := os.Stat(filepath.Join(root, "s", n)); (err != nil) != removed {
			t.Errorf("%s: removed = %v, want %v", n, err != nil, removed)
		}
	}
}

// WriteFile renamed over whatever was at the path: /dev/null became a
// plain file. Only regular files are replaced.
func TestWriteFileReplacesOnlyRegularFiles(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "target")
	os.WriteFile(target, []byte("keep"), 0o644)
	link := filepath.Join(dir, "link")
	if err := os.Symlink(target, link); err != nil {
		t.Skip(err)
	}
	folder := filepath.Join(dir, "folder")
	os.Mkdir(folder, 0o755)
	for _, p := range []string{link, folder, os.DevNull} {
		if err := WriteFile(p, []byte("x")); err == nil {
			t.Errorf("WriteFile(%s) replaced it", p)
		}
	}
	if info, err := os.Lstat(link); err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Error("the link was replaced")
	}
	if info, err := os.Lstat(os.DevNull); err != nil || info.Mode().IsRegular() {
		t.Fatalf("%s is no longer a device", os.DevNull)
	}
}
