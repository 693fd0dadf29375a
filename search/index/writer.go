package index

import (
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gongkai/gongkai/search/analysis"
	"github.com/gongkai/gongkai/search/mapping"
	"github.com/gongkai/gongkai/search/zapwrite"
	"github.com/spf13/afero"
)

// Writer builds a new index offline. Records are analysed in the
// goroutines that call Add, then spread over shards (one per CPU, at most
// four), each inverted by its own goroutine into one segment that Close
// writes (package zapwrite: one pass, no merge). Open searches the shards
// as one. A shard whose segment reaches its share of Options.MemoryBudget
// writes it at once and starts another, so that memory does not grow with
// the site: the shard is then a scorch index of several segments, which
// searches read as they would one.
type Writer struct {
	dir  string
	opts Options

	mu      sync.RWMutex // Add holds it shared while queueing, Close exclusively
	closed  bool
	ids     map[string]struct{}
	docs    int
	records int

	segDocs     *segmentDocs
	mappingJSON []byte
	shards      []*shardWriter
	keep        atomic.Bool                     // KeepPostings was called
	kept        map[string][]*zapwrite.Postings // by shard name, per segment, after Close; guarded by mu
	budget      int                             // of each shard's Builder, in bytes; 0 for none

	errMu sync.Mutex
	err   error // the first indexing error
}

// shardWriter feeds one segment builder, which is not safe for concurrent use.
type shardWriter struct {
	name     string // directory name inside the index directory
	dir      string
	records  int // guarded by Writer.mu
	builder  *zapwrite.Builder
	written  int                  // segments written so far (zapwrite.SegmentFile)
	postings []*zapwrite.Postings // kept of each segment written, until finish hands them to the Writer
	queue    chan queued
	done     chan struct{} // closed once queue is drained
}

// maxShards bounds the shard count: each shard costs a little on every
// query, and beyond four the build no longer gets faster.
const maxShards = 4

// NewWriter creates a new index at dir, an OS path that must not exist yet
// (its parent is created if needed). bleve writes the files itself.
func NewWriter(dir string, opts Options) (*Writer, error) {
	fs := afero.NewOsFs()
	if _, err := fs.Stat(dir); err == nil {
		return nil, fmt.Errorf("search: index directory %s already exists; build into a fresh directory", dir)
	} else if !errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("search: checking index directory: %w", err)
	}
	if err := fs.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("search: creating %s: %w", dir, err)
	}
	if opts.Synonyms == nil {
		opts.Synonyms = analysis.DefaultSynonyms()
	}
	if err := analysis.ValidateSynonyms(opts.Synonyms); err != nil {
		return nil, err
	}
	if opts.Shards <= 0 {
		opts.Shards = min(runtime.GOMAXPROCS(0), maxShards)
	}
	m, err := mapping.New()
	if err != nil {
		return nil, fmt.Errorf("search: index mapping: %w", err)
	}
	segDocs, err := newSegmentDocs(m)
	if err != nil {
		return nil, err
	}
	mappingJSON, err := json.Marshal(m)
	if err != nil {
		return nil, fmt.Errorf("search: index mapping: %w", err)
	}
	w := &Writer{dir: dir, opts: opts, ids: map[string]struct{}{}, segDocs: segDocs, mappingJSON: mappingJSON}
	if opts.MemoryBudget == 0 {
		opts.MemoryBudget = DefaultMemoryBudget
	}
	if opts.MemoryBudget > 0 {
		w.budget = max(opts.MemoryBudget/opts.Shards, 1)
	}
	for i := 0; i < opts.Shards; i++ {
		sw := &shardWriter{name: filepath.Base(shardDir(dir, i)), dir: shardDir(dir, i), builder: zapwrite.NewBuilder(),
			queue: make(chan queued, 64), done: make(chan struct{})}
		w.shards = append(w.shards, sw)
		go w.feed(sw)
	}
	return w, nil
}

func shardDir(dir string, i int) string {
	return filepath.Join(dir, "shard-"+strconv.Itoa(i))
}

// queued is an analysed record on its way to its shard, with the arena
// its tokens are in, which goes back to arenas once the record is inverted.
type queued struct {
	doc   zapwrite.Doc
	arena *analysis.Arena
}

// arenas are the analysis arenas of records analysed and not yet inverted.
var arenas = sync.Pool{New: func() any { return new(analysis.Arena) }}

// feed hands queued records to one shard's builder.
func (w *Writer) feed(sw *shardWriter) {
	defer close(sw.done)
	for q := range sw.queue {
		d := q.doc
		if w.firstErr() != nil {
			releaseArena(q.arena)
			continue // keep draining so Add never blocks
		}
		err := sw.builder.Add(d)
		// The builder keeps copies of what it needs: the tokens are garbage.
		releaseArena(q.arena)
		if err != nil {
			w.setErr(fmt.Errorf("search: indexing record %q: %w", d.ID, err))
			continue
		}
		if w.budget > 0 && sw.builder.Size() >= w.budget {
			if err := w.writeSegment(sw); err != nil {
				w.setErr(err)
			}
		}
	}
}

// writeSegment writes what the shard's Builder holds as its next segment
// and starts a new Builder. The postings of a shard written in several
// segments are kept in files, the last segment's too: the export then
// holds a chunk of them at a time, however large the site.
func (w *Writer) writeSegment(sw *shardWriter) error {
	if w.keep.Load() {
		if err := sw.builder.KeepPostingsIn(""); err != nil {
			return fmt.Errorf("search: %w", err)
		}
	}
	store := zapwrite.StoreDir(sw.dir)
	if err := os.MkdirAll(store, 0o700); err != nil {
		return fmt.Errorf("search: %w", err)
	}
	err := sw.builder.WriteFile(filepath.Join(store, zapwrite.SegmentFile(sw.written)))
	if p := sw.builder.Postings(); p != nil {
		sw.postings = append(sw.postings, p)
	}
	sw.written++
	sw.builder = zapwrite.NewBuilder()
	if err != nil {
		return fmt.Errorf("search: writing a segment of %s: %w", sw.dir, err)
	}
	return nil
}

func releaseArena(a *analysis.Arena) {
	a.Reset()
	arenas.Put(a)
}

func (w *Writer) setErr(err error) {
	w.errMu.Lock()
	defer w.errMu.Unlock()
	if w.err == nil {
		w.err = err
	}
}

func (w *Writer) firstErr() error {
	w.errMu.Lock()
	defer w.errMu.Unlock()
	return w.err
}

// Add indexes one record. It is safe for concurrent use and returns once
// the record is analysed and queued; an indexing error is returned by a
// later Add or by Close.
func (w *Writer) Add(r mapping.Record) error {
	if err := checkRecord(r); err != nil {
		return err
	}
	sw := w.shards[shardOf(r.URL, len(w.shards))]
	if err := w.claim(r, sw); err != nil {
		return err
	}
	arena := arenas.Get().(*analysis.Arena)
	d, err := w.segDocs.doc(r, arena)
	if err != nil {
		releaseArena(arena)
		return err
	}
	w.mu.RLock()
	defer w.mu.RUnlock()
	if w.closed {
		releaseArena(arena)
		return errors.New("search: Add after Close or Abort")
	}
	sw.queue <- queued{d, arena}
	return w.firstErr()
}

// checkRecord rejects records that cannot be indexed or linked to.
func checkRecord(r mapping.Record) error {
	if r.ID == "" {
		return fmt.Errorf("search: record for %q has no ID; give every record a unique ID", r.URL)
	}
	if r.URL == "" {
		return fmt.Errorf("search: record %q has no URL; hits must link somewhere", r.ID)
	}
	return nil
}

// shardOf picks the shard for a page's records. Hashing the page URL, not
// the record ID, keeps a page's records in one shard, so Index.Update can
// replace them in a single batch that searches see all at once.
func shardOf(url string, shards int) int {
	h := fnv.New32a()
	_, _ = h.Write([]byte(url))
	return int(h.Sum32() % uint32(shards))
}

// claim registers the record's ID for shard sw, rejecting duplicates.
func (w *Writer) claim(r mapping.Record, sw *shardWriter) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.closed {
		return errors.New("search: Add after Close or Abort")
	}
	if _, dup := w.ids[r.ID]; dup {
		return fmt.Errorf("search: duplicate record ID %q; IDs must be unique (URL#anchor is a good choice)", r.ID)
	}
	w.ids[r.ID] = struct{}{}
	w.records++
	sw.records++
	if r.Anchor == "" {
		w.docs++
	}
	return nil
}

// SetSynonyms replaces the synonym groups the manifest will hold (see
// Options.Synonyms), for a caller that learns them from the records it
// adds: they expand queries only, so they are needed by Close, not before.
func (w *Writer) SetSynonyms(groups [][]string) error {
	if groups == nil {
		groups = analysis.DefaultSynonyms()
	}
	if err := analysis.ValidateSynonyms(groups); err != nil {
		return err
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.closed {
		return errors.New("search: SetSynonyms after Close or Abort")
	}
	w.opts.Synonyms = groups
	return nil
}

// Close flushes and merges the shards in parallel and writes
// dir/manifest.json (see Manifest). contentHash identifies the content the
// index was built from. On error the directory is removed.
func (w *Writer) Close(contentHash string) (Manifest, error) {
	if !w.stop() {
		return Manifest{}, errors.New("search: Close after Close or Abort")
	}
	man, err := w.finishManifest(contentHash)
	if err != nil {
		closePostings(w.TakePostings())
		_ = afero.NewOsFs().RemoveAll(w.dir)
		return Manifest{}, err
	}
	return man, nil
}

// Abort stops a build and removes its directory; after Close it does
// nothing. Deferring it right after NewWriter cleans up when the caller
// gives up halfway (say, on an Add error).
func (w *Writer) Abort() error {
	if !w.stop() {
		return nil
	}
	w.setErr(errAborted) // the feeders skip what is still queued
	for _, sw := range w.shards {
		<-sw.done
		for _, p := range sw.postings {
			_ = p.Close()
		}
		sw.postings = nil
	}
	if err := afero.NewOsFs().RemoveAll(w.dir); err != nil {
		return fmt.Errorf("search: removing aborted index %s: %w", w.dir, err)
	}
	return nil
}

var errAborted = errors.New("search: build aborted")

// stop refuses further Adds and closes the queues; it reports false when
// the Writer was already stopped.
func (w *Writer) stop() bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.closed {
		return false
	}
	w.closed = true
	for _, sw := range w.shards {
		close(sw.queue)
	}
	return true
}

func (w *Writer) finishManifest(contentHash string) (Manifest, error) {
	shards, err := w.finish()
	if err != nil {
		return Manifest{}, err
	}
	man := Manifest{
		FormatVersion: FormatVersion,
		Documents:     w.docs,
		Records:       w.records,
		Shards:        shards,
		BuiltAt:       time.Now().UTC().Truncate(time.Second),
		ContentHash:   contentHash,
		Synonyms:      w.opts.Synonyms,
	}
	size, err := dirSize(afero.NewOsFs(), w.dir)
	if err != nil {
		return Manifest{}, err
	}
	man.SizeBytes = size
	if err := writeManifest(afero.NewOsFs(), w.dir, man); err != nil {
		return Manifest{}, err
	}
	return man, nil
}

// finish waits for the shard goroutines (their queues must be closed),
// writes the shards in parallel and returns those that hold records (a
// segment needs at least one).
func (w *Writer) finish() ([]string, error) {
	fs := afero.NewOsFs()
	errs := make([]error, len(w.shards))
	var wg sync.WaitGroup
	for i, sw := range w.shards {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-sw.done
			if sw.records == 0 || w.firstErr() != nil {
				return
			}
			errs[i] = w.finishShard(sw)
		}()
	}
	wg.Wait()
	var shards []string
	var kept map[string][]*zapwrite.Postings
	for _, sw := range w.shards {
		// Postings are handed over only when every segment kept them
		// (KeepPostings before the first was written).
		if len(sw.postings) > 0 && len(sw.postings) == sw.written {
			if kept == nil {
				kept = map[string][]*zapwrite.Postings{}
			}
			kept[sw.name] = sw.postings
		} else {
			closePostings(map[string][]*zapwrite.Postings{"": sw.postings})
		}
		sw.postings = nil
		if sw.records > 0 {
			shards = append(shards, sw.name)
		} else if err := fs.RemoveAll(filepath.Join(w.dir, sw.name)); err != nil {
			closePostings(kept)
			return nil, fmt.Errorf("search: removing empty shard: %w", err)
		}
	}
	if err := w.firstErr(); err != nil {
		closePostings(kept)
		return nil, err
	}
	if err := errors.Join(errs...); err != nil {
		closePostings(kept)
		return nil, err
	}
	w.mu.Lock()
	w.kept = kept
	w.mu.Unlock()
	return shards, nil
}

// finishShard writes a shard's last segment and makes the shard's bleve
// index: as bleve's offline builder would for a shard of one segment (the
// index is then what it has always been), listing them all otherwise.
func (w *Writer) finishShard(sw *shardWriter) error {
	var err error
	if sw.written == 0 {
		if w.keep.Load() {
			sw.builder.KeepPostings()
		}
		err = sw.builder.WriteIndex(sw.dir, w.mappingJSON)
		if p := sw.builder.Postings(); p != nil {
			sw.postings = append(sw.postings, p)
		}
		sw.written = 1
	} else {
		if sw.builder.Docs() > 0 {
			err = w.writeSegment(sw)
		}
		if err == nil {
			err = zapwrite.WriteSegments(sw.dir, sw.written, w.mappingJSON)
		}
	}
	sw.builder = nil // hundreds of megabytes the rest of the build can use
	if err != nil {
		return fmt.Errorf("search: finishing index %s: %w", sw.dir, err)
	}
	return nil
}

// closePostings lets go of kept postings, removing the files of those
// kept in files.
func closePostings(kept map[string][]*zapwrite.Postings) {
	for _, ps := range kept {
		for _, p := range ps {
			_ = p.Close()
		}
	}
}

// Options tune an index build. The synonyms are saved in the index
// manifest, so searches use the groups the index was built with.
type Options struct {
	// Synonyms are groups of equivalent terms (site.yaml). A query term
	// containing one member also matches the others. nil means
	// DefaultSynonyms(); an empty non-nil slice means none.
	Synonyms [][]string
	// Shards is how many bleve indexes the records are spread over, so the
	// build uses several CPUs; 0 means one per CPU, at most four.
	Shards int
	// MemoryBudget bounds, in bytes, what the shards' segment builders
	// hold together: a shard reaching its share writes a segment and
	// starts the next. 0 means DefaultMemoryBudget, below 0 no bound (one
	// segment a shard).
	MemoryBudget int
}

// DefaultMemoryBudget is what a site of the size of the laws corpus
// (22,000 records, 63 MB of Markdown) fits in, so that it is still written
// as one segment a shard; larger sites are written in several.
const DefaultMemoryBudget = 512 << 20
