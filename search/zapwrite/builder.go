package zapwrite

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"slices"
	"unsafe"

	"github.com/blevesearch/bleve/v2/analysis"
)

// Doc is one document: its ID (indexed and stored as bleve's "_id") and
// its field values in the order bleve's mapping would visit them.
type Doc struct {
	ID     string
	Fields []Field
}

// Field is one value of a field. Several values may share a name (a list);
// they are inverted together, as bleve does.
type Field struct {
	Name string
	// Tokens are the analysed terms in stream order. Only Term and
	// Position are read; with TermVectors, Start and End must be zero.
	Tokens      analysis.TokenStream
	Index       bool
	Store       bool
	TermVectors bool
	DocValues   bool
	// Value and Type are what is stored: the raw bytes and bleve's
	// EncodedFieldType ('t' text, 'd' datetime, 'n' number...).
	Value          []byte
	Type           byte
	ArrayPositions []uint64
}

// IDField is the name bleve gives the document ID field.
const IDField = "_id"

// Builder inverts documents into postings held in flat arrays, per field
// in the order documents arrive; Segment sorts them by term. It is not
// safe for concurrent use: a sharded index has one Builder per shard.
type Builder struct {
	fields  map[string]*field
	ids     []string
	docVals []int // per doc: its stored values end at vals[docVals[doc]]
	vals    []storedVal
	arena   slab[byte] // stored bytes
	kept    *Postings  // with KeepPostings: filled as fields are written

	names []string // scratch: one document's field names, first seen first
}

// field is one field's dictionary and postings.
type field struct {
	name      string
	id        int // assigned when the segment is written
	docValues bool
	dict      map[string]uint32 // term → term number, for terms longer than 7 bytes
	short     map[uint64]uint32 // the others (a Han bigram is 6), by shortKey
	terms     []string
	termBytes int      // their length, for Size
	count     []uint32 // term → how many postings
	nlocs     []uint32 // term → how many positions
	norms     []uint32 // doc → the field's token count in it: bleve's norm bits
	postings  slab[posting]
	locs      slab[uint32] // the positions of the postings that have them, in order

	// scratch for the document being added
	seen []uint32 // term → 1 + the doc it was last counted in
	freq []uint32
	slot []uint32
	uniq []uint32 // the document's terms, first seen first
	tids []uint32 // with term vectors: each token's term...
	pos  []uint32 // ...and position
}

// posting is one term in one document.
type posting struct {
	doc  uint32
	tid  uint32
	freq uint32 // hasLocs set when freq positions follow in field.locs
}

const hasLocs = 1 << 31

// storedVal is one stored value; its bytes start at arena index at.
type storedVal struct {
	f        *field
	typ      byte
	at, size int
	arrayPos []uint64
}

// NewBuilder returns an empty Builder.
func NewBuilder() *Builder {
	return &Builder{fields: map[string]*field{}}
}

var errTooLarge = errors.New("zapwrite: segment too large (2^31 documents, postings or positions in a field); use more shards")

// Add inverts one document; documents are numbered in the order of Add.
func (b *Builder) Add(d Doc) error {
	b.names = b.names[:0]
	for _, f := range d.Fields {
		if f.Name == IDField {
			return fmt.Errorf("zapwrite: document %q has a field named %s; bleve reserves it for the ID", d.ID, IDField)
		}
		if !slices.Contains(b.names, f.Name) {
			b.names = append(b.names, f.Name)
		}
	}
	if len(b.ids) >= math.MaxInt32 {
		return errTooLarge
	}
	doc := uint32(len(b.ids))
	// bleve's AddIDField: the ID is indexed as one term and stored.
	id := []Field{{Name: IDField, Index: true, // stored apart, see writeStored
		Tokens: analysis.TokenStream{{Term: []byte(d.ID), Position: 1, End: len(d.ID)}}}}
	if err := b.addField(doc, id, IDField); err != nil {
		return err
	}
	for _, name := range b.names {
		if err := b.addField(doc, d.Fields, name); err != nil {
			return fmt.Errorf("zapwrite: document %q, field %s: %w", d.ID, name, err)
		}
	}
	b.ids = append(b.ids, d.ID)
	b.docVals = append(b.docVals, len(b.vals))
	return nil
}

// addField stores and inverts the values of one field of document doc.
func (b *Builder) addField(doc uint32, values []Field, name string) error {
	f := b.fields[name]
	if f == nil {
		f = &field{name: name, dict: map[string]uint32{}, short: map[uint64]uint32{}}
		b.fields[name] = f
	}
	norm, tv, tvSet := 0, false, false
	for i := range values {
		v := &values[i]
		if v.Name != name {
			continue
		}
		f.docValues = f.docValues || v.DocValues
		if v.Store {
			at := b.arena.appendAll(v.Value)
			b.vals = append(b.vals, storedVal{f: f, typ: v.Type, at: at, size: len(v.Value), arrayPos: v.ArrayPositions})
		}
		if !v.Index {
			continue
		}
		if tvSet && v.TermVectors != tv {
			return errors.New("values disagree on term vectors")
		}
		tv, tvSet = v.TermVectors, true
		if tv && len(v.ArrayPositions) > 0 {
			return errors.New("term vectors on a list field are not supported")
		}
		norm += len(v.Tokens)
	}
	if !tvSet {
		return nil
	}

	// Count each term's occurrences in this document.
	stamp := doc + 1
	f.uniq, f.tids, f.pos = f.uniq[:0], f.tids[:0], f.pos[:0]
	for i := range values {
		v := &values[i]
		if v.Name != name || !v.Index {
			continue
		}
		for _, tok := range v.Tokens {
			tid := f.lookup(tok.Term)
			if f.seen[tid] != stamp {
				f.seen[tid] = stamp
				f.freq[tid] = 0
				f.uniq = append(f.uniq, tid)
			}
			f.freq[tid]++
			if tv {
				if tok.Start != 0 || tok.End != 0 {
					return errors.New("term vectors with byte offsets are not supported; zero Start and End in analysis")
				}
				f.tids = append(f.tids, tid)
				f.pos = append(f.pos, uint32(tok.Position))
			}
		}
	}

	if f.postings.len()+len(f.uniq) >= math.MaxInt32 || f.locs.len()+len(f.tids) >= math.MaxInt32 {
		return errTooLarge
	}
	if len(f.norms) < int(doc) {
		f.norms = append(f.norms, make([]uint32, int(doc)-len(f.norms))...)
	}
	f.norms = append(f.norms[:doc], uint32(norm))

	// One posting per term, then its positions, in the order of the terms.
	locAt := uint32(f.locs.len())
	for _, tid := range f.uniq {
		p := posting{doc: doc, tid: tid, freq: f.freq[tid]}
		f.count[tid]++
		if tv {
			p.freq |= hasLocs
			f.slot[tid] = locAt
			locAt += f.freq[tid]
			f.nlocs[tid] += f.freq[tid]
		}
		f.postings.append(p)
	}
	if tv {
		f.locs.grow(int(locAt))
		for i, tid := range f.tids {
			*f.locs.at(f.slot[tid]) = f.pos[i]
			f.slot[tid]++
		}
	}
	return nil
}

// lookup returns term's number, adding it to the dictionary when new.
func (f *field) lookup(term []byte) uint32 {
	if len(term) <= 7 {
		key := shortKey(term)
		if tid, ok := f.short[key]; ok {
			return tid
		}
		tid := f.add(string(term))
		f.short[key] = tid
		return tid
	}
	if tid, ok := f.dict[string(term)]; ok {
		return tid
	}
	tid := f.add(string(term))
	f.dict[f.terms[tid]] = tid
	return tid
}

// shortKey packs a term of at most 7 bytes and its length into a number:
// hashing and comparing it is cheaper than a string's.
func shortKey(term []byte) uint64 {
	var buf [8]byte
	copy(buf[:], term)
	buf[7] = byte(len(term))
	return binary.LittleEndian.Uint64(buf[:])
}

// add gives a new term the next number.
func (f *field) add(term string) uint32 {
	tid := uint32(len(f.terms))
	f.terms = append(f.terms, term)
	f.termBytes += len(term)
	f.count = append(f.count, 0)
	f.nlocs = append(f.nlocs, 0)
	f.seen = append(f.seen, 0)
	f.freq = append(f.freq, 0)
	f.slot = append(f.slot, 0)
	return tid
}

// Size is about how many bytes the Builder holds, for a writer that keeps
// its memory within a budget by writing a segment whenever it is reached.
func (b *Builder) Size() int {
	n := len(b.arena.blocks)<<slabBits + len(b.vals)*int(unsafe.Sizeof(storedVal{})) + len(b.ids)*16 + len(b.docVals)*8
	for _, f := range b.fields {
		n += len(f.postings.blocks)<<slabBits*int(unsafe.Sizeof(posting{})) + len(f.locs.blocks)<<slabBits*4 + len(f.norms)*4
		// Each term: its bytes, its string header, its map entry and
		// six counters.
		n += f.termBytes + len(f.terms)*(16+24+6*4)
	}
	return n
}

// Docs is how many documents were added.
func (b *Builder) Docs() int { return len(b.ids) }
