package out

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/gofrs/flock"
)

// ErrLocked reports an output folder that another run is using.
var ErrLocked = errors.New("the output folder is in use by another triptych run")

// Lock files, inside the output folder. Shards of one batch run at once on
// one folder, so the folder cannot take a single exclusive lock; instead:
//
//   - every run of N shards (the whole batch is 1 shard) holds countLock(N)
//     shared, and before taking it checks, under mutexLock, that no run
//     with another count holds its own: "0/2" and "0/4", or an unsharded
//     and a sharded run, never write one folder at once;
//   - shard K of N holds shardLock(K, N) exclusively: the same shard never
//     runs twice.
//
// The locks go with the process (gofrs/flock: flock on Unix, LockFileEx on
// Windows), so a killed run never leaves the folder held.
const mutexLock = ".triptych.lock"

func countLock(n int) string       { return ".triptych-of-" + strconv.Itoa(n) + ".lock" }
func shardLock(shard Shard) string { return ".triptych-" + shard.tag() + ".lock" }

// mutexWait bounds the wait for the short check other runs make under the
// mutex; holding it longer means something is wrong.
const mutexWait = 5 * time.Second

// folderLock is what one run holds on its output folder.
type folderLock struct{ held []*flock.Flock }

// newFlock prepares a lock file, refusing a symbolic link planted in its
// place (the lock file would be created or locked wherever it points).
func newFlock(dir, name string) (*flock.Flock, error) {
	p := filepath.Join(dir, name)
	if err := refuseSymlink(p); err != nil {
		return nil, err
	}
	return flock.New(p, flock.SetFlag(os.O_CREATE|os.O_RDONLY|oNoFollow), flock.SetPermissions(0o644)), nil
}

// lockFolder takes the locks of shard on dir, failing at once when another
// run that may not share the folder holds it.
func lockFolder(dir string, shard Shard) (_ *folderLock, err error) {
	l := &folderLock{}
	defer func() {
		if err != nil {
			l.unlock()
		}
	}()
	mutex, err := newFlock(dir, mutexLock)
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(context.Background(), mutexWait)
	defer cancel()
	if ok, err := mutex.TryLockContext(ctx, 10*time.Millisecond); !ok {
		return nil, lockError(dir, err)
	}
	defer mutex.Unlock()
	others, _ := filepath.Glob(filepath.Join(dir, ".triptych-of-*.lock"))
	for _, p := range others {
		name := filepath.Base(p)
		if name == countLock(shard.count()) {
			continue
		}
		other, err := newFlock(dir, name)
		if err != nil {
			return nil, err
		}
		ok, err := other.TryLock()
		if !ok {
			return nil, fmt.Errorf("%s: %w (%s); let it finish, or use the same --shard count", dir, ErrLocked, describeCount(name))
		}
		other.Unlock()
	}
	for _, name := range []string{countLock(shard.count()), shardLock(shard)} {
		f, err := newFlock(dir, name)
		if err != nil {
			return nil, err
		}
		var ok bool
		if name == shardLock(shard) {
			ok, err = f.TryLock()
		} else {
			ok, err = f.TryRLock()
		}
		if !ok {
			return nil, lockError(dir, err)
		}
		l.held = append(l.held, f)
	}
	return l, nil
}

func lockError(dir string, err error) error {
	if err != nil && !errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("%s: cannot lock the output folder: %w", dir, err)
	}
	return fmt.Errorf("%s: %w", dir, ErrLocked)
}

// describeCount names the kind of run that holds a count lock.
func describeCount(name string) string {
	n := strings.TrimSuffix(strings.TrimPrefix(name, ".triptych-of-"), ".lock")
	if n == "1" {
		return "a run without --shard"
	}
	return "a run with --shard K/" + n
}

func (l *folderLock) unlock() {
	for i := len(l.held) - 1; i >= 0; i-- {
		l.held[i].Unlock()
	}
	l.held = nil
}

// Lock takes the output folder dir for shard, creating dir if needed, and
// fails at once if another run that may not share it holds it. Build takes
// the lock through Open; Lock is for callers that only need the folder.
func Lock(dir string, shard Shard) (unlock func(), err error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	l, err := lockFolder(dir, shard)
	if err != nil {
		return nil, err
	}
	return l.unlock, nil
}
