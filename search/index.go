package search

import (
	"fmt"
	"sync"

	"github.com/blevesearch/bleve/v2"
	"github.com/spf13/afero"
)

// Index is an opened, read-only index. Searches may run concurrently;
// Close waits for the searches in flight.
type Index struct {
	dir      string
	manifest Manifest
	bleve    bleve.Index

	mu     sync.RWMutex // read-held by each search, write-held by Close
	closed bool
}

// Open opens the index a Writer built at dir, read-only.
func Open(dir string) (*Index, error) {
	man, err := readManifest(afero.NewOsFs(), dir)
	if err != nil {
		return nil, err
	}
	if err := validateSynonyms(man.Synonyms); err != nil {
		return nil, fmt.Errorf("%w (in %s/%s; rebuild the index)", err, dir, ManifestName)
	}
	bi, err := bleve.OpenUsing(dir, map[string]interface{}{"read_only": true})
	if err != nil {
		return nil, fmt.Errorf("search: opening index %s: %w; rebuild it with `gongkai build`", dir, err)
	}
	return &Index{dir: dir, manifest: man, bleve: bi}, nil
}

// Manifest returns what the index was built from.
func (ix *Index) Manifest() Manifest { return ix.manifest }

// Dir returns the directory the index was opened from.
func (ix *Index) Dir() string { return ix.dir }

// Close waits for searches in flight, then closes the index. Later
// searches return ErrClosed. Closing twice is harmless.
func (ix *Index) Close() error {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if ix.closed {
		return nil
	}
	ix.closed = true
	if err := ix.bleve.Close(); err != nil {
		return fmt.Errorf("search: closing index %s: %w", ix.dir, err)
	}
	return nil
}
