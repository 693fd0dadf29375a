package zapwrite

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"io"
	"math"
	"os"
	"slices"
	"strings"

	"github.com/RoaringBitmap/roaring/v2"
	"github.com/blevesearch/vellum"
	zap "github.com/blevesearch/zapx/v15"
	"github.com/golang/snappy"
)

// Segment writes everything added so far as one in-memory zap v15
// segment, laid out as zapx's own writer lays it out: stored fields, then
// per field its postings, dictionary and doc values, then the field table.
// The Builder must not be used afterwards.
func (b *Builder) Segment() (*zap.SegmentBase, error) {
	e, err := b.encode()
	if err != nil {
		return nil, err
	}
	mem := e.w.bytes()
	return zap.InitSegmentBase(mem, crc32.ChecksumIEEE(mem), zap.DefaultChunkMode, e.fieldIDs(), e.names(),
		e.w.numDocs, e.storedIndex, e.fieldsIndex, e.dvIndex, e.dictOffsets, nil)
}

// WriteFile writes the segment as a zap file at path (what Segment's
// Persist would write), each block as soon as it is full, so that the
// segment is never held in memory whole. The Builder must not be used
// afterwards.
func (b *Builder) WriteFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return fmt.Errorf("zapwrite: %w", err)
	}
	e, err := b.encodeTo(f)
	if err == nil {
		err = e.w.flush()
	}
	if err != nil {
		_ = f.Close()
		return fmt.Errorf("zapwrite: %w", err)
	}
	// zapx's footer: counts and offsets, chunk mode, version, then the
	// CRC of everything before it.
	footer := binary.BigEndian.AppendUint64(nil, e.w.numDocs)
	footer = binary.BigEndian.AppendUint64(footer, e.storedIndex)
	footer = binary.BigEndian.AppendUint64(footer, e.fieldsIndex)
	footer = binary.BigEndian.AppendUint64(footer, e.dvIndex)
	footer = binary.BigEndian.AppendUint32(footer, zap.DefaultChunkMode)
	footer = binary.BigEndian.AppendUint32(footer, zap.Version)
	footer = binary.BigEndian.AppendUint32(footer, crc32.Update(e.w.crc, crc32.IEEETable, footer))
	if _, err := f.Write(footer); err != nil {
		_ = f.Close()
		return fmt.Errorf("zapwrite: %w", err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("zapwrite: %w", err)
	}
	return nil
}

// encoded is a written segment and where its parts start.
type encoded struct {
	w                                 *writer
	fields                            []*field
	storedIndex, fieldsIndex, dvIndex uint64
	dictOffsets                       []uint64
}

func (e *encoded) names() []string {
	names := make([]string, len(e.fields))
	for _, f := range e.fields {
		names[f.id] = f.name
	}
	return names
}

// fieldIDs maps each field name to its number plus one, as zapx does.
func (e *encoded) fieldIDs() map[string]uint16 {
	ids := make(map[string]uint16, len(e.fields))
	for _, f := range e.fields {
		ids[f.name] = uint16(f.id + 1)
	}
	return ids
}

func (b *Builder) encode() (*encoded, error) { return b.encodeTo(nil) }

// encodeTo encodes the segment, writing each full block to sink when it is
// not nil (the caller then flushes the last one), keeping them otherwise.
func (b *Builder) encodeTo(sink io.Writer) (*encoded, error) {
	if len(b.ids) == 0 {
		return nil, errorsNoDocs
	}
	if b.kept != nil && b.kept.spill != nil && b.kept.spill.err != nil {
		return nil, b.kept.spill.err
	}
	fields := b.fieldOrder()
	e := &encoded{w: &writer{numDocs: uint64(len(b.ids)), sink: sink}, fields: fields}
	if b.kept != nil {
		b.kept.ids = b.ids
	}
	w := e.w
	e.storedIndex = b.writeStored(w)
	e.dictOffsets = make([]uint64, len(fields))
	dvStart := make([]uint64, len(fields))
	dvEnd := make([]uint64, len(fields))
	vb, err := vellum.New(&w.fst, nil)
	if err != nil {
		return nil, err
	}
	for _, f := range fields {
		e.dictOffsets[f.id], dvStart[f.id], dvEnd[f.id], err = b.writeField(w, f, vb)
		if err != nil {
			return nil, err
		}
	}
	e.dvIndex = w.offset()
	for i := range fields {
		w.uvarint(dvStart[i])
		w.uvarint(dvEnd[i])
	}
	e.fieldsIndex = w.writeFieldTable(fields, e.dictOffsets)
	if w.err != nil {
		return nil, w.err
	}
	if b.kept != nil {
		if err := b.kept.finishSpill(); err != nil {
			return nil, err
		}
	}
	return e, nil
}

// fieldOrder numbers the fields as zapx does: _id first, then by name.
func (b *Builder) fieldOrder() []*field {
	fields := make([]*field, 0, len(b.fields))
	for _, f := range b.fields {
		fields = append(fields, f)
	}
	slices.SortFunc(fields, func(x, y *field) int {
		switch {
		case x.name == IDField:
			return -1
		case y.name == IDField:
			return 1
		}
		return strings.Compare(x.name, y.name)
	})
	for i, f := range fields {
		f.id = i
	}
	return fields
}

// writer appends the segment to blocks of out, so that a segment of
// hundreds of megabytes is never copied as it grows; bytes joins them.
// With a sink, each full block is written there instead of kept.
type writer struct {
	out     []byte // the block being filled
	full    [][]byte
	written uint64 // in full, or to sink
	numDocs uint64
	fst     bytes.Buffer
	scratch []byte

	sink io.Writer
	crc  uint32 // of what was written to sink
	err  error  // the first error writing to sink
}

// flush writes the block being filled to the sink.
func (w *writer) flush() error {
	if w.err == nil && len(w.out) > 0 {
		w.crc = crc32.Update(w.crc, crc32.IEEETable, w.out)
		_, w.err = w.sink.Write(w.out)
	}
	w.written += uint64(len(w.out))
	w.out = w.out[:0]
	return w.err
}

// writerBlock is the size of the blocks a segment is written in (a
// variable so tests can make segments span many).
var writerBlock = 4 << 20

// offset is where the next byte goes.
func (w *writer) offset() uint64 { return w.written + uint64(len(w.out)) }

// room makes sure n more bytes fit in the current block without growing it.
func (w *writer) room(n int) {
	if len(w.out)+n <= cap(w.out) {
		return
	}
	if w.sink != nil {
		_ = w.flush()
		if cap(w.out) >= n {
			return
		}
	} else if len(w.out) > 0 {
		w.full = append(w.full, w.out)
		w.written += uint64(len(w.out))
	}
	w.out = make([]byte, 0, max(writerBlock, n))
}

func (w *writer) uvarint(v uint64) {
	w.room(binary.MaxVarintLen64)
	w.out = binary.AppendUvarint(w.out, v)
}

func (w *writer) uint64(v uint64) {
	w.room(8)
	w.out = binary.BigEndian.AppendUint64(w.out, v)
}

func (w *writer) write(p []byte) {
	w.room(len(p))
	w.out = append(w.out, p...)
}

func (w *writer) writeString(p string) {
	w.room(len(p))
	w.out = append(w.out, p...)
}

// bytes returns the whole segment in one slice, letting go of each block
// once it is copied.
func (w *writer) bytes() []byte {
	all := make([]byte, 0, w.offset())
	for i, b := range w.full {
		all = append(all, b...)
		w.full[i] = nil
	}
	all = append(all, w.out...)
	w.full, w.out = nil, nil
	return all
}

// writeStored writes each document's stored values (the ID apart, then
// the rest in field order, snappy-compressed) and the index of where each
// document starts; it returns where that index starts.
func (b *Builder) writeStored(w *writer) uint64 {
	offsets := make([]uint64, len(b.ids))
	var meta, data, compressed []byte
	from := 0
	vals := make([]storedVal, 0, 16)
	for doc, id := range b.ids {
		vals = append(vals[:0], b.vals[from:b.docVals[doc]]...)
		from = b.docVals[doc]
		slices.SortStableFunc(vals, func(x, y storedVal) int { return x.f.id - y.f.id })
		meta = binary.AppendUvarint(meta[:0], uint64(len(id)))
		data = data[:0]
		for _, v := range vals {
			meta = binary.AppendUvarint(meta, uint64(v.f.id))
			meta = binary.AppendUvarint(meta, uint64(v.typ))
			meta = binary.AppendUvarint(meta, uint64(len(data)))
			meta = binary.AppendUvarint(meta, uint64(v.size))
			meta = binary.AppendUvarint(meta, uint64(len(v.arrayPos)))
			for _, p := range v.arrayPos {
				meta = binary.AppendUvarint(meta, p)
			}
			data = b.arena.read(data, v.at, v.size)
		}
		compressed = snappy.Encode(compressed[:cap(compressed)], data)
		offsets[doc] = w.offset()
		w.uvarint(uint64(len(meta)))
		w.uvarint(uint64(len(id) + len(compressed)))
		w.write(meta)
		w.writeString(id)
		w.write(compressed)
	}
	at := w.offset()
	for _, o := range offsets {
		w.uint64(o)
	}
	return at
}

// fieldNotUninverted marks a field without doc values (zapx's constant).
const fieldNotUninverted = math.MaxUint64

// writeField writes one field's postings lists in term order, then its
// dictionary (a vellum FST from term to postings offset), then its doc
// values. It returns where the dictionary and the doc values start and end.
func (b *Builder) writeField(w *writer, f *field, vb *vellum.Builder) (dict, dvStart, dvEnd uint64, err error) {
	order := make([]uint32, len(f.terms))
	for i := range order {
		order[i] = uint32(i)
	}
	slices.SortFunc(order, func(x, y uint32) int { return strings.Compare(f.terms[x], f.terms[y]) })

	postings, locs, starts, locStarts := f.sortByTerm(order)
	if b.kept != nil {
		b.kept.keep(f, order, postings, locs, starts, locStarts)
	}

	var docTerms [][]byte
	if f.docValues {
		docTerms = make([][]byte, len(b.ids))
	}
	tf := newIntCoder(w.numDocs)
	loc := newIntCoder(w.numDocs)
	docs := make([]uint32, 0, 64)
	bm := roaring.New()
	for _, tid := range order {
		chunk := chunkSize(uint64(f.count[tid]), w.numDocs)
		tf.reset(chunk)
		loc.reset(chunk)
		docs = docs[:0]
		next := locStarts[tid]
		for _, p := range postings[starts[tid] : starts[tid]+f.count[tid]] {
			docs = append(docs, p.doc)
			freq := p.freq &^ hasLocs
			if p.freq&hasLocs == 0 {
				tf.add(uint64(p.doc), uint64(freq)<<1, uint64(f.norms[p.doc]))
			} else {
				tf.add(uint64(p.doc), uint64(freq)<<1|1, uint64(f.norms[p.doc]))
				positions := locs[next : next+freq]
				next += freq
				size := 0
				for _, pos := range positions {
					// field, position, start, end, array positions: all
					// but the first two are zero, one byte each
					size += uvarintLen(uint64(f.id)) + uvarintLen(uint64(pos)) + 3
				}
				loc.add(uint64(p.doc), uint64(size))
				for _, pos := range positions {
					loc.add(uint64(p.doc), uint64(f.id), uint64(pos), 0, 0, 0)
				}
			}
			if docTerms != nil {
				docTerms[p.doc] = append(append(docTerms[p.doc], f.terms[tid]...), termSeparator)
			}
		}
		tfAt := tf.writeTo(w)
		locAt := loc.writeTo(w)
		postingsAt := w.offset()
		w.uvarint(tfAt)
		w.uvarint(locAt)
		bm.Clear()
		bm.AddMany(docs)
		w.scratch, err = bm.ToBytes()
		if err != nil {
			return 0, 0, 0, err
		}
		w.uvarint(uint64(len(w.scratch)))
		w.write(w.scratch)
		if err := vb.Insert([]byte(f.terms[tid]), postingsAt); err != nil {
			return 0, 0, 0, err
		}
	}
	if err := vb.Close(); err != nil {
		return 0, 0, 0, err
	}
	dict = w.offset()
	w.uvarint(uint64(w.fst.Len()))
	w.write(w.fst.Bytes())
	w.fst.Reset()
	if err := vb.Reset(&w.fst); err != nil {
		return 0, 0, 0, err
	}
	if docTerms == nil {
		return dict, fieldNotUninverted, fieldNotUninverted, nil
	}
	dvStart = w.offset()
	writeDocValues(w, docTerms)
	return dict, dvStart, w.offset(), nil
}

// sortByTerm groups the field's postings by term, terms in the given
// order, each term's postings and positions still in document order. It
// returns them with where each term's postings and positions start, and
// empties the field's slabs as it reads them. Reading in arrival order and
// writing each posting to its term's place keeps memory access mostly
// sequential, where following each term's postings through arrival order
// would not.
func (f *field) sortByTerm(order []uint32) (postings []posting, locs, starts, locStarts []uint32) {
	starts = make([]uint32, len(f.terms))
	locStarts = make([]uint32, len(f.terms))
	var n, nl uint32
	for _, tid := range order {
		starts[tid], locStarts[tid] = n, nl
		n += f.count[tid]
		nl += f.nlocs[tid]
	}
	postings = make([]posting, n)
	locs = make([]uint32, nl)
	next := slices.Clone(starts)
	nextLoc := slices.Clone(locStarts)
	read := 0 // in f.locs
	for i := range f.postings.blocks {
		block := f.postings.blocks[i][:min(1<<slabBits, f.postings.n-i<<slabBits)]
		for _, p := range block {
			postings[next[p.tid]] = p
			next[p.tid]++
			if p.freq&hasLocs != 0 {
				k := int(p.freq &^ hasLocs)
				f.locs.copyTo(locs[nextLoc[p.tid]:nextLoc[p.tid]+uint32(k)], read)
				nextLoc[p.tid] += uint32(k)
				read += k
			}
		}
		f.postings.blocks[i] = nil
	}
	f.postings, f.locs = slab[posting]{}, slab[uint32]{}
	return postings, locs, starts, locStarts
}

// writeFieldTable writes each field's dictionary offset and name, then
// the index of where each entry starts; it returns where that index starts.
func (w *writer) writeFieldTable(fields []*field, dictOffsets []uint64) uint64 {
	starts := make([]uint64, len(fields))
	for _, f := range fields {
		starts[f.id] = w.offset()
		w.uvarint(dictOffsets[f.id])
		w.uvarint(uint64(len(f.name)))
		w.writeString(f.name)
	}
	at := w.offset()
	for _, s := range starts {
		w.uint64(s)
	}
	return at
}

func uvarintLen(v uint64) int {
	n := 1
	for v >= 0x80 {
		v >>= 7
		n++
	}
	return n
}
