package zapwrite

import "os"

// Postings are a segment's dictionaries and postings lists as its Builder
// wrote them, kept in memory (KeepPostings) for a reader in the same
// process that would otherwise decode them back from the segment: the
// static search export, where zap decoding was a third of its CPU time.
// Documents are numbered as in the segment: in the order they were added.
// Postings are read-only and safe for concurrent use.
type Postings struct {
	ids    []string // by document number
	fields map[string]*FieldPostings
	spill  *spillFile // with KeepPostingsIn: the file the lists are in
}

// FieldPostings are one field's terms in dictionary (byte) order, each
// with its postings in document order.
type FieldPostings struct {
	terms     []string
	starts    []uint32  // term i's postings are postings[starts[i]:starts[i+1]]...
	locStarts []uint32  // ...and their positions locs[locStarts[i]:locStarts[i+1]]
	postings  []posting // grouped by term, as written; tid is not read
	locs      []uint32
	norms     []uint32 // doc → the field's token count (shorter when later docs lack the field)

	// With KeepPostingsIn, postings and locs are nil and lie in file
	// instead: from postAt, each posting as two little-endian uint32
	// (doc, freq), and from locAt, each position as one.
	file          *os.File
	postAt, locAt int64
}

// Posting is one document in a term's list.
type Posting struct {
	Doc  uint32 // the document's number in the segment
	Freq uint32 // how often the term occurs in the field
	// Norm is what the segment's norm encodes: the field's token count in
	// the document (bleve's norm is 1/sqrt of it).
	Norm uint32
	// Positions are the term's positions, in the order analysis gave
	// them; empty when the field has no term vectors. They share the
	// Postings' memory: do not modify them.
	Positions []uint32
}

// KeepPostings makes the Builder keep each field's postings as it writes
// them (by WriteIndex, WriteFile or Segment), for Postings. It costs their
// memory (a third of what the Builder held: 265 MB on the laws corpus)
// for as long as they are kept.
func (b *Builder) KeepPostings() {
	if b.kept == nil {
		b.kept = &Postings{fields: map[string]*FieldPostings{}}
	}
}

// Postings returns the postings of the segment the Builder wrote, or nil
// unless KeepPostings was called before it was written. They do not hold
// on to the Builder.
func (b *Builder) Postings() *Postings { return b.kept }

// Docs is the number of documents in the segment.
func (p *Postings) Docs() int { return len(p.ids) }

// ID returns the ID of document doc (0 ≤ doc < Docs()), so that a reader
// can check it has the segment these postings belong to.
func (p *Postings) ID(doc int) string { return p.ids[doc] }

// Field returns the postings of a field, or nil when no document has it
// indexed.
func (p *Postings) Field(name string) *FieldPostings { return p.fields[name] }

// Terms lists the field's terms in dictionary order; do not modify it.
func (f *FieldPostings) Terms() []string { return f.terms }

// List iterates over the postings of Terms()[term]. The postings must be
// in memory (KeepPostings); NewReader reads them wherever they are.
func (f *FieldPostings) List(term int) List {
	return List{
		postings: f.postings[f.starts[term]:f.starts[term+1]],
		locs:     f.locs[f.locStarts[term]:f.locStarts[term+1]],
		norms:    f.norms,
	}
}

// List is one term's postings, read in document order with Next.
type List struct {
	postings []posting
	locs     []uint32
	norms    []uint32
}

// Len is how many postings are left to read.
func (l *List) Len() int { return len(l.postings) }

// Next returns the next posting, or false when there is none.
func (l *List) Next() (Posting, bool) {
	if len(l.postings) == 0 {
		return Posting{}, false
	}
	p := l.postings[0]
	l.postings = l.postings[1:]
	out := Posting{Doc: p.doc, Freq: p.freq &^ hasLocs, Norm: l.norms[p.doc]}
	if p.freq&hasLocs != 0 {
		out.Positions, l.locs = l.locs[:out.Freq:out.Freq], l.locs[out.Freq:]
	}
	return out, true
}

// keep records a field's postings, sorted by sortByTerm, with order the
// term numbers in dictionary order: in memory, or written to the spill file.
func (p *Postings) keep(f *field, order []uint32, postings []posting, locs, starts, locStarts []uint32) {
	fp := &FieldPostings{
		terms:     make([]string, len(order)),
		starts:    make([]uint32, len(order)+1),
		locStarts: make([]uint32, len(order)+1),
		postings:  postings,
		locs:      locs,
		norms:     f.norms,
	}
	for i, tid := range order {
		fp.terms[i] = f.terms[tid]
		fp.starts[i], fp.locStarts[i] = starts[tid], locStarts[tid]
	}
	fp.starts[len(order)], fp.locStarts[len(order)] = uint32(len(postings)), uint32(len(locs))
	p.fields[f.name] = fp
	if p.spill != nil {
		fp.file = p.spill.f
		fp.postAt, fp.locAt = p.spill.write(postings, locs)
		fp.postings, fp.locs = nil, nil
	}
}
