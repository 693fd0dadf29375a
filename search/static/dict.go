package static

import (
	"hash/fnv"
	"sort"
	"sync"
)

// The dictionary maps every term of every field to its posting lists. Terms
// are hashed (FNV-1a, 32 bits, of the UTF-8 bytes) into Buckets files so a
// query fetches one small file per term. A bucket (gzip) is
//
//	nentries, per entry (by term): term, nfields, per field:
//	  field number, df per shard, kind,
//	  kind 0 (inline): the postings (see lists.go)
//	  kind 1 (medium): ref of the postings
//	  kind 2 (large):  refs of membership, details and impact, nimpact, bytes of each impact block
//
// A ref is pack, offset, length (files.go).
//
// The df per shard is bleve's document frequency, the idf input.

type dictionary struct {
	mu      sync.Mutex
	entries map[string]*entry
}

type entry struct {
	fields []byte // the per-field part, fields in export order
	nfield int
}

func newDictionary() *dictionary { return &dictionary{entries: map[string]*entry{}} }

// add appends one field's part to term's entry. Fields must be added in
// field order; terms of one field may be added concurrently.
func (d *dictionary) add(term string, part []byte) {
	d.mu.Lock()
	e := d.entries[term]
	if e == nil {
		e = &entry{}
		d.entries[term] = e
	}
	d.mu.Unlock()
	e.fields = append(e.fields, part...)
	e.nfield++
}

func bucketOf(term string, buckets int) int {
	h := fnv.New32a()
	_, _ = h.Write([]byte(term))
	return int(h.Sum32() & uint32(buckets-1))
}

// buckets encodes the dictionary into a power-of-two number of buckets of
// about bucketBytes each.
func (d *dictionary) buckets(bucketBytes int) [][]byte {
	total := 0
	for t, e := range d.entries {
		total += len(t) + len(e.fields) + 2
	}
	n := 1
	for n*bucketBytes < total {
		n *= 2
	}
	terms := make([][]string, n)
	for t := range d.entries {
		b := bucketOf(t, n)
		terms[b] = append(terms[b], t)
	}
	out := make([][]byte, n)
	for i, ts := range terms {
		sort.Strings(ts)
		var b buf
		b.int(len(ts))
		for _, t := range ts {
			e := d.entries[t]
			b.str(t)
			b.int(e.nfield)
			b.bytes(e.fields)
		}
		out[i] = b
	}
	return out
}
