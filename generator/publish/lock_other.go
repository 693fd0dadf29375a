//go:build !unix

package publish

import (
	"os"
	"sync"
)

// osLocks: without flock, builds are serialised within one process only.
var osLocks = struct {
	sync.Mutex
	held map[string]bool
}{held: map[string]bool{}}

func tryOSLock(path string, info []byte) (release func(), holder []byte, err error) {
	osLocks.Lock()
	defer osLocks.Unlock()
	if osLocks.held[path] {
		holder, _ := os.ReadFile(path)
		return nil, holder, nil
	}
	if err := os.WriteFile(path, info, 0o644); err != nil {
		return nil, nil, err
	}
	osLocks.held[path] = true
	return func() {
		osLocks.Lock()
		delete(osLocks.held, path)
		osLocks.Unlock()
	}, nil, nil
}
