package static

import (
	"hash/fnv"
	"slices"
	"strings"
)

// The dictionary maps every term of every field to its posting lists. Terms
// are hashed (FNV-1a, 32 bits, of the UTF-8 bytes) into Buckets files so a
// query fetches one small object per term. A bucket (stored raw: gzip
// saved 3% of its bytes) is
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

// dictionary holds each field's entry parts by the field's term number; the
// buckets gather them per term only at the end, each bucket on its own,
// which spares a map of every term.
type dictionary struct {
	fields []dictField // by export field number
}

type dictField struct {
	terms  []string // in byte order
	parts  [][]byte // per term: field number, df…, kind, list (export.go)
	hashes []uint32 // per term: termHash
}

func newDictionary(nfields int) *dictionary {
	return &dictionary{fields: make([]dictField, nfields)}
}

// setTerms readies field fi for the parts of terms.
func (d *dictionary) setTerms(fi int, terms []string) {
	d.fields[fi] = dictField{terms: terms, parts: make([][]byte, len(terms)), hashes: make([]uint32, len(terms))}
}

// add sets the part of field fi's term i, whose termHash is hash.
func (d *dictionary) add(fi, i int, hash uint32, part []byte) {
	d.fields[fi].parts[i], d.fields[fi].hashes[i] = part, hash
}

func termHash(term string) uint32 {
	h := fnv.New32a()
	_, _ = h.Write([]byte(term))
	return h.Sum32()
}

func bucketOf(term string, buckets int) int {
	return int(termHash(term) & uint32(buckets-1))
}

// buckets sorts the dictionary into a power-of-two number of buckets of
// about bucketBytes each. It returns how many and a function encoding
// bucket b, safe to call concurrently for distinct buckets.
func (d *dictionary) buckets(bucketBytes int) (int, func(b int) []byte) {
	var lists [][]string
	total := 0
	for _, f := range d.fields {
		lists = append(lists, f.terms)
		for _, p := range f.parts {
			total += len(p)
		}
	}
	for _, t := range mergeSorted(lists) {
		total += len(t) + 2
	}
	n := 1
	for n*bucketBytes < total {
		n *= 2
	}
	// Entries (field<<32 | term number) by bucket: a counting sort.
	start := make([]int, n+1)
	for _, f := range d.fields {
		for _, h := range f.hashes {
			start[h&uint32(n-1)+1]++
		}
	}
	for b := range n {
		start[b+1] += start[b]
	}
	entries := make([]uint64, start[n])
	at := slices.Clone(start[:n])
	for fi, f := range d.fields {
		for i, h := range f.hashes {
			b := h & uint32(n-1)
			entries[at[b]] = uint64(fi)<<32 | uint64(i)
			at[b]++
		}
	}
	return n, func(b int) []byte {
		es := entries[start[b]:start[b+1]]
		term := func(e uint64) string { return d.fields[e>>32].terms[uint32(e)] }
		slices.SortFunc(es, func(x, y uint64) int {
			if c := strings.Compare(term(x), term(y)); c != 0 {
				return c
			}
			return int(x>>32) - int(y>>32)
		})
		size := 1
		for _, e := range es {
			size += len(term(e)) + 3 + len(d.fields[e>>32].parts[uint32(e)])
		}
		out := make(buf, 0, size)
		nterms := 0
		for k, e := range es {
			if k == 0 || term(e) != term(es[k-1]) {
				nterms++
			}
		}
		out.int(nterms)
		for k := 0; k < len(es); {
			t := term(es[k])
			end := k + 1
			for end < len(es) && term(es[end]) == t {
				end++
			}
			out.str(t)
			out.int(end - k)
			for _, e := range es[k:end] {
				out.bytes(d.fields[e>>32].parts[uint32(e)])
			}
			k = end
		}
		return out
	}
}
