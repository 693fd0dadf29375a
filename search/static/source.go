package static

import (
	"context"
	"encoding/binary"
	"fmt"
	"math"
	"path/filepath"
	"slices"
	"sort"

	"github.com/blevesearch/bleve/v2"
	index "github.com/blevesearch/bleve_index_api"
	"github.com/gongkai/gongkai/search"
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
	index  bleve.Index
	reader index.IndexReader
	docs   int      // bleve's DocCount: the N of its idf
	base   int      // gid of the shard's first record
	ids    []uint64 // internal document number of each record, in gid order
	rank   []int32  // internal document number → gid-base, or -1
	extIDs []string // record IDs, in gid order
}

// openSource opens the index that search.NewWriter built at dir. Opening
// through bleve means the analyzers registered by package search are the
// ones that wrote it.
func openSource(dir string) (*source, error) {
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

// termsOf lists the terms of field in one shard, in byte order.
func termsOf(r index.IndexReader, field string) ([]string, error) {
	d, err := r.FieldDict(field)
	if err != nil {
		return nil, err
	}
	defer d.Close()
	var out []string
	for {
		e, err := d.Next()
		if err != nil {
			return nil, err
		}
		if e == nil {
			return out, nil
		}
		out = append(out, e.Term)
	}
}

// posting is one record's entry in a term's list for one field.
type posting struct {
	gid int
	tf  int
	len int   // field length in tokens, recovered from bleve's norm
	pos []int // token positions, ascending; nil for fields without vectors
}

// scratch is reused from term to term by one worker: reading postings
// allocates nothing once it has grown.
type scratch struct {
	td   index.TermFieldDoc
	ps   []posting
	pos  []int
	df   []int
	keys []uint64
	tmp  []posting
}

// postingsOf reads a term's postings in field from every shard, in gid
// order, and their document frequency per shard. vectors asks for
// positions. The results live in sc until its next use.
func (s *source) postingsOf(term, field string, vectors bool, sc *scratch) ([]posting, []int, error) {
	sc.ps, sc.pos, sc.df = sc.ps[:0], sc.pos[:0], sc.df[:0]
	for _, sh := range s.shards {
		n, err := sh.postingsOf(term, field, vectors, sc)
		if err != nil {
			return nil, nil, err
		}
		sc.df = append(sc.df, n)
	}
	// Positions were appended to one slice that may have moved since.
	at := 0
	for i := range sc.ps {
		n := len(sc.ps[i].pos)
		sc.ps[i].pos = sc.pos[at : at+n : at+n]
		at += n
	}
	// bleve lists a shard's postings in its document order; gids follow IDs.
	// Sorting keys (gid, index) is several times cheaper than moving postings.
	sc.keys = sc.keys[:0]
	sorted := true
	for i, p := range sc.ps {
		sorted = sorted && (i == 0 || sc.ps[i-1].gid < p.gid)
		sc.keys = append(sc.keys, uint64(p.gid)<<32|uint64(i))
	}
	if !sorted {
		slices.Sort(sc.keys)
		sc.tmp = append(sc.tmp[:0], sc.ps...)
		for i, k := range sc.keys {
			sc.ps[i] = sc.tmp[uint32(k)]
		}
	}
	return sc.ps, sc.df, nil
}

func (sh *shard) postingsOf(term, field string, vectors bool, sc *scratch) (int, error) {
	tfr, err := sh.reader.TermFieldReader(context.Background(), []byte(term), field, true, true, vectors)
	if err != nil {
		return 0, err
	}
	defer tfr.Close()
	n := 0
	for {
		sc.td.Vectors = sc.td.Vectors[:0]
		m, err := tfr.Next(&sc.td)
		if err != nil {
			return 0, err
		}
		if m == nil {
			return n, nil
		}
		gid := sh.gid(m.ID)
		if gid < 0 {
			return 0, fmt.Errorf("term %q in field %s names unknown document %x", term, field, m.ID)
		}
		l, err := lengthOfNorm(m.Norm)
		if err != nil {
			return 0, fmt.Errorf("term %q in field %s: %w", term, field, err)
		}
		at := len(sc.pos)
		for _, v := range m.Vectors {
			sc.pos = append(sc.pos, int(v.Pos))
		}
		pos := sc.pos[at:]
		if !sort.IntsAreSorted(pos) {
			sort.Ints(pos)
		}
		// pos is re-sliced by the caller once all positions are in.
		sc.ps = append(sc.ps, posting{gid: gid, tf: int(m.Freq), len: l, pos: pos})
		n++
	}
}

// lengthOfNorm recovers the field length bleve stored: its norm is
// float32(1/sqrt(length)), exact for every length below 2²⁴.
func lengthOfNorm(norm float64) (int, error) {
	if norm <= 0 || norm > 1 || math.IsNaN(norm) {
		return 0, fmt.Errorf("unexpected field norm %v", norm)
	}
	guess := int(math.Round(1 / (norm * norm)))
	for d := 0; d <= 4; d++ {
		for _, l := range []int{guess - d, guess + d} {
			if l > 0 && normOf(l) == float32(norm) {
				return l, nil
			}
		}
	}
	return 0, fmt.Errorf("field norm %v matches no field length", norm)
}

// normOf is bleve's norm of a field of l tokens (zapx Posting.Norm).
func normOf(l int) float32 { return float32(1.0 / math.Sqrt(float64(l))) }
