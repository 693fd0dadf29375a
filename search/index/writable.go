package index

import (
	"fmt"
	"path/filepath"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	bquery "github.com/blevesearch/bleve/v2/search/query"
	"github.com/gongkai/gongkai/search/mapping"
	"github.com/spf13/afero"
)

// OpenWritable opens the index a Writer built at dir for searching and for
// Update, as `serve --watch` needs after an edit. Searches behave exactly
// as on an index from Open. Until Close it holds every shard's lock
// exclusively, so Open of the same index (say, `gongkai search` in another
// terminal) fails with ErrLocked meanwhile.
func OpenWritable(dir string) (*Index, error) {
	return open(dir, true)
}

// Update replaces pages' records in place: it deletes every record whose
// page URL is in removeURLs, indexes add, and writes the new counts to the
// manifest. The batches are written while no search runs, so a search sees
// every page of an Update either wholly before it or wholly after. Records are
// checked as by Writer.Add, and an added ID must be new or belong to a
// removed page; when a check fails nothing is changed. Update is safe while
// searches run; Updates run one at a time. On an index from Open it returns
// an error wrapping ErrReadOnly.
func (ix *Index) Update(removeURLs []string, add []mapping.Record) error {
	if !ix.writable {
		return fmt.Errorf("%w: %s was opened with Open; use OpenWritable to update it", ErrReadOnly, ix.dir)
	}
	if err := checkRecords(add); err != nil {
		return err
	}
	ix.updating.Lock()
	defer ix.updating.Unlock()
	if len(add) > 0 {
		if err := ix.ensureShard(); err != nil {
			return err
		}
	}

	old, batches, err := ix.prepareUpdate(removeURLs, add)
	if err != nil {
		return err
	}
	if err := ix.apply(batches); err != nil {
		return err
	}
	return ix.saveManifest(func(m *Manifest) {
		for _, r := range old {
			m.Records--
			if r.doc {
				m.Documents--
			}
		}
		for _, r := range add {
			m.Records++
			if r.Anchor == "" {
				m.Documents++
			}
		}
	})
}

// prepareUpdate finds the records of the removed pages and plans the
// batches, reading the index as a search does.
func (ix *Index) prepareUpdate(removeURLs []string, add []mapping.Record) ([]storedRecord, []*bleve.Batch, error) {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	if ix.closed {
		return nil, nil, ErrClosed
	}
	old, err := ix.pageRecords(removeURLs)
	if err != nil {
		return nil, nil, err
	}
	if err := ix.checkNewIDs(add, old); err != nil {
		return nil, nil, err
	}
	batches, err := ix.plan(old, add)
	return old, batches, err
}

// apply writes the batches while no search runs. A search reads the shards
// several times (matching, then documents' records, then snippets), and
// each read opens a new snapshot: a batch landing between two reads would
// let one search see a page half old and half new, or not at all. Searches
// in flight finish first; the ones arriving meanwhile wait for the batches,
// which take milliseconds for the pages of one edit.
func (ix *Index) apply(batches []*bleve.Batch) error {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if ix.closed {
		return ErrClosed
	}
	for i, b := range batches {
		if b.Size() == 0 {
			continue
		}
		if err := ix.shards[i].Batch(b); err != nil {
			return fmt.Errorf("search: updating index %s: %w; rebuild it with `gongkai build`", ix.dir, err)
		}
	}
	return nil
}

// checkRecords checks added records as Writer.Add does, and that their IDs
// are unique among themselves.
func checkRecords(add []mapping.Record) error {
	seen := make(map[string]bool, len(add))
	for _, r := range add {
		if err := checkRecord(r); err != nil {
			return err
		}
		if seen[r.ID] {
			return fmt.Errorf("search: duplicate record ID %q; IDs must be unique (URL#anchor is a good choice)", r.ID)
		}
		seen[r.ID] = true
	}
	return nil
}

// checkNewIDs rejects an added ID that is already in the index on a page
// not being removed: indexing it would overwrite another page's record or
// leave two records with one ID in different shards.
func (ix *Index) checkNewIDs(add []mapping.Record, old []storedRecord) error {
	removed := make(map[string]bool, len(old))
	for _, r := range old {
		removed[r.id] = true
	}
	var fresh []string
	for _, r := range add {
		if !removed[r.ID] {
			fresh = append(fresh, r.ID)
		}
	}
	if len(fresh) == 0 || ix.bleve == nil {
		return nil
	}
	for from := 0; from < len(fresh); from += hitsPerPage {
		ids := fresh[from:min(from+hitsPerPage, len(fresh))]
		hits, err := allHits(ix.bleve, bquery.NewDocIDQuery(ids), mapping.FieldHref)
		if err != nil {
			return fmt.Errorf("search: checking record IDs in %s: %w", ix.dir, err)
		}
		if len(hits) > 0 {
			href, _ := hits[0].Fields[mapping.FieldHref].(string)
			return fmt.Errorf("search: record ID %q is already in the index (at %s); IDs must be unique, or pass that page's URL in removeURLs to replace it",
				hits[0].ID, href)
		}
	}
	return nil
}

// plan builds one batch per shard. Added records go where their page's old
// records were, so the delete and the add are one batch; a new page goes to
// shardOf its URL, as in Writer.Add.
func (ix *Index) plan(old []storedRecord, add []mapping.Record) ([]*bleve.Batch, error) {
	batches := make([]*bleve.Batch, len(ix.shards))
	for i, bi := range ix.shards {
		batches[i] = bi.NewBatch()
	}
	home := map[string]int{}
	for _, r := range old {
		batches[r.shard].Delete(r.id)
		if _, ok := home[r.url]; !ok {
			home[r.url] = r.shard
		}
	}
	for _, r := range add {
		shard, ok := home[r.URL]
		if !ok {
			shard = shardOf(r.URL, len(ix.shards))
		}
		if err := batches[shard].Index(r.ID, mapping.Fields(r)); err != nil {
			return nil, fmt.Errorf("search: indexing record %q: %w", r.ID, err)
		}
	}
	return batches, nil
}

// ensureShard gives an index built from no records its first shard, so
// records can be added to it.
func (ix *Index) ensureShard() error {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if ix.closed {
		return ErrClosed
	}
	if len(ix.shards) > 0 {
		return nil
	}
	m, err := mapping.New()
	if err != nil {
		return fmt.Errorf("search: index mapping: %w", err)
	}
	name := filepath.Base(shardDir(ix.dir, 0))
	path := filepath.Join(ix.dir, name)
	// Left over by an Update that failed before recording it in the manifest.
	if err := afero.NewOsFs().RemoveAll(path); err != nil {
		return fmt.Errorf("search: removing %s: %w", path, err)
	}
	bi, err := bleve.NewUsing(path, m, scorch.Name, scorch.Name, nil)
	if err != nil {
		return fmt.Errorf("search: creating a shard in %s: %w", ix.dir, err)
	}
	ix.shards = []bleve.Index{bi}
	ix.bleve = bleve.NewIndexAlias(bi)
	return ix.saveManifest(func(m *Manifest) { m.Shards = []string{name} })
}

// saveManifest applies change to the manifest and writes it to disk.
// Callers hold ix.updating, so writes do not interleave.
func (ix *Index) saveManifest(change func(*Manifest)) error {
	ix.manMu.Lock()
	man := ix.manifest
	man.Shards = append([]string(nil), man.Shards...)
	ix.manMu.Unlock()

	change(&man)
	man.UpdatedAt = time.Now().UTC().Truncate(time.Second)
	fs := afero.NewOsFs()
	if size, err := dirSize(fs, ix.dir); err == nil {
		man.SizeBytes = size
	}

	ix.manMu.Lock()
	ix.manifest = man
	ix.manMu.Unlock()
	return writeManifest(fs, ix.dir, man)
}
