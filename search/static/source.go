package static

import (
	"encoding/binary"
	"fmt"
	"math"
	"path/filepath"
	"sort"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	index "github.com/blevesearch/bleve_index_api"
	"github.com/gongkai/gongkai/search"
	"github.com/gongkai/gongkai/search/zapwrite"
)

// source is the bleve index being exported, opened read-only, with every
// record given its gid: shard by shard, in bleve's document order.
type source struct {
	dir      string
	manifest search.Manifest
	shards   []*shard
	records  int
}

type shard struct {
	index   bleve.Index
	reader  index.IndexReader
	segs    []*scorch.SegmentSnapshot
	offsets []uint64 // internal document number of each segment's first
	docs    int      // bleve's DocCount: the N of its idf
	base    int      // gid of the shard's first record
	ids     []uint64 // internal document number of each record, in gid order
	rank    []int32  // internal document number → gid-base, or -1
	extIDs  []string // record IDs, in gid order
	// mem, when set, is the writer's postings of each of the shard's
	// segments: terms and postings are read there (in memory, or in the
	// files the writer kept them in), everything else from the segments.
	mem []*zapwrite.Postings
}

// useMemory reads the shard's terms and postings from mem when they can
// only be those of its segments: one kept per segment, nothing deleted,
// and every document has the number mem gives its ID, as in the segments
// the writer wrote. Otherwise (an index updated since, as Index.Update
// does, or postings of another shard) the segments are read.
func (sh *shard) useMemory(mem []*zapwrite.Postings) {
	if len(mem) == 0 || len(sh.segs) != len(mem) {
		return
	}
	total := 0
	for k, ss := range sh.segs {
		deleted := ss.Deleted()
		if mem[k] == nil || (deleted != nil && !deleted.IsEmpty()) || ss.Segment().Count() != uint64(mem[k].Docs()) {
			return
		}
		total += mem[k].Docs()
	}
	if sh.docs != total {
		return
	}
	k := 0
	for i, num := range sh.ids {
		if k >= len(sh.offsets) || num < sh.offsets[k] || num-sh.offsets[k] >= uint64(mem[k].Docs()) {
			k = sh.segmentOf(num)
		}
		local := num - sh.offsets[k]
		if local >= uint64(mem[k].Docs()) || mem[k].ID(int(local)) != sh.extIDs[i] {
			return
		}
	}
	sh.mem = mem
}

// openSource opens the index that search.NewWriter built at dir. Opening
// through bleve means the analyzers registered by package search are the
// ones that wrote it. mem holds the writer's postings of some shards, by
// name and segment (see ExportOptions); nil reads every shard from its
// segments.
func openSource(dir string, mem map[string][]*zapwrite.Postings) (*source, error) {
	man, err := search.ReadManifest(dir)
	if err != nil {
		return nil, err
	}
	src := &source{dir: dir, manifest: man}
	for _, name := range man.Shards {
		if name == "" || name != filepath.Base(name) || name[0] == '.' {
			src.close()
			return nil, fmt.Errorf("static: %s names shard %q outside the index; rebuild it with `gongkai build`", dir, name)
		}
		sh, err := openShard(filepath.Join(dir, name), src.records)
		if err != nil {
			src.close()
			return nil, err
		}
		sh.useMemory(mem[name])
		src.shards = append(src.shards, sh)
		src.records += sh.docs
	}
	return src, nil
}

func openShard(dir string, base int) (*shard, error) {
	bi, err := bleve.OpenUsing(dir, map[string]interface{}{"read_only": true})
	if err != nil {
		return nil, fmt.Errorf("static: opening index shard %s: %w; rebuild the index with `gongkai build`", dir, err)
	}
	sh := &shard{index: bi, base: base}
	adv, err := bi.Advanced()
	if err == nil {
		sh.reader, err = adv.Reader()
	}
	if err != nil {
		_ = bi.Close()
		return nil, fmt.Errorf("static: reading index shard %s: %w", dir, err)
	}
	n, err := sh.reader.DocCount()
	if err != nil {
		sh.close()
		return nil, fmt.Errorf("static: counting documents of %s: %w", dir, err)
	}
	sh.docs = int(n)
	snap, ok := sh.reader.(*scorch.IndexSnapshot)
	if !ok {
		sh.close()
		return nil, fmt.Errorf("static: index shard %s is a %T, not a scorch index; rebuild it with `gongkai build`", dir, sh.reader)
	}
	// Internal numbers run on from segment to segment, deleted documents
	// included (scorch's IndexSnapshot.offsets).
	var first uint64
	for _, ss := range snap.Segments() {
		sh.segs = append(sh.segs, ss)
		sh.offsets = append(sh.offsets, first)
		first += ss.Segment().Count()
	}
	if err := sh.number(); err != nil {
		sh.close()
		return nil, fmt.Errorf("static: numbering documents of %s: %w", dir, err)
	}
	return sh, nil
}

// number gives the shard's records their gids: in the byte order of their
// IDs, which is how search breaks score ties (bleve's SortDocID). Within a
// shard, gid order is then tie order; across shards the client compares IDs.
func (sh *shard) number() error {
	it, err := sh.reader.DocIDReaderAll()
	if err != nil {
		return err
	}
	defer it.Close()
	type doc struct {
		n  uint64
		id string
	}
	var docs []doc
	maxN := uint64(0)
	for {
		id, err := it.Next()
		if err != nil {
			return err
		}
		if id == nil {
			break
		}
		ext, err := sh.reader.ExternalID(id)
		if err != nil {
			return err
		}
		n := internalNumber(id)
		maxN = max(maxN, n)
		docs = append(docs, doc{n, ext})
	}
	if len(docs) != sh.docs {
		return fmt.Errorf("%d documents listed but DocCount says %d", len(docs), sh.docs)
	}
	if len(docs) > 0 && maxN > uint64(4*len(docs)+1024) {
		return fmt.Errorf("document numbers up to %d for %d documents; rebuild the index", maxN, len(docs))
	}
	sort.Slice(docs, func(a, b int) bool { return docs[a].id < docs[b].id })
	sh.rank = make([]int32, maxN+1)
	for i := range sh.rank {
		sh.rank[i] = -1
	}
	for i, d := range docs {
		sh.ids = append(sh.ids, d.n)
		sh.extIDs = append(sh.extIDs, d.id)
		sh.rank[d.n] = int32(i)
	}
	return nil
}

func internalNumber(id index.IndexInternalID) uint64 {
	if len(id) != 8 {
		return math.MaxUint64
	}
	return binary.BigEndian.Uint64(id)
}

// segmentOf is the index in segs of the segment holding internal document
// number num.
func (sh *shard) segmentOf(num uint64) int {
	k := 0
	for k+1 < len(sh.offsets) && sh.offsets[k+1] <= num {
		k++
	}
	return k
}

// gid is the export's number of an internal document id, or -1.
func (sh *shard) gid(id index.IndexInternalID) int {
	n := internalNumber(id)
	if n >= uint64(len(sh.rank)) || sh.rank[n] < 0 {
		return -1
	}
	return sh.base + int(sh.rank[n])
}

func (sh *shard) close() {
	if sh.reader != nil {
		_ = sh.reader.Close()
	}
	_ = sh.index.Close()
}

func (s *source) close() {
	for _, sh := range s.shards {
		sh.close()
	}
}

// lengthOfNormIn recovers the field length bleve stored: its norm is
// float32(1/sqrt(length)), exact for every length below 2²⁴. norms (normOf
// by length) spares a square root for the lengths it covers.
func lengthOfNormIn(norm float64, norms []float32) (int, error) {
	if norm <= 0 || norm > 1 || math.IsNaN(norm) {
		return 0, fmt.Errorf("unexpected field norm %v", norm)
	}
	guess := int(math.Round(1 / (norm * norm)))
	if guess < len(norms) && norms[guess] == float32(norm) {
		return guess, nil
	}
	for d := 0; d <= 4; d++ {
		for _, l := range []int{guess - d, guess + d} {
			if l > 0 && normOf(l) == float32(norm) {
				return l, nil
			}
		}
	}
	return 0, fmt.Errorf("field norm %v matches no field length", norm)
}

// normTable is normOf for every length below 2¹⁶.
func normTable() []float32 {
	norms := make([]float32, 1<<16)
	for l := 1; l < len(norms); l++ {
		norms[l] = normOf(l)
	}
	return norms
}

// normOf is bleve's norm of a field of l tokens (zapx Posting.Norm).
func normOf(l int) float32 { return float32(1.0 / math.Sqrt(float64(l))) }
