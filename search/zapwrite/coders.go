package zapwrite

import (
	"encoding/binary"
	"errors"

	"github.com/golang/snappy"
)

var errorsNoDocs = errors.New("zapwrite: a segment needs at least one document")

// termSeparator ends each term in a document's doc values.
const termSeparator = 0xff

// chunkSize is how many documents share one chunk of a postings list's
// frequencies and positions: zapx's chunk mode 1026, the fewest chunks of
// at most 1024 postings spread evenly over the segment's documents.
func chunkSize(postings, numDocs uint64) uint64 {
	size := numDocs / (postings/1024 + 1)
	if size == 0 {
		return 1 // unreachable: a term has at most numDocs postings
	}
	return size
}

// intCoder encodes a postings list's varints (frequencies and norms, or
// positions) chunk by chunk, documents in increasing order: zapx's
// chunkedIntCoder, which writes the number of chunks, each chunk's end
// offset, then the chunks.
type intCoder struct {
	chunk   uint64
	lens    []uint64
	data    []byte
	maxDocs uint64
}

func newIntCoder(numDocs uint64) *intCoder { return &intCoder{maxDocs: numDocs} }

func (c *intCoder) reset(chunk uint64) {
	c.chunk = chunk
	n := int((c.maxDocs-1)/chunk + 1)
	c.lens = append(c.lens[:0], make([]uint64, n)...)
	c.data = c.data[:0]
}

func (c *intCoder) add(doc uint64, vals ...uint64) {
	before := len(c.data)
	for _, v := range vals {
		c.data = binary.AppendUvarint(c.data, v)
	}
	c.lens[doc/c.chunk] += uint64(len(c.data) - before)
}

// writeTo appends the encoded list and returns where it starts, or 0 when
// it is empty (no position was added).
func (c *intCoder) writeTo(w *writer) uint64 {
	if len(c.data) == 0 {
		return 0
	}
	at := w.offset()
	w.uvarint(uint64(len(c.lens)))
	end := uint64(0)
	for _, l := range c.lens {
		end += l
		w.uvarint(end)
	}
	w.write(c.data)
	return at
}

// dvChunk is documents per doc values chunk (zapx's legacy chunk mode).
const dvChunk = 1024

// writeDocValues writes one field's doc values: per chunk of 1024
// documents, the count and end offset of each document's terms, then the
// terms snappy-compressed; then every chunk's end offset, the size of
// those offsets and the number of chunks. As in zapx's
// chunkedContentCoder, the first chunk is written even when no document in
// it has a value, other empty chunks are not.
func writeDocValues(w *writer, docTerms [][]byte) {
	numChunks := (uint64(len(docTerms))-1)/dvChunk + 1
	lens := make([]uint64, numChunks)
	var meta, data, compressed []byte
	flush := func(chunk uint64, count int) {
		head := binary.AppendUvarint(nil, uint64(count))
		compressed = snappy.Encode(compressed[:cap(compressed)], data)
		w.write(head)
		w.write(meta)
		w.write(compressed)
		lens[chunk] = uint64(len(head) + len(meta) + len(compressed))
	}
	current, count := uint64(0), 0
	for doc, terms := range docTerms {
		if len(terms) == 0 {
			continue
		}
		if chunk := uint64(doc) / dvChunk; chunk != current {
			flush(current, count)
			meta, data, count = meta[:0], data[:0], 0
			current = chunk
		}
		data = append(data, terms...)
		meta = binary.AppendUvarint(meta, uint64(doc))
		meta = binary.AppendUvarint(meta, uint64(len(data)))
		count++
	}
	flush(current, count)

	start := w.offset()
	end := uint64(0)
	for _, l := range lens {
		end += l
		w.uvarint(end)
	}
	w.uint64(w.offset() - start)
	w.uint64(numChunks)
}
