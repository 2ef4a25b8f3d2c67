//go:build unix

package out

import "syscall"

// oNoFollow makes an open fail on a symbolic link in the last path
// element, closing the gap between an Lstat check and the open.
const oNoFollow = syscall.O_NOFOLLOW
