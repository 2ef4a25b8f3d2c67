//go:build !unix

package out

// oNoFollow is zero where the system has no O_NOFOLLOW (Windows); there the
// Lstat checks before each open are the protection.
const oNoFollow = 0
