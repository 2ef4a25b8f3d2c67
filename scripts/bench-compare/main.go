//go:build ignore

// Command bench-compare times the triptych binary of the working tree
// against the binary of another commit, side by side on this machine:
//
//	go run scripts/bench-compare/main.go -base HEAD~1 [-pairs 15] [-batch-pairs 15] [-articles 300]
//
// (make bench-compare BASE=<commit>). It builds both binaries (the base
// from a git worktree in a temporary folder), then runs them alternately,
// each run a fresh process into a fresh output folder, and prints the
// median wall time, CPU time and peak RSS of each, with the ratio
// new/base:
//
//   - example: `triptych build -o DIR` (the bundled example, PNG, PDF and
//     XLSX), cold: a new process every run;
//   - batch: `triptych build SRC -o DIR --jobs 2` over generated articles
//     (the same generator as the batch benchmark), also as articles/s.
//
// Pairs alternate which binary goes first, so that a neighbour's load
// falls on both alike; medians discard the outliers a shared machine
// makes.
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"syscall"
	"time"

	"github.com/triptych/triptych/internal/batchcorpus"
)

func main() {
	base := flag.String("base", "", "commit to compare with (required)")
	pairs := flag.Int("pairs", 15, "alternating pairs of cold example builds")
	batchPairs := flag.Int("batch-pairs", 15, "alternating pairs of batch builds")
	articles := flag.Int("articles", 300, "generated articles in the batch")
	jobs := flag.Int("jobs", 2, "--jobs for the batch")
	flag.Parse()
	if *base == "" {
		fmt.Fprintln(os.Stderr, "benchcompare: -base COMMIT is required")
		os.Exit(2)
	}
	if err := run(*base, *pairs, *batchPairs, *articles, *jobs); err != nil {
		fmt.Fprintln(os.Stderr, "benchcompare:", err)
		os.Exit(1)
	}
}

func run(base string, pairs, batchPairs, articles, jobs int) error {
	tmp, err := os.MkdirTemp("", "triptych-benchcompare-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	commit, err := output("git", "rev-parse", "--short", base)
	if err != nil {
		return fmt.Errorf("git rev-parse %s: %w", base, err)
	}
	bins := map[string]string{"base": filepath.Join(tmp, "triptych-base"), "new": filepath.Join(tmp, "triptych-new")}
	fmt.Printf("building the working tree and %s (%s)\n", base, commit)
	if err := command("", "go", "build", "-trimpath", "-o", bins["new"], "./cmd/triptych"); err != nil {
		return err
	}
	wt := filepath.Join(tmp, "base")
	if err := command("", "git", "worktree", "add", "--detach", wt, commit); err != nil {
		return err
	}
	defer command("", "git", "worktree", "remove", "--force", wt)
	// Ctrl-C leaves neither the worktree nor the temporary folder behind.
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
	go func() {
		<-sig
		command("", "git", "worktree", "remove", "--force", wt)
		os.RemoveAll(tmp)
		os.Exit(130)
	}()
	if err := command(wt, "go", "build", "-trimpath", "-o", bins["base"], "./cmd/triptych"); err != nil {
		return err
	}

	src := filepath.Join(tmp, "articles")
	if _, err := batchcorpus.Write(src, articles, 9); err != nil {
		return err
	}

	// The working tree is named by its commit, marked when it differs
	// from it (another engineer's edits, say), so that a figure quoted
	// later can say what it measured.
	head, _ := output("git", "rev-parse", "--short", "HEAD")
	if dirty, _ := output("git", "status", "--porcelain", "--untracked-files=no"); dirty != "" {
		head += " with uncommitted changes"
	}
	fmt.Printf("\n%s, %d cores (GOMAXPROCS %d), %s, new %s, base %s\n", time.Now().UTC().Format("2006-01-02 15:04 MST"), runtime.NumCPU(), runtime.GOMAXPROCS(0), runtime.Version(), head, commit)
	ex, err := compare(tmp, bins, pairs, func(out string) []string { return []string{"build", "-o", out} })
	if err != nil {
		return err
	}
	report(fmt.Sprintf("example, cold process (%d pairs)", pairs), ex, 0)
	bt, err := compare(tmp, bins, batchPairs, func(out string) []string {
		return []string{"build", src, "-o", out, "--jobs", fmt.Sprint(jobs)}
	})
	if err != nil {
		return err
	}
	report(fmt.Sprintf("batch of %d, --jobs %d (%d pairs)", articles, jobs, batchPairs), bt, articles)
	return nil
}

// sample is one run: wall and CPU time, peak RSS.
type sample struct {
	wall, cpu time.Duration
	rssMiB    float64
}

// compare runs both binaries pairs times, alternating which goes first.
func compare(tmp string, bins map[string]string, pairs int, args func(out string) []string) (map[string][]sample, error) {
	res := map[string][]sample{}
	for i := range pairs {
		order := []string{"base", "new"}
		if i%2 == 1 {
			order = []string{"new", "base"}
		}
		for _, which := range order {
			out := filepath.Join(tmp, "out-"+which)
			os.RemoveAll(out)
			s, err := timed(bins[which], args(out)...)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", which, err)
			}
			res[which] = append(res[which], s)
			os.RemoveAll(out)
		}
		fmt.Fprint(os.Stderr, ".")
	}
	fmt.Fprintln(os.Stderr)
	return res, nil
}

func timed(bin string, args ...string) (sample, error) {
	cmd := exec.Command(bin, args...)
	var errBuf strings.Builder
	cmd.Stderr = &errBuf
	start := time.Now()
	if err := cmd.Run(); err != nil {
		return sample{}, fmt.Errorf("%s %s: %v\n%s", bin, strings.Join(args, " "), err, errBuf.String())
	}
	wall := time.Since(start)
	st := cmd.ProcessState
	s := sample{wall: wall, cpu: st.UserTime() + st.SystemTime()}
	if ru, ok := st.SysUsage().(*syscall.Rusage); ok {
		s.rssMiB = float64(ru.Maxrss) / 1024 // Linux reports KiB
	}
	return s, nil
}

func median[T int64 | float64](xs []T) T {
	s := append([]T(nil), xs...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	if len(s) == 0 {
		return 0
	}
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

func stats(ss []sample) (wall, cpu time.Duration, rss float64) {
	var w, c []int64
	var r []float64
	for _, s := range ss {
		w = append(w, int64(s.wall))
		c = append(c, int64(s.cpu))
		r = append(r, s.rssMiB)
	}
	return time.Duration(median(w)), time.Duration(median(c)), median(r)
}

func report(title string, res map[string][]sample, articles int) {
	bw, bc, br := stats(res["base"])
	nw, nc, nr := stats(res["new"])
	fmt.Printf("\n%s: medians\n", title)
	fmt.Printf("  %-5s wall %9s  cpu %9s  peak RSS %6.1f MiB", "base", bw.Round(time.Millisecond/10), bc.Round(time.Millisecond/10), br)
	if articles > 0 {
		fmt.Printf("  %6.1f articles/s", float64(articles)/bw.Seconds())
	}
	fmt.Printf("\n  %-5s wall %9s  cpu %9s  peak RSS %6.1f MiB", "new", nw.Round(time.Millisecond/10), nc.Round(time.Millisecond/10), nr)
	if articles > 0 {
		fmt.Printf("  %6.1f articles/s", float64(articles)/nw.Seconds())
	}
	fmt.Printf("\n  new/base: wall %.1f %%  cpu %.1f %%", 100*nw.Seconds()/bw.Seconds(), 100*nc.Seconds()/bc.Seconds())
	if articles > 0 {
		fmt.Printf("  speed-up %.2f×", bw.Seconds()/nw.Seconds())
	}
	fmt.Println()
}

func command(dir, name string, args ...string) error {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	return cmd.Run()
}

func output(name string, args ...string) (string, error) {
	out, err := exec.Command(name, args...).Output()
	return strings.TrimSpace(string(out)), err
}
