package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sync/atomic"
	"syscall"
)

// errInterrupted ends a run stopped by a signal; its summary was printed.
// It wraps errSomeFailed so that Main prints nothing more, and main turns
// the status into 130 or 143 (interruptStatus).
var errInterrupted = fmt.Errorf("interrupted: %w", errSomeFailed)

// interruptStatus is the exit status the first signal asked for: 128 plus
// the signal number, as shells report it (130 for SIGINT, 143 for
// SIGTERM); 0 when no signal came.
var interruptStatus atomic.Int32

func signalStatus(s os.Signal) int {
	if s == syscall.SIGTERM {
		return 128 + 15
	}
	return 128 + 2
}

// withInterrupts returns a context that the first SIGINT or SIGTERM
// cancels: the run stops handing out work, finishes (or, after a short
// grace, abandons) the articles in flight, writes the manifest and prints
// its summary. A second signal exits at once, as someone pressing Ctrl-C
// twice means. With record, the signal's exit status is kept for main.
// The returned stop ends the handling.
func withInterrupts(parent context.Context, stderr io.Writer, record bool) (context.Context, func()) {
	if parent == nil {
		parent = context.Background()
	}
	ctx, cancel := context.WithCancel(parent)
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	done := make(chan struct{})
	go func() {
		select {
		case s := <-sigs:
			if record {
				interruptStatus.Store(int32(signalStatus(s)))
			}
			fmt.Fprintf(stderr, "\ntriptych: %v: stopping after the articles in progress (once more to stop at once)\n", s)
			cancel()
		case <-done:
			return
		}
		select {
		case s := <-sigs:
			os.Exit(signalStatus(s))
		case <-done:
		}
	}()
	return ctx, func() {
		signal.Stop(sigs)
		close(done)
		cancel()
	}
}
