package search

import (
	"github.com/gongkai/gongkai/search/index"
	"github.com/gongkai/gongkai/search/searcher"
)

// Index is an opened index: read-only (Open) or, for `serve --watch`,
// writable (OpenWritable, then Update). Searches may run concurrently with
// each other and with Update; Close waits for both.
type Index struct {
	ix      *index.Index
	columns searcher.ColumnCache // per-segment record IDs, dates and facet values for the collector
}

// Open opens the index a Writer built at dir, read-only. While another
// process holds it open for writing (`gongkai serve --watch`), Open fails
// after index.LockWait with an error wrapping ErrLocked.
func Open(dir string) (*Index, error) {
	ix, err := index.Open(dir)
	if err != nil {
		return nil, err
	}
	return &Index{ix: ix}, nil
}

// OpenWritable opens the index a Writer built at dir for searching and for
// Update, as `serve --watch` needs after an edit (index.OpenWritable).
// Searches behave exactly as on an index from Open.
func OpenWritable(dir string) (*Index, error) {
	ix, err := index.OpenWritable(dir)
	if err != nil {
		return nil, err
	}
	return &Index{ix: ix}, nil
}

// Update replaces pages' records in place (index.Index.Update): it deletes
// every record whose page URL is in removeURLs and indexes add, so that a
// search sees each page wholly before or wholly after. On an index from
// Open it returns an error wrapping ErrReadOnly.
func (ix *Index) Update(removeURLs []string, add []Record) error {
	return ix.ix.Update(removeURLs, add)
}

// Manifest returns what the index was built from, with the counts of the
// latest Update.
func (ix *Index) Manifest() Manifest { return ix.ix.Manifest() }

// Dir returns the directory the index was opened from.
func (ix *Index) Dir() string { return ix.ix.Dir() }

// Close waits for searches and an Update in flight, then closes the index.
// Later searches return ErrClosed. Closing twice is harmless.
func (ix *Index) Close() error { return ix.ix.Close() }
