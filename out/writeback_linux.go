//go:build linux && !arm

package out

import (
	"os"
	"syscall"
)

// startWriteback asks the kernel to start writing f's pages to disk now
// (sync_file_range, SYNC_FILE_RANGE_WRITE), so that the article's files
// are on their way while the next ones are written; the fsync that
// follows then waits less. It is only a hint: errors are ignored, and
// durability still comes from the fsync.
func startWriteback(f *os.File) {
	if rc, err := f.SyscallConn(); err == nil {
		rc.Control(func(fd uintptr) {
			syscall.SyncFileRange(int(fd), 0, 0, 2) // 2: SYNC_FILE_RANGE_WRITE
		})
	}
}
