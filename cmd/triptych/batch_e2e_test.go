package main

// End-to-end tests of batches through the real binary: signals, shards on
// one folder as the README shows them, watch, and folders the run cannot
// read (as an unprivileged user when the tests run as root).

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

var (
	binOnce sync.Once
	binPath string
	binErr  error
)

// binary builds the command once for the package's tests, in a folder any
// user may run it from.
func binary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	binOnce.Do(func() {
		dir, err := os.MkdirTemp("", "triptych-bin-")
		if err != nil {
			binErr = err
			return
		}
		os.Chmod(dir, 0o755)
		binPath = filepath.Join(dir, "triptych")
		if out, err := exec.Command("go", "build", "-o", binPath, ".").CombinedOutput(); err != nil {
			binErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if binErr != nil {
		t.Fatal(binErr)
	}
	return binPath
}

// corpus writes n articles into dir/src and returns it.
func corpus(t *testing.T, dir string, n int) string {
	t.Helper()
	src := filepath.Join(dir, "src")
	os.MkdirAll(src, 0o755)
	for i := range n {
		body := fmt.Sprintf("---\ntitle: Tool %d vs. Other %d\ndate: 2025-01-02\n---\n\nA lead.\n\n| Aspect | Tool %d | Other %d |\n|---|---|---|\n", i, i, i, i)
		for r := range 6 {
			body += fmt.Sprintf("| Aspect %d | %s | %s |\n", r, strings.Repeat("words of a cell ", 8), strings.Repeat("other words ", 8))
		}
		body += "\n## Section\n\n" + strings.Repeat("A paragraph of text for the handout. ", 40) + "\n"
		os.WriteFile(filepath.Join(src, fmt.Sprintf("a%03d.md", i)), []byte(body), 0o644)
	}
	return src
}

func exitCode(err error) int {
	if ee, ok := err.(*exec.ExitError); ok {
		return ee.ExitCode()
	}
	if err != nil {
		return -1
	}
	return 0
}

// SIGINT/SIGTERM: the run stops handing out work, finishes or abandons the
// articles in flight within 2 s, writes the manifest, prints the summary
// and exits 130/143; a second signal exits at once.
func TestSignalsStopTheRunWithASummary(t *testing.T) {
	bin := binary(t)
	for _, c := range []struct {
		name    string
		signals []os.Signal
		code    int
	}{
		{"SIGINT", []os.Signal{os.Interrupt}, 130},
		{"SIGTERM", []os.Signal{syscall.SIGTERM}, 143},
		{"twice", []os.Signal{os.Interrupt, os.Interrupt}, 130},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			// Enough articles that the run cannot end before the signal, on
			// however fast a machine.
			src := corpus(t, dir, 400)
			dst := filepath.Join(dir, "out")
			var stdout, stderr bytes.Buffer
			cmd := exec.Command(bin, "build", src, "-o", dst, "--jobs", "1")
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			time.Sleep(1500 * time.Millisecond)
			start := time.Now()
			for _, s := range c.signals {
				cmd.Process.Signal(s)
				time.Sleep(20 * time.Millisecond)
			}
			err := cmd.Wait()
			took := time.Since(start)
			if code := exitCode(err); code != c.code || took > 2500*time.Millisecond {
				t.Fatalf("exit %d after %v, want %d within 2 s\n%s\n%s", code, took, c.code, stdout.String(), stderr.String())
			}
			if len(c.signals) == 1 {
				if !strings.Contains(stdout.String(), "not started (interrupted)") {
					t.Errorf("no summary:\n%s", stdout.String())
				}
				var m struct{ Articles map[string]json.RawMessage }
				data, err := os.ReadFile(filepath.Join(dst, "manifest.json"))
				if err != nil || json.Unmarshal(data, &m) != nil || len(m.Articles) == 0 {
					t.Errorf("manifest after the signal: %v, %d articles", err, len(m.Articles))
				}
			}
		})
	}
}

// The README's GNU parallel and Kubernetes Indexed Job examples: shard
// commands at once on one shared output folder, then manifest merge.
func TestReadmeShardExamplesEndToEnd(t *testing.T) {
	bin := binary(t)
	dir := t.TempDir()
	src := corpus(t, dir, 12)
	for _, style := range []string{"parallel", "indexed-job"} {
		dst := filepath.Join(dir, style)
		var wg sync.WaitGroup
		outputs := make([]string, 4)
		codes := make([]int, 4)
		for k := range 4 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				// parallel -j4 triptych build articles/ -o dist --shard {}/4 ::: 0 1 2 3
				cmd := exec.Command(bin, "build", src, "-o", dst, "--shard", fmt.Sprintf("%d/4", k), "--formats", "png,xlsx")
				if style == "indexed-job" {
					// args: ["build", "/articles", "-o", "/dist", "--shard", "8", "--jobs", "2"]
					cmd = exec.Command(bin, "build", src, "-o", dst, "--shard", "4", "--jobs", "2", "--formats", "png,xlsx")
					cmd.Env = append(os.Environ(), fmt.Sprintf("JOB_COMPLETION_INDEX=%d", k))
				}
				out, err := cmd.CombinedOutput()
				outputs[k], codes[k] = string(out), exitCode(err)
			}()
		}
		wg.Wait()
		for k := range 4 {
			if codes[k] != 0 {
				t.Fatalf("%s shard %d: exit %d\n%s", style, k, codes[k], outputs[k])
			}
		}
		parts, _ := filepath.Glob(filepath.Join(dst, "manifest.shard-*-of-4.json"))
		merged := filepath.Join(dst, "manifest.json")
		out, err := exec.Command(bin, append(append([]string{"manifest", "merge"}, parts...), "-o", merged)...).CombinedOutput()
		if err != nil || !strings.Contains(string(out), "12 articles from 4 manifests") {
			t.Fatalf("%s merge: %v\n%s", style, err, out)
		}
		var m struct {
			Articles map[string]struct {
				Status  string
				Outputs []struct{ Path string }
			}
		}
		data, _ := os.ReadFile(merged)
		json.Unmarshal(data, &m)
		for key, e := range m.Articles {
			if e.Status != "ok" || len(e.Outputs) != 3 {
				t.Errorf("%s %s: %+v", style, key, e)
			}
			for _, o := range e.Outputs {
				if _, err := os.Stat(filepath.Join(dst, o.Path)); err != nil {
					t.Errorf("%s: %v", style, err)
				}
			}
		}
	}
}

// asUser runs cmd as nobody when the tests run as root (root reads any
// folder), making the paths it needs reachable.
func asUser(t *testing.T, cmd *exec.Cmd, paths ...string) {
	if os.Getuid() != 0 {
		return
	}
	for _, p := range paths {
		for q := p; q != "/" && q != "."; q = filepath.Dir(q) {
			if info, err := os.Stat(q); err == nil && info.IsDir() {
				os.Chmod(q, info.Mode().Perm()|0o755)
			}
		}
	}
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
}

// An unreadable sub-folder fails that entry only; the others are built.
func TestAnUnreadableFolderFailsOnlyItself(t *testing.T) {
	bin := binary(t)
	dir := t.TempDir()
	src := corpus(t, dir, 2)
	dst := filepath.Join(dir, "out")
	os.MkdirAll(dst, 0o777)
	os.Chmod(dst, 0o777)
	locked := filepath.Join(src, "private")
	os.MkdirAll(locked, 0o755)
	os.WriteFile(filepath.Join(locked, "x.md"), []byte("---\ntitle: X vs. Y\n---\n"), 0o644)
	os.Chmod(locked, 0)
	defer os.Chmod(locked, 0o755)
	cmd := exec.Command(bin, "build", src, "-o", dst, "--formats", "csv")
	asUser(t, cmd, src, dst, bin)
	out, err := cmd.CombinedOutput()
	if exitCode(err) != 1 || !strings.Contains(string(out), "private: cannot read this folder: permission denied") ||
		!strings.Contains(string(out), "2 built, 0 skipped, 1 failed") {
		t.Errorf("exit %d\n%s", exitCode(err), out)
	}
}

// watch passes list flags as they were given ("--accents a,b" failed when
// re-serialised), and under --prune keeps the outputs of a renamed source.
func TestWatchBuildsWithListFlagsAndKeepsRenamedOutputs(t *testing.T) {
	bin := binary(t)
	dir := t.TempDir()
	src := corpus(t, dir, 1)
	dst := filepath.Join(dir, "out")
	var stdout lockedBuffer
	cmd := exec.Command(bin, "watch", src, "-o", dst, "--formats", "png,csv", "--prune", "--accents", "#1f6feb,#d9480f")
	cmd.Stdout, cmd.Stderr = &stdout, &stdout
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	csv := filepath.Join(dst, "tool-0-vs-other-0", "tool-0-vs-other-0.csv")
	waitFor := func(what string, ok func() bool) {
		t.Helper()
		for deadline := time.Now().Add(30 * time.Second); !ok(); time.Sleep(100 * time.Millisecond) {
			if time.Now().After(deadline) {
				t.Fatalf("waiting for %s; output:\n%s", what, stdout.String())
			}
		}
	}
	waitFor("the first build", func() bool { _, err := os.Stat(csv); return err == nil })
	waitFor("the manifest", func() bool { _, err := os.Stat(filepath.Join(dst, "manifest.json")); return err == nil })
	os.Rename(filepath.Join(src, "a000.md"), filepath.Join(src, "renamed.md"))
	waitFor("the rebuild", func() bool { return strings.Contains(stdout.String(), "a000.md: pruned") })
	if _, err := os.Stat(csv); err != nil {
		t.Errorf("watch --prune deleted the outputs of the renamed source: %v", err)
	}
	cmd.Process.Signal(os.Interrupt)
	cmd.Wait()
}

// lockedBuffer collects a process's output while a test reads it.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// manifest merge with a missing input failed silently (exit 0, the
// shard's articles lost).
func TestManifestMergeRefusesAMissingInput(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "manifest.shard-0-of-2.json")
	os.WriteFile(good, []byte(`{"manifest_version": 1, "articles": {}}`), 0o644)
	merged := filepath.Join(dir, "manifest.json")
	code, _, errOut := run(t, "manifest", "merge", good, filepath.Join(dir, "manifest.shard-1-of-2.json"), "-o", merged)
	if _, err := os.Stat(merged); code == 0 || !strings.Contains(errOut, "manifest.shard-1-of-2.json: no such manifest") || err == nil {
		t.Errorf("exit %d, %s; merged written: %v", code, errOut, err == nil)
	}
}

// Usage errors are found before any work: exit 2.
func TestOptionsOverTheCanvasAreUsageErrors(t *testing.T) {
	dst := filepath.Join(t.TempDir(), "out")
	code, _, errOut := run(t, "build", "-o", dst, "--size", "a4", "--scale", "3")
	if _, err := os.Stat(dst); code != 2 || !strings.Contains(errOut, "over the limit") || err == nil {
		t.Errorf("exit %d: %s (output folder made: %v)", code, errOut, err == nil)
	}
}
