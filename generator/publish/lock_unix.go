//go:build unix

package publish

import (
	"errors"
	"os"
	"syscall"
)

func tryOSLock(path string, info []byte) (release func(), holder []byte, err error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, nil, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		holder, _ := os.ReadFile(path)
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, holder, nil
		}
		return nil, nil, err
	}
	_ = f.Truncate(0)
	_, _ = f.WriteAt(info, 0)
	return func() {
		_ = f.Truncate(0)
		_ = syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		f.Close()
	}, nil, nil
}
