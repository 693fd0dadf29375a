package index

import (
	"errors"
	"fmt"
	"path/filepath"
	"sync"

	"github.com/blevesearch/bleve/v2"
	"github.com/gongkai/gongkai/search/analysis"
	"github.com/spf13/afero"
)

// Index is an opened index: read-only (Open) or, for `serve --watch`,
// writable (OpenWritable, then Update). Reads (searches) may run
// concurrently with each other and with Update; Close waits for both.
type Index struct {
	dir      string
	writable bool
	synonyms [][]string // from the manifest; an Update never changes them

	mu     sync.RWMutex // read-held by each search and while Update plans; write-held by Close and while Update writes
	closed bool
	shards []bleve.Index
	bleve  bleve.Index // an alias searching all shards; nil when the index has no shards

	updating sync.Mutex // one Update at a time

	manMu    sync.Mutex // guards manifest, which Update changes
	manifest Manifest
}

// Open opens the index a Writer built at dir, read-only. While another
// process holds it open for writing (`gongkai serve --watch`), Open fails
// after LockWait with an error wrapping ErrLocked.
func Open(dir string) (*Index, error) {
	return open(dir, false)
}

func open(dir string, writable bool) (*Index, error) {
	man, err := readManifest(afero.NewOsFs(), dir)
	if err != nil {
		return nil, err
	}
	if err := analysis.ValidateSynonyms(man.Synonyms); err != nil {
		return nil, fmt.Errorf("%w (in %s/%s; rebuild the index)", err, dir, ManifestName)
	}
	ix := &Index{dir: dir, writable: writable, synonyms: man.Synonyms, manifest: man}
	for _, name := range man.Shards {
		if name == "" || name != filepath.Base(name) || name[0] == '.' {
			_ = ix.closeShards()
			return nil, fmt.Errorf("search: %s/%s names shard %q outside the index; rebuild it", dir, ManifestName, name)
		}
		bi, err := openShard(dir, name, writable)
		if err != nil {
			_ = ix.closeShards()
			return nil, err
		}
		ix.shards = append(ix.shards, bi)
	}
	if len(ix.shards) > 0 {
		ix.bleve = bleve.NewIndexAlias(ix.shards...)
	}
	return ix, nil
}

func (ix *Index) closeShards() error {
	var errs []error
	for _, s := range ix.shards {
		errs = append(errs, s.Close())
	}
	return errors.Join(errs...)
}

// Manifest returns what the index was built from, with the counts of the
// latest Update.
func (ix *Index) Manifest() Manifest {
	ix.manMu.Lock()
	defer ix.manMu.Unlock()
	return ix.manifest
}

// Synonyms returns the synonym groups the index was built with, which
// queries expand with; an Update never changes them.
func (ix *Index) Synonyms() [][]string { return ix.synonyms }

// Read calls f with the index's shards (none for an index built from no
// records), which it may search until it returns; Close waits for it. It
// returns ErrClosed without calling f once the index is closed, and
// otherwise what f returns.
func (ix *Index) Read(f func(shards []bleve.Index) error) error {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	if ix.closed {
		return ErrClosed
	}
	return f(ix.shards)
}

// Dir returns the directory the index was opened from.
func (ix *Index) Dir() string { return ix.dir }

// Close waits for searches and an Update in flight, then closes the index.
// Later reads and updates return ErrClosed. Closing twice is harmless.
func (ix *Index) Close() error {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if ix.closed {
		return nil
	}
	ix.closed = true
	if err := ix.closeShards(); err != nil {
		return fmt.Errorf("search: closing index %s: %w", ix.dir, err)
	}
	return nil
}
