// Command triptych turns comparison articles into a PNG infographic, a PDF
// handout and an XLSX spreadsheet. Run "triptych --help" for the commands.
package main

import (
	"os"
	"runtime/debug"
)

// gcPercent trades memory for speed: rendering allocates large short-lived
// buffers (a poster canvas is megabytes), and collecting half as often
// builds about a tenth more articles per second. A soft memory limit makes
// the collector work harder only when a long batch's bookkeeping (manifest,
// report) has grown, so peak memory stays about flat in the number of
// articles. GOGC and GOMEMLIMIT in the environment still win.
const (
	gcPercent   = 200
	memoryLimit = 160 << 20
)

func main() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
	code := Main(os.Args[1:], os.Stdout, os.Stderr)
	// A run stopped by a signal exits as shells expect of it.
	if s := interruptStatus.Load(); s != 0 && code != exitOK {
		code = int(s)
	}
	os.Exit(code)
}
