package publish

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"sync"
	"time"

	"github.com/spf13/afero"
)

// DefaultWait is how long a build waits for another build writing the same destination.
const DefaultWait = 2 * time.Minute

// ErrBusy is wrapped by the error of a build that gave up waiting for another one.
var ErrBusy = errors.New("另一次构建正在写输出文件夹")

// Lock is the exclusive right to write one destination: its staging folders, its commit
// journal and the folder itself.
//
// On the operating system's disk it is flock(2) on a file beside the destination, which the
// kernel releases when the process dies, however it dies: a lock is never stale, so there is
// nothing to take over and nothing to guess. The file stays (as Hugo's .hugo_build.lock does):
// removing a flock file races with the next build opening it. It holds the holder's pid, host
// and start time for the message a waiting build prints. Other filesystems (afero's MemMapFs)
// live inside one process, where a mutex per destination is exact.
type Lock struct {
	path    string
	release func()
	once    sync.Once
}

// Acquire takes the lock on dest, waiting up to wait for a build that holds it, and giving up
// early when ctx is done.
func Acquire(ctx context.Context, fs afero.Fs, dest string, wait time.Duration) (*Lock, error) {
	return acquire(ctx, fs, filepath.Clean(dest), wait, newOwner())
}

func acquire(ctx context.Context, fs afero.Fs, dest string, wait time.Duration, me owner) (*Lock, error) {
	if ctx == nil {
		ctx = context.Background()
	}
	path := sibling(dest, "gongkai-lock")
	if err := fs.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, fmt.Errorf("%s: 无法创建输出文件夹的上级文件夹：%v", filepath.Dir(path), err)
	}
	info, _ := json.Marshal(me)
	deadline := time.Now().Add(wait)
	for {
		release, holder, err := tryLock(fs, path, info)
		if err != nil {
			return nil, fmt.Errorf("%s: 无法锁定输出文件夹：%v", path, err)
		}
		if release != nil {
			return &Lock{path: path, release: release}, nil
		}
		if !time.Now().Before(deadline) {
			who := "另一次构建"
			var o owner
			if json.Unmarshal(holder, &o) == nil && o.PID != 0 {
				who = "另一次构建（" + o.String() + "）"
			}
			return nil, fmt.Errorf("%s: %w：%s 已占用超过 %s；等它结束，或停止它（锁文件是 %s）", dest, ErrBusy, who, wait, path)
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(50 * time.Millisecond):
		}
	}
}

// Release gives the lock up. It is safe to call twice.
func (l *Lock) Release() {
	if l != nil {
		l.once.Do(l.release)
	}
}

// memLocks are the locks on destinations in in-memory filesystems, by filesystem and path.
var memLocks = struct {
	sync.Mutex
	held map[memKey]bool
}{held: map[memKey]bool{}}

type memKey struct {
	fs   afero.Fs
	path string
}

// tryLock takes the lock at path if it is free and returns how to release it; when another
// build holds it, it returns that build's description instead.
func tryLock(fs afero.Fs, path string, info []byte) (release func(), holder []byte, err error) {
	if IsOS(fs) {
		return tryOSLock(path, info)
	}
	k := memKey{fs, path}
	memLocks.Lock()
	defer memLocks.Unlock()
	if memLocks.held[k] {
		holder, _ := afero.ReadFile(fs, path)
		return nil, holder, nil
	}
	if err := afero.WriteFile(fs, path, info, 0o644); err != nil {
		return nil, nil, err
	}
	memLocks.held[k] = true
	return func() {
		memLocks.Lock()
		delete(memLocks.held, k)
		memLocks.Unlock()
	}, nil, nil
}
