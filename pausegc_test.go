package triptych

import (
	"math"
	"runtime/debug"
	"testing"
)

// TestPauseGC: with a memory limit, a one-article run turns the pacing off
// and the last run to end restores it; without a limit nothing changes.
func TestPauseGC(t *testing.T) {
	t.Setenv("GOGC", "")
	defer debug.SetGCPercent(debug.SetGCPercent(150))
	limit := debug.SetMemoryLimit(-1)
	defer debug.SetMemoryLimit(limit)

	debug.SetMemoryLimit(math.MaxInt64)
	pauseGC()()
	if got := debug.SetGCPercent(150); got != 150 {
		t.Fatalf("without a limit the percent became %d", got)
	}

	debug.SetMemoryLimit(512 << 20)
	resume1 := pauseGC()
	resume2 := pauseGC()
	if got := debug.SetGCPercent(-1); got != -1 {
		t.Fatalf("paused percent = %d, want -1 (off)", got)
	}
	resume1()
	if got := debug.SetGCPercent(-1); got != -1 {
		t.Fatalf("after one of two runs ended, percent = %d, want -1", got)
	}
	resume2()
	if got := debug.SetGCPercent(150); got != 150 {
		t.Fatalf("after both runs ended, percent = %d, want 150", got)
	}
}
