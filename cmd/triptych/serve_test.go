package main

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// serveOutput is a buffer the server goroutine writes while the test
// reads it.
type serveOutput struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (o *serveOutput) Write(p []byte) (int, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.buf.Write(p)
}

func (o *serveOutput) String() string {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.buf.String()
}

// TestServeBuildsServesAndStops runs the command on a copy of the
// example: it builds into the output folder, serves the index, the
// article and the built files on 127.0.0.1, and stops cleanly when its
// context ends (as on Ctrl-C).
func TestServeBuildsServesAndStops(t *testing.T) {
	src, out := t.TempDir(), filepath.Join(t.TempDir(), "dist")
	data, err := os.ReadFile(filepath.Join("..", "..", "examples", "software-engineer-vs-platform-sre.md"))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(src, "a.md"), data, 0o644)

	cmd := newServeCommand()
	var stdout, stderr serveOutput
	cmd.SetOut(&stdout)
	cmd.SetErr(&stderr)
	cmd.SetArgs([]string{src, "-o", out, "--addr", "127.0.0.1:0", "--theme", "dark"})
	ctx, stop := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- cmd.ExecuteContext(ctx) }()

	addr := regexp.MustCompile(`http://(127\.0\.0\.1:\d+)/`)
	var base string
	for deadline := time.Now().Add(30 * time.Second); base == "" && time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if m := addr.FindStringSubmatch(stdout.String()); m != nil {
			base = "http://" + m[1]
		}
		select {
		case err := <-done:
			t.Fatalf("serve ended early: %v\n%s", err, stderr.String())
		default:
		}
	}
	if base == "" {
		t.Fatalf("serve printed no address:\n%s\n%s", stdout.String(), stderr.String())
	}
	if strings.Contains(stderr.String(), "warning") {
		t.Errorf("a loopback address gave a warning: %s", stderr.String())
	}
	slug := "software-engineer-vs-platform-sre"
	for _, p := range []string{"/", "/article/" + slug, "/files/" + slug + "/" + slug + ".png"} {
		resp, err := http.Get(base + p)
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 {
			t.Errorf("GET %s = %d", p, resp.StatusCode)
		}
	}
	if _, err := os.Stat(filepath.Join(out, slug, slug+".xlsx")); err != nil {
		t.Errorf("the first build wrote no workbook: %v", err)
	}
	// An open event stream must not hold the shutdown up.
	events, err := http.Get(base + "/events")
	if err != nil {
		t.Fatal(err)
	}
	defer events.Body.Close()

	stop()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("serve stopped with %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not stop within 10 s of its context ending")
	}
	if _, err := http.Get(base + "/"); err == nil {
		t.Error("the server still answers after stopping")
	}
}

// TestServeUsageErrors refuses bad options before building anything.
func TestServeUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"a", "b"},
		{"--size", "huge"},
		{"--scale", "7"},
		{"--theme", "sepia"},
		{"--formats", "gif"},
		{"--addr", "no-port"},
		{"--paper", "a3"},
	} {
		cmd := newServeCommand()
		cmd.SetArgs(args)
		cmd.SetOut(io.Discard)
		cmd.SetErr(io.Discard)
		err := cmd.Execute()
		var ue usageError
		if !errors.As(err, &ue) {
			t.Errorf("serve %q: %v, want a usage error", args, err)
		}
	}
}

// TestLoopbackAddr decides when the warning about other machines shows.
func TestLoopbackAddr(t *testing.T) {
	for addr, want := range map[string]bool{
		"127.0.0.1:8080": true, "localhost:0": true, "[::1]:8080": true, "127.0.0.2:80": true,
		":8080": false, "0.0.0.0:8080": false, "192.168.1.2:8080": false, "example.com:80": false,
	} {
		got, err := loopbackAddr(addr)
		if err != nil || got != want {
			t.Errorf("loopbackAddr(%q) = %v, %v; want %v", addr, got, err, want)
		}
	}
}
