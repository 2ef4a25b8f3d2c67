package triptych

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
)

// batchSize is the number of generated articles BenchmarkBatch builds; set
// TRIPTYCH_BENCH_ARTICLES to change it.
func batchSize() int {
	if n, err := strconv.Atoi(os.Getenv("TRIPTYCH_BENCH_ARTICLES")); err == nil && n > 0 {
		return n
	}
	return 1000
}

// BenchmarkBatch builds a generated batch in png, pdf and xlsx at 1 and 2
// jobs, then measures a no-change rerun. Run it alone for a meaningful
// peak RSS: go test -run '^$' -bench Batch -benchtime 1x .
func BenchmarkBatch(b *testing.B) {
	n := batchSize()
	src := filepath.Join(b.TempDir(), "src")
	os.MkdirAll(src, 0o755)
	writeCorpus(b, src, n, 9)
	for _, jobs := range []int{1, 2} {
		b.Run("jobs="+strconv.Itoa(jobs), func(b *testing.B) {
			for b.Loop() {
				dst := filepath.Join(b.TempDir(), "out")
				rep, err := Build(context.Background(), Options{Sources: []string{src}, OutDir: dst, Jobs: jobs})
				if err != nil || rep.Built != n {
					b.Fatalf("%v %s", err, rep.Summary())
				}
			}
			b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "articles/s")
			b.ReportMetric(peakRSSMiB(), "peak-RSS-MiB")
		})
	}
	b.Run("no-change-rerun", func(b *testing.B) {
		dst := filepath.Join(b.TempDir(), "out")
		if _, err := Build(context.Background(), Options{Sources: []string{src}, OutDir: dst, Jobs: 2}); err != nil {
			b.Fatal(err)
		}
		b.ResetTimer()
		for b.Loop() {
			rep, err := Build(context.Background(), Options{Sources: []string{src}, OutDir: dst, Jobs: 2})
			if err != nil || rep.Skipped != n {
				b.Fatalf("%v %s", err, rep.Summary())
			}
		}
	})
}

func peakRSSMiB() float64 {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return float64(ru.Maxrss) / 1024 // Linux reports KiB
}
