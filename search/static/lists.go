package static

import (
	"math"
	"slices"
)

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
	blockPos  [][]int32 // per gid: where each body block's positions start; nil for one block
	normCache []float32 // normOf by field length, for the lengths it covers
}

func (fe fieldEncoding) posting(b *buf, p posting, prev int, withGid bool) {
	if withGid {
		b.int(p.gid - prev - 1)
	}
	b.int(p.tf)
	fe.lengthAndBlock(b, p)
	if fe.spec.Positions {
		last := 0
		for _, x := range p.pos {
			b.int(x - last)
			last = x
		}
	}
}

func (fe fieldEncoding) lengthAndBlock(b *buf, p posting) {
	if !fe.spec.Blocks {
		b.int(p.len)
		return
	}
	blocks := fe.blockPos[p.gid]
	if blocks == nil {
		b.int(p.len << 1)
		return
	}
	b.int(p.len<<1 | 1)
	first := 0
	if len(p.pos) > 0 {
		first = blockOf(blocks, p.pos[0])
	}
	b.int(first)
}

// inlineUpTo encodes ps in the inline form unless that exceeds limit bytes.
func (fe fieldEncoding) inlineUpTo(ps []posting, limit int) (buf, bool) {
	if 3*len(ps) > limit { // every posting takes at least three bytes
		return nil, false
	}
	var b buf
	prev := -1
	for _, p := range ps {
		fe.posting(&b, p, prev, true)
		prev = p.gid
		if len(b) > limit {
			return nil, false
		}
	}
	return b, true
}

// external is the encoded large form of one list.
type external struct {
	membership buf
	details    buf
	impact     buf
	blocks     []int // byte length of each impact block
}

func (fe fieldEncoding) external(ps []posting, lay layout) external {
	var ex external
	ex.membership.int(len(ps))
	prev := -1
	for _, p := range ps {
		ex.membership.int(p.gid - prev - 1)
		prev = p.gid
	}
	for i := 0; i < len(ps); i += lay.chunkSize {
		start := len(ex.details)
		for _, p := range ps[i:min(i+lay.chunkSize, len(ps))] {
			fe.posting(&ex.details, p, 0, false)
		}
		ex.membership.int(len(ex.details) - start)
	}
	if len(ps) <= lay.impactMin {
		return ex // scoring reads a short list's details instead
	}
	order := impactOrder(ps, lay.impactCap, fe.normCache)
	for i, size := 0, lay.impactBlock; i < len(order); size *= 2 {
		start := len(ex.impact)
		for end := min(i+size, len(order)); i < end; i++ {
			p := ps[order[i]]
			ex.impact.int(p.gid)
			ex.impact.int(p.tf)
			fe.lengthAndBlock(&ex.impact, p)
		}
		ex.blocks = append(ex.blocks, len(ex.impact)-start)
	}
	return ex
}

// impactOrder lists the indexes of the (at most impactCap) postings that add
// most to a score, sqrt(tf)·norm computed as bleve does, best first; ties go
// to the lower gid.
func impactOrder(ps []posting, impactCap int, norms []float32) []int {
	type scored struct {
		i int
		v float64
	}
	better := func(a, b scored) bool {
		if a.v != b.v {
			return a.v > b.v
		}
		return a.i < b.i
	}
	// A min-heap of the best impactCap seen so far: the root is the worst.
	h := make([]scored, 0, min(len(ps), impactCap))
	down := func() {
		for i := 0; ; {
			w := i
			if c := 2*i + 1; c < len(h) && better(h[w], h[c]) {
				w = c
			}
			if c := 2*i + 2; c < len(h) && better(h[w], h[c]) {
				w = c
			}
			if w == i {
				return
			}
			h[i], h[w] = h[w], h[i]
			i = w
		}
	}
	for i, p := range ps {
		norm := normOf(p.len)
		if p.len < len(norms) {
			norm = norms[p.len]
		}
		s := scored{i, math.Sqrt(float64(p.tf)) * float64(norm)}
		if len(h) < impactCap {
			h = append(h, s)
			for j := len(h) - 1; j > 0 && better(h[(j-1)/2], h[j]); j = (j - 1) / 2 {
				h[(j-1)/2], h[j] = h[j], h[(j-1)/2]
			}
			continue
		}
		if better(s, h[0]) {
			h[0] = s
			down()
		}
	}
	slices.SortFunc(h, func(a, b scored) int {
		if better(a, b) {
			return -1
		}
		return 1
	})
	order := make([]int, len(h))
	for k, s := range h {
		order[k] = s.i
	}
	return order
}
