package search

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/spf13/afero"
)

// Writer builds a new index offline with bleve's segment builder: records
// are analysed in the goroutines that call Add, written into segment files
// by one background goroutine, and merged into a single segment by Close,
// so the published index has one segment and needs no background merging.
type Writer struct {
	dir  string
	opts Options

	mu      sync.RWMutex // Add holds it shared while queueing, Close exclusively
	closed  bool
	ids     map[string]struct{}
	docs    int
	records int

	text, chars *preparedAnalyzer
	queue       chan queued
	done        chan struct{} // closed when the indexing goroutine has drained queue
	err         error         // first indexing error; read after done or under errMu
	errMu       sync.Mutex
	builder     bleve.Builder
}

type queued struct {
	id     string
	fields map[string]interface{}
}

// builderBatchSize is records per segment file before the final merge;
// larger batches merge less but hold more analysed text in memory.
const builderBatchSize = 2000

// NewWriter creates a new index at dir, an OS path that must not exist yet
// (its parent is created if needed). bleve writes the files itself.
func NewWriter(dir string, opts Options) (*Writer, error) {
	fs := afero.NewOsFs()
	if _, err := fs.Stat(dir); err == nil {
		return nil, fmt.Errorf("search: index directory %s already exists; build into a fresh directory", dir)
	} else if !errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("search: checking index directory: %w", err)
	}
	parent := filepath.Dir(dir)
	if err := fs.MkdirAll(parent, 0o755); err != nil {
		return nil, fmt.Errorf("search: creating %s: %w", parent, err)
	}
	if opts.Synonyms == nil {
		opts.Synonyms = DefaultSynonyms()
	}
	if err := validateSynonyms(opts.Synonyms); err != nil {
		return nil, err
	}
	m, err := newMapping()
	if err != nil {
		return nil, fmt.Errorf("search: index mapping: %w", err)
	}
	text, err1 := m.AnalyzerNamed(analyzerText).(*preparedAnalyzer)
	chars, err2 := m.AnalyzerNamed(analyzerChars).(*preparedAnalyzer)
	if !err1 || !err2 {
		return nil, errors.New("search: index mapping has unexpected analyzers")
	}
	// The builder's scratch segments live next to dir: its final step is an
	// os.Rename, which fails across filesystems (e.g. /tmp on tmpfs).
	b, err := bleve.NewBuilder(dir, m, map[string]interface{}{
		"buildPathPrefix": parent,
		"batchSize":       builderBatchSize,
		"mergeMax":        1 << 20, // merge all segment files in one pass
	})
	if err != nil {
		return nil, fmt.Errorf("search: creating index at %s: %w", dir, err)
	}
	w := &Writer{
		dir: dir, opts: opts, ids: map[string]struct{}{},
		text: text, chars: chars, builder: b,
		queue: make(chan queued, 64), done: make(chan struct{}),
	}
	go w.index()
	return w, nil
}

// index feeds queued records to the builder, which is not concurrent.
func (w *Writer) index() {
	defer close(w.done)
	for q := range w.queue {
		if w.firstErr() != nil {
			continue // drain so Add never blocks
		}
		if err := w.builder.Index(q.id, q.fields); err != nil {
			w.setErr(fmt.Errorf("search: indexing record %q: %w", q.id, err))
		}
	}
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
func (w *Writer) Add(r Record) error {
	if r.ID == "" {
		return fmt.Errorf("search: record for %q has no ID; give every record a unique ID", r.URL)
	}
	if r.URL == "" {
		return fmt.Errorf("search: record %q has no URL; hits must link somewhere", r.ID)
	}
	if err := w.claim(r); err != nil {
		return err
	}
	fields := recordFields(r)
	w.text.Prepare(r.Body)
	if s, ok := fields[fieldChars].(string); ok {
		w.chars.Prepare(s)
	}
	w.mu.RLock()
	defer w.mu.RUnlock()
	if w.closed {
		return errors.New("search: Add after Close")
	}
	w.queue <- queued{id: r.ID, fields: fields}
	return w.firstErr()
}

// claim registers the record's ID, rejecting duplicates.
func (w *Writer) claim(r Record) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.closed {
		return errors.New("search: Add after Close")
	}
	if _, dup := w.ids[r.ID]; dup {
		return fmt.Errorf("search: duplicate record ID %q; IDs must be unique (URL#anchor is a good choice)", r.ID)
	}
	w.ids[r.ID] = struct{}{}
	w.records++
	if r.Anchor == "" {
		w.docs++
	}
	return nil
}

// Close flushes and merges the index and writes dir/manifest.json (see
// Manifest). contentHash identifies the content the index was built from.
func (w *Writer) Close(contentHash string) (Manifest, error) {
	w.mu.Lock()
	if w.closed {
		w.mu.Unlock()
		return Manifest{}, errors.New("search: Writer closed twice")
	}
	w.closed = true
	close(w.queue)
	w.mu.Unlock()
	<-w.done
	closeErr := w.builder.Close()
	if err := w.firstErr(); err != nil {
		return Manifest{}, err
	}
	if closeErr != nil {
		return Manifest{}, fmt.Errorf("search: finishing index %s: %w", w.dir, closeErr)
	}
	man := Manifest{
		FormatVersion: FormatVersion,
		Documents:     w.docs,
		Records:       w.records,
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

// recordFields maps a record onto the index fields of newMapping.
func recordFields(r Record) map[string]interface{} {
	href := r.URL
	if r.Anchor != "" {
		href += "#" + r.Anchor
	}
	f := map[string]interface{}{
		fieldHref: href,
		fieldBody: r.Body,
	}
	// Only the document record is found by its title: otherwise every
	// section of a 通知 would be a hit for 通知. Sections keep the title
	// for display.
	if r.Anchor == "" {
		f[fieldTitle] = r.Title
		f[fieldChars] = r.Title + "\n" + r.Body
	} else {
		f[fieldShownTitle] = r.Title
		f[fieldChars] = r.Section + "\n" + r.Body
	}
	set := func(name, v string) {
		if v != "" {
			f[name] = v
		}
	}
	set(fieldSection, r.Section)
	set(fieldDocNumber, r.DocNumber)
	set(fieldType, r.Type)
	set(fieldGenre, r.Genre)
	set(fieldStatus, r.Status)
	set(fieldLevel, r.Level)
	set(fieldVillage, r.Village)
	list := func(name string, vs []string) {
		var keep []string
		for _, v := range vs {
			if v != "" {
				keep = append(keep, v)
			}
		}
		if len(keep) > 0 {
			f[name] = keep
		}
	}
	list(fieldIssuer, r.Issuers)
	list(fieldDept, r.Departments)
	list(fieldTopic, r.Topics)
	list(fieldDocKey, docKeys(r))
	if !r.Date.IsZero() {
		f[fieldDate] = r.Date
		f[fieldYear] = strconv.Itoa(r.Date.Year())
	}
	return f
}

// docKeys indexes the caller's key and our own normalisation of both
// fields, so a query normalised by NormalizeDocNumber always meets it.
func docKeys(r Record) []string {
	var keys []string
	for _, k := range []string{r.DocKey, NormalizeDocNumber(r.DocKey), NormalizeDocNumber(r.DocNumber)} {
		if k == "" {
			continue
		}
		dup := false
		for _, have := range keys {
			dup = dup || have == k
		}
		if !dup {
			keys = append(keys, k)
		}
	}
	return keys
}
