package index

import (
	"errors"

	"github.com/gongkai/gongkai/search/zapwrite"
)

// KeepPostings makes Close keep each shard's postings in memory, as its
// segment was written, for TakePostings: the static export reads them
// there instead of decoding them back from the files. Call it before
// Close. They cost about a third of the writer's peak memory until the
// caller lets go of them.
func (w *Writer) KeepPostings() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.closed {
		return errors.New("search: KeepPostings after Close or Abort")
	}
	w.keep.Store(true)
	return nil
}

// TakePostings returns the postings kept by KeepPostings, by shard
// directory name (Manifest.Shards), one per segment of the shard in order,
// and lets go of them: a second call returns nil. It is nil before Close,
// after a failed Close, and without KeepPostings. The postings of a shard
// written in several segments (see Options.MemoryBudget) are kept in
// temporary files: the caller closes every one (zapwrite.Postings.Close)
// when done.
func (w *Writer) TakePostings() map[string][]*zapwrite.Postings {
	w.mu.Lock()
	defer w.mu.Unlock()
	kept := w.kept
	w.kept = nil
	return kept
}
