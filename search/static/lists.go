package static

import "slices"

// Every posting list of a term in a field is stored in one of three forms,
// by the size of its inline form (see layout.go).
//
// Inline, inside the dictionary entry, up to inlineMax bytes: the postings in
// gid order, each
//
//	gid-prev-1 (prev starts at -1), tf, length*, [first block*], [positions*]
//
// Medium, up to mediumMax bytes: that same form as an object of its own,
// read whole.
//
// Large: three objects, so that a query fetches only what it needs.
//
//   - membership (gzip): n, then gid-prev-1 for each posting, then for each
//     chunk of ChunkSize postings the byte length of its details. Counts,
//     facets and intersections need only the gids.
//   - details (raw): the chunks, each holding its postings in the inline
//     form without the gid (the membership has it). Phrase checks fetch only
//     the chunks that hold candidates.
//   - impact (raw): the postings that add most to a score, sqrt(tf)·norm
//     descending (gid ascending on ties), each
//
//     gid, tf, length*, [first block*]
//
//     in blocks of ImpactBlock, 2·ImpactBlock, 4·ImpactBlock… postings, so the
//     best records of a huge list come first; at most impactCap of them: the
//     rest, rarely needed, is read from the details. Lists of at most
//     impactMin postings have none: their details are read instead.
//
// length*: the field length in tokens (bleve's norm is 1/sqrt(length)); in
// the body field it is length·2+1 when the record's body is cut into blocks,
// and then the block of its first position follows. Positions are deltas,
// the first from 0.

// listKind tells a reader how the entry continues.
const (
	listInline   = 0
	listMedium   = 1
	listExternal = 2
)

// fieldEncoding is what encoding a posting needs to know about the records.
type fieldEncoding struct {
	spec      FieldSpec
	blocks    *blockStarts
	normCache []float32 // normOf by field length, for the lengths it covers
}

// head appends what precedes the positions in a posting: tf, length*,
// [first block*]. pos are the posting's positions, ascending.
func (fe fieldEncoding) head(b buf, gid, tf, length int, pos []uint32) buf {
	b.int(tf)
	if !fe.spec.Blocks {
		b.int(length)
		return b
	}
	blocks := fe.blocks.of(gid)
	if len(blocks) == 0 {
		b.int(length << 1)
		return b
	}
	b.int(length<<1 | 1)
	first := 0
	if len(pos) > 0 {
		first = blockOf(blocks, int(pos[0]))
	}
	b.int(first)
	return b
}

// appendPositions appends ascending positions as deltas, the first from 0.
func appendPositions(b buf, pos []uint32) buf {
	last := uint32(0)
	for _, x := range pos {
		b.int(int(x - last))
		last = x
	}
	return b
}

// listScratch is one worker's buffers, reused from list to list: a list's
// objects are copied out at their final size.
type listScratch struct {
	head, inline, membership, details, impact buf
	impacts                                   impactScratch
}

// inlineUpTo encodes ps, whose bytes are in enc, in the inline form unless
// that exceeds limit bytes. The result is sc's, until its next use.
func inlineUpTo(ps []posting, enc []byte, limit int, sc *listScratch) (buf, bool) {
	if 3*len(ps) > limit { // every posting takes at least three bytes
		return nil, false
	}
	b := sc.inline[:0]
	prev := int32(-1)
	for _, p := range ps {
		b.int(int(p.gid - prev - 1))
		b = append(b, enc[p.at:p.end]...)
		prev = p.gid
		if len(b) > limit {
			sc.inline = b
			return nil, false
		}
	}
	sc.inline = b
	return b, true
}

// external is the encoded large form of one list.
type external struct {
	membership buf // in the scratch it was encoded with, until its next use
	details    buf
	impact     buf
	blocks     []int // byte length of each impact block
}

func (fe fieldEncoding) external(ps []posting, enc []byte, lay layout, sc *listScratch) external {
	var ex external
	m := sc.membership[:0]
	m.int(len(ps))
	prev := int32(-1)
	for _, p := range ps {
		m.int(int(p.gid - prev - 1))
		prev = p.gid
	}
	d := sc.details[:0]
	for i := 0; i < len(ps); i += lay.chunkSize {
		start := len(d)
		for _, p := range ps[i:min(i+lay.chunkSize, len(ps))] {
			d = append(d, enc[p.at:p.end]...)
		}
		m.int(len(d) - start)
	}
	sc.membership, sc.details = m, d
	ex.membership, ex.details = m, slices.Clone(d)
	if len(ps) <= lay.impactMin {
		return ex // scoring reads a short list's details instead
	}
	order := impactOrder(ps, lay.impactCap, fe.normCache, &sc.impacts)
	im := sc.impact[:0]
	for i, size := 0, lay.impactBlock; i < len(order); size *= 2 {
		start := len(im)
		for end := min(i+size, len(order)); i < end; i++ {
			p := ps[order[i]]
			im.int(int(p.gid))
			im = append(im, enc[p.at:p.head]...)
		}
		ex.blocks = append(ex.blocks, len(im)-start)
	}
	sc.impact = im
	ex.impact = slices.Clone(im)
	return ex
}
