package static

import (
	"math"
	"sort"
)

// Every posting list of a term in a field is stored one of two ways.
//
// Inline, inside the dictionary entry, when at most inlineMax bytes (see
// layout.go): the postings in gid
// order, each
//
//	gid-prev-1 (prev starts at -1), tf, length*, [first block*], [positions*]
//
// Medium lists, up to mediumMax bytes, are that same form as an object of
// their own (gzip).
//
// Large lists are stored as three objects so that a query fetches only what
// it needs:
//
//   - membership (gzip): n, then gid-prev-1 for each posting. Counts,
//     facets and intersections need nothing more.
//   - details (raw): one chunk per range of RangeSize gids, each
//     encoding its postings like the inline form (prev starts at the range's
//     first gid - 1). Phrase checks fetch only the chunks of ranges that
//     hold candidates, and scoring reads them for records the impact
//     blocks do not reach.
//   - impact (raw): every posting again,
//     ordered by sqrt(tf)·norm descending (gid ascending on ties), each
//
//     gid, tf, length*, [first block*]
//
//     in blocks of ImpactBlock, 2·ImpactBlock, 4·ImpactBlock… postings, so
//     the best-scoring records of a huge list are found in its first bytes.
//     Only the first impactCap postings are kept here: the rest is read
//     from the detail chunks, in the rare case it is needed.
//
// length*: the field length in tokens (bleve's norm is 1/sqrt(length)); in
// the body field it is length·2+1 when the record's body is cut into blocks,
// and then the block of the first position follows. Positions are deltas,
// the first from 0.

// listKind tells a reader how the entry continues.
const (
	listInline   = 0
	listMedium   = 1
	listExternal = 2
)

// fieldEncoding is what encodePosting needs to know about the records.
type fieldEncoding struct {
	spec   FieldSpec
	blocks func(gid int) []textBlock
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
	blocks := fe.blocks(p.gid)
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
	ranges     []rangeChunk
	impact     buf
	blocks     []int // byte length of each impact block
}

type rangeChunk struct {
	index, bytes int
}

func (fe fieldEncoding) external(ps []posting, lay layout) external {
	rangeSize := lay.rangeSize
	var ex external
	ex.membership.int(len(ps))
	prev := -1
	for _, p := range ps {
		ex.membership.int(p.gid - prev - 1)
		prev = p.gid
	}
	{
		for i := 0; i < len(ps); {
			r := ps[i].gid / rangeSize
			start := len(ex.details)
			prev := r*rangeSize - 1
			for ; i < len(ps) && ps[i].gid/rangeSize == r; i++ {
				fe.posting(&ex.details, ps[i], prev, true)
				prev = ps[i].gid
			}
			ex.ranges = append(ex.ranges, rangeChunk{index: r, bytes: len(ex.details) - start})
		}
	}
	order := impactOrder(ps, lay.impactCap)
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
func impactOrder(ps []posting, impactCap int) []int {
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
		s := scored{i, math.Sqrt(float64(p.tf)) * float64(normOf(p.len))}
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
	sort.Slice(h, func(a, b int) bool { return better(h[a], h[b]) })
	order := make([]int, len(h))
	for k, s := range h {
		order[k] = s.i
	}
	return order
}
