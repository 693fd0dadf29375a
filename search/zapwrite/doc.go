// Package zapwrite writes a bleve index segment (zap format version 15)
// straight from analysed documents, in one pass.
//
// bleve's own offline builder inverts every batch of 250 documents into a
// segment through generic maps of token frequencies, writes each to disk
// and merges them all at the end: on the laws corpus that is four fifths of
// the build. A Builder inverts each document into flat arrays as it arrives
// and writes the finished segment once. The bytes are the ones zapx v15's
// own in-memory segment writer produces for the same documents in the same
// order (zapwrite_test.go holds the two equal), so everything that reads
// the index (bleve, our collector, the static export) reads it unchanged.
//
// A writer that bounds its memory writes several segments instead of one
// (WriteFile each, then WriteSegments lists them in the index's root.bolt)
// and keeps their postings in files (KeepPostingsIn), read back a chunk at
// a time (ListReader).
//
// What the writer does not support, because gongkai's mapping never needs
// it, is refused with an error rather than written differently: term
// vectors with byte offsets or with array positions, and composite fields.
package zapwrite
