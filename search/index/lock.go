package index

import (
	"errors"
	"fmt"
	"path/filepath"
	"time"

	"github.com/blevesearch/bleve/v2"
	bolterrors "go.etcd.io/bbolt/errors"
)

// LockWait bounds how long opening a shard waits for another open of it.
// bbolt locks each shard's root.bolt for as long as it is open: shared for
// readers, exclusive for a writer. A writer (`serve --watch`) keeps it for
// hours, so waiting longer would not help, and bolt's default is to wait
// forever.
const LockWait = 2 * time.Second

// ErrLocked is wrapped by Open and OpenWritable errors when another open of
// the index (usually in another process) holds the lock they need.
var ErrLocked = errors.New("search: index in use")

// openShard opens one bleve index of dir, failing after LockWait when it
// is locked.
func openShard(dir, name string, writable bool) (bleve.Index, error) {
	config := map[string]interface{}{"bolt_timeout": LockWait.String()}
	if !writable {
		config["read_only"] = true
	}
	bi, err := bleve.OpenUsing(filepath.Join(dir, name), config)
	switch {
	case err == nil:
		return bi, nil
	case errors.Is(err, bolterrors.ErrTimeout) && writable:
		return nil, fmt.Errorf("%w: 索引 %s 已被另一个 gongkai 进程（serve 或 search）打开，请先停止它再重试"+
			"（the index is open in another gongkai process; stop it and try again）", ErrLocked, dir)
	case errors.Is(err, bolterrors.ErrTimeout):
		return nil, fmt.Errorf("%w: 索引 %s 正由 `gongkai serve --watch` 打开并随编辑更新，请先停止它，或改用它的 /api/search 查询"+
			"（the index is open for writing by `gongkai serve --watch`; stop it or query its /api/search）", ErrLocked, dir)
	default:
		return nil, fmt.Errorf("search: opening index %s: %w; rebuild it with `gongkai build`", dir, err)
	}
}
