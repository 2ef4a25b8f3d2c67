//go:build !linux || arm

package out

import "os"

// startWriteback does nothing where the syscall package has no
// sync_file_range (other systems, 32-bit ARM Linux): the fsync alone
// writes the file.
func startWriteback(*os.File) {}
