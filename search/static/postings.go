package static

import (
	"fmt"
	"math"
	"slices"
	"sort"

	"github.com/blevesearch/bleve/v2/index/scorch"
	segment "github.com/blevesearch/scorch_segment_api/v2"
	"github.com/gongkai/gongkai/search/zapwrite"
)

// postingsReader reads the posting lists of one field straight from the
// segments of every shard, encoding each posting as it comes (lists.go).
// bleve's TermFieldReader costs an allocation-heavy setup per term, a third
// of reading; here the dictionaries, lists and iterators are reused from
// term to term, so reading allocates nothing once the buffers have grown.
// Not safe for concurrent use: one per worker.
type postingsReader struct {
	field string
	fe    fieldEncoding
	segs  []segmentReader // every segment, shard by shard
	term  []byte
	// lengths caches the field length of each record by gid, 0 until
	// known. bleve's norm is the record's field length, the same in every
	// posting of the record, and getting it back costs a square root and
	// two divisions.
	lengths []int32

	ps              []posting
	enc             buf
	pos             []uint32
	df              []int
	keys, spareKeys []uint64
	tmp             []posting
}

// posting is one record's entry in a term's list for one field: what
// scoring needs, and where the posting's encoding after its gid lies in the
// list's bytes (see lists.go): [at, head) holds tf, length* and
// [first block*]; [head, end) the positions.
type posting struct {
	gid, tf, len  int32
	at, head, end uint32
}

// segmentReader is one segment's part of a postingsReader: read through
// zap (dict), or from the writer's postings in memory (mem).
type segmentReader struct {
	shard *shard
	ss    *scorch.SegmentSnapshot
	first uint64 // the segment's first internal document number in its shard
	dict  segment.TermDictionary
	list  segment.PostingsList
	iter  segment.PostingsIterator
	mem   *memoryTerms // nil for zap
}

// newPostingsReader opens the dictionary of fe's field in every segment.
func (s *source) newPostingsReader(fe fieldEncoding) (*postingsReader, error) {
	r := &postingsReader{field: fe.spec.Name, fe: fe, lengths: make([]int32, s.records)}
	for _, sh := range s.shards {
		if sh.mem != nil {
			for k, mem := range sh.mem {
				r.segs = append(r.segs, segmentReader{shard: sh, first: sh.offsets[k], mem: &memoryTerms{field: mem.Field(r.field)}})
			}
			continue
		}
		for k, ss := range sh.segs {
			d, err := ss.Segment().Dictionary(r.field)
			if err != nil {
				return nil, fmt.Errorf("static: opening the terms of %s: %w", r.field, err)
			}
			r.segs = append(r.segs, segmentReader{shard: sh, ss: ss, first: sh.offsets[k], dict: d})
		}
	}
	return r, nil
}

// postingsOf reads a term's postings from every shard, in gid order, their
// bytes and their document frequency per shard. The results live in r
// until its next use.
func (r *postingsReader) postingsOf(term string) ([]posting, []byte, []int, error) {
	r.ps, r.enc, r.df = r.ps[:0], r.enc[:0], r.df[:0]
	r.term = append(r.term[:0], term...)
	var last *shard
	for k := range r.segs {
		sr := &r.segs[k]
		if sr.shard != last {
			r.df = append(r.df, 0)
			last = sr.shard
		}
		var n int
		var err error
		if sr.mem != nil {
			n, err = r.readMemory(sr, term)
		} else {
			n, err = r.readSegment(sr)
		}
		if err != nil {
			return nil, nil, nil, fmt.Errorf("term %q in field %s: %w", term, r.field, err)
		}
		r.df[len(r.df)-1] += n
	}
	// Segments list postings in document order; gids follow IDs. Sorting
	// keys (gid, index) is several times cheaper than moving postings.
	sorted := true
	for i := 1; i < len(r.ps) && sorted; i++ {
		sorted = r.ps[i-1].gid < r.ps[i].gid
	}
	if !sorted {
		r.keys = r.keys[:0]
		for i, p := range r.ps {
			r.keys = append(r.keys, uint64(p.gid)<<32|uint64(i))
		}
		var keys []uint64
		keys, r.spareKeys = sortByGid(r.keys, r.spareKeys)
		r.keys = keys
		r.tmp = append(r.tmp[:0], r.ps...)
		for i, k := range keys {
			r.ps[i] = r.tmp[uint32(k)]
		}
	}
	return r.ps, r.enc, r.df, nil
}

// readSegment appends the term's postings in one segment and returns how
// many there were. A list or iterator is kept for reuse only once it has
// yielded postings: for a missing term bleve returns shared empty ones.
func (r *postingsReader) readSegment(sr *segmentReader) (int, error) {
	list, err := sr.dict.PostingsList(r.term, sr.ss.Deleted(), sr.list)
	if err != nil {
		return 0, err
	}
	vectors := r.fe.spec.Positions
	it := list.Iterator(true, true, vectors, sr.iter)
	rank, base := sr.shard.rank, sr.shard.base
	n := 0
	for {
		p, err := it.Next()
		if err != nil {
			return 0, err
		}
		if p == nil {
			break
		}
		num := sr.first + p.Number()
		if num >= uint64(len(rank)) || rank[num] < 0 {
			return 0, fmt.Errorf("names unknown document %d", num)
		}
		gid := base + int(rank[num])
		l := int(r.lengths[gid])
		if l == 0 {
			if l, err = lengthOfNormIn(p.Norm(), r.fe.normCache); err != nil {
				return 0, err
			}
			if l > math.MaxInt32 {
				return 0, fmt.Errorf("field length %d too large to export", l)
			}
			r.lengths[gid] = int32(l)
		}
		r.pos = r.pos[:0]
		if vectors {
			sortedPos := true
			for _, loc := range p.Locations() {
				if loc.Pos() > math.MaxUint32 {
					return 0, fmt.Errorf("position %d too large to export", loc.Pos())
				}
				v := uint32(loc.Pos())
				sortedPos = sortedPos && (len(r.pos) == 0 || r.pos[len(r.pos)-1] <= v)
				r.pos = append(r.pos, v)
			}
			if !sortedPos {
				slices.Sort(r.pos)
			}
		}
		if err := r.add(gid, p.Frequency(), l, r.pos, vectors); err != nil {
			return 0, err
		}
		n++
	}
	if n > 0 {
		sr.list, sr.iter = list, it
	}
	return n, nil
}

// readMemory is readSegment for a shard whose postings the writer kept
// (shard.mem): the same postings in the same order, without decoding them.
// Field lengths are the writer's token counts, which is what the segment's
// norms encode.
func (r *postingsReader) readMemory(sr *segmentReader, term string) (int, error) {
	i := sr.mem.find(term)
	if i < 0 {
		return 0, nil
	}
	vectors := r.fe.spec.Positions
	rank, base := sr.shard.rank, sr.shard.base
	list, err := sr.mem.list(i)
	if err != nil {
		return 0, err
	}
	n := list.Len()
	for p, ok := list.Next(); ok; p, ok = list.Next() {
		num := sr.first + uint64(p.Doc)
		if num >= uint64(len(rank)) || rank[num] < 0 {
			return 0, fmt.Errorf("names unknown document %d", num)
		}
		if p.Norm == 0 || p.Norm > math.MaxInt32 {
			return 0, fmt.Errorf("unexpected field length %d", p.Norm)
		}
		pos := p.Positions
		if !vectors {
			pos = nil
		} else if !ascending(pos) {
			// They are the writer's: sort a copy.
			r.pos = append(r.pos[:0], pos...)
			slices.Sort(r.pos)
			pos = r.pos
		}
		if err := r.add(base+int(rank[num]), uint64(p.Freq), int(p.Norm), pos, vectors); err != nil {
			return 0, err
		}
	}
	return n, nil
}

// ascending reports whether pos is in ascending order (equal neighbours
// allowed).
func ascending(pos []uint32) bool {
	for i := 1; i < len(pos); i++ {
		if pos[i] < pos[i-1] {
			return false
		}
	}
	return true
}

// add encodes one posting of record gid, its positions pos ascending.
func (r *postingsReader) add(gid int, tf uint64, length int, pos []uint32, vectors bool) error {
	if tf > math.MaxInt32 {
		return fmt.Errorf("frequency %d too large to export", tf)
	}
	at := len(r.enc)
	r.enc = r.fe.head(r.enc, gid, int(tf), length, pos)
	head := len(r.enc)
	if vectors {
		r.enc = appendPositions(r.enc, pos)
	}
	if uint64(len(r.enc)) > math.MaxUint32 {
		return fmt.Errorf("postings too large to export (%d bytes)", len(r.enc))
	}
	r.ps = append(r.ps, posting{gid: int32(gid), tf: int32(tf), len: int32(length), at: uint32(at), head: uint32(head), end: uint32(len(r.enc))})
	return nil
}

// memoryTerms finds terms in one field of a shard's kept postings. Terms
// are looked up in byte order, each worker's in runs of consecutive ones,
// so the search starts where the last one ended.
type memoryTerms struct {
	field  *zapwrite.FieldPostings // nil when the shard has no such field
	next   int                     // where the next term likely is
	reader *zapwrite.ListReader    // of field, made on first use
}

// list reads the postings of the field's i-th term, from memory or, a
// bounded chunk at a time, from the file the writer kept them in.
func (m *memoryTerms) list(i int) (zapwrite.List, error) {
	if m.reader == nil {
		m.reader = m.field.NewReader()
	}
	return m.reader.List(i)
}

// find returns the index of term in the field's terms, or -1.
func (m *memoryTerms) find(term string) int {
	if m.field == nil {
		return -1
	}
	terms := m.field.Terms()
	lo, hi := 0, len(terms)
	if k := m.next; k < len(terms) && terms[k] >= term {
		if k == 0 || terms[k-1] < term {
			lo, hi = k, k // term is here or nowhere
		} else {
			hi = k
		}
	} else if k < len(terms) {
		// Gallop forward: the term is close after the last one.
		lo = k + 1
		step := 1
		for lo+step < len(terms) && terms[lo+step] < term {
			lo += step + 1
			step *= 2
		}
		hi = min(lo+step, len(terms))
	} else if k > 0 && terms[k-1] < term {
		return -1
	}
	i := lo + sort.SearchStrings(terms[lo:hi], term)
	if i < len(terms) && terms[i] == term {
		m.next = i + 1
		return i
	}
	m.next = i
	return -1
}

// sortByGid sorts keys gid<<32|index by gid: a radix sort by bytes of the
// gid, skipping bytes every gid shares. bleve's document order differs from
// gid order by up to a law's articles (anchors sort by their bytes), too far
// for an insertion sort and too regular to gain from a comparison sort's
// luck. The result is in keys or in tmp; it returns it and the other.
func sortByGid(keys, tmp []uint64) (sorted, spare []uint64) {
	if len(keys) < 32 {
		slices.Sort(keys)
		return keys, tmp
	}
	var counts [4][256]int
	for _, k := range keys {
		for b := range 4 {
			counts[b][byte(k>>(32+8*b))]++
		}
	}
	tmp = slices.Grow(tmp[:0], len(keys))[:len(keys)]
	for b := range 4 {
		c := &counts[b]
		shift := 32 + 8*b
		if c[byte(keys[0]>>shift)] == len(keys) {
			continue // every gid has this byte
		}
		at := 0
		for d := range c {
			at, c[d] = at+c[d], at
		}
		for _, k := range keys {
			d := byte(k >> shift)
			tmp[c[d]] = k
			c[d]++
		}
		keys, tmp = tmp, keys
	}
	return keys, tmp
}
