package searcher

import (
	"fmt"
	"sort"

	"github.com/blevesearch/bleve/v2/index/scorch"
	segment "github.com/blevesearch/scorch_segment_api/v2"
)

// segmentDicts opens one field's term dictionary in every segment of snap,
// for the term searchers of one phrase.
type segmentDicts struct {
	segs    []*scorch.SegmentSnapshot
	offsets []uint64
	dicts   []segment.TermDictionary
}

func openSegmentDicts(snap *scorch.IndexSnapshot, field string) (*segmentDicts, error) {
	d := &segmentDicts{segs: snap.Segments()}
	var running uint64
	for _, ss := range d.segs {
		dict, err := ss.Segment().Dictionary(field)
		if err != nil {
			return nil, err
		}
		d.dicts = append(d.dicts, dict)
		d.offsets = append(d.offsets, running)
		running += ss.Segment().Count()
	}
	return d, nil
}

// termPostings walks one term's postings through the segments in order,
// numbering documents as the snapshot does, as scorch's term field reader
// does (deleted documents excluded, the same count).
type termPostings struct {
	d       *segmentDicts
	locs    bool // read positions
	lists   []segment.PostingsList
	iters   []segment.PostingsIterator
	count   uint64
	seg     int    // segment being read
	doc     uint64 // last document returned
	has     bool
	rewinds int // times advance went back to the start
}

func openTermPostings(d *segmentDicts, term []byte, locs bool) (*termPostings, error) {
	t := &termPostings{d: d, locs: locs}
	for i, ss := range d.segs {
		pl, err := d.dicts[i].PostingsList(term, ss.Deleted(), nil)
		if err != nil {
			return nil, err
		}
		t.lists = append(t.lists, pl)
		t.count += pl.Count()
	}
	t.rewind()
	return t, nil
}

func (t *termPostings) rewind() {
	t.iters = t.iters[:0]
	for _, pl := range t.lists {
		t.iters = append(t.iters, pl.Iterator(true, true, t.locs, nil))
	}
	t.seg, t.has = 0, false
}

func (t *termPostings) next() (segment.Posting, uint64, error) {
	for t.seg < len(t.iters) {
		p, err := t.iters[t.seg].Next()
		if err != nil {
			return nil, 0, err
		}
		if p != nil {
			t.doc, t.has = t.d.offsets[t.seg]+p.Number(), true
			return p, t.doc, nil
		}
		t.seg++
	}
	return nil, 0, nil
}

// advance returns the first posting at or after doc.
func (t *termPostings) advance(doc uint64) (segment.Posting, uint64, error) {
	if t.has && doc <= t.doc {
		t.rewind() // backwards, as scorch's reader allows
		t.rewinds++
	}
	seg := sort.Search(len(t.d.offsets), func(i int) bool { return t.d.offsets[i] > doc }) - 1
	if seg < 0 {
		return nil, 0, fmt.Errorf("search: document %d is before the first segment", doc)
	}
	if seg > t.seg {
		t.seg = seg
	}
	if seg == t.seg {
		p, err := t.iters[seg].Advance(doc - t.d.offsets[seg])
		if err != nil {
			return nil, 0, err
		}
		if p != nil {
			t.doc, t.has = t.d.offsets[seg]+p.Number(), true
			return p, t.doc, nil
		}
		t.seg++
	}
	return t.next()
}

func appendPositions(pos []uint64, p segment.Posting) []uint64 {
	for _, loc := range p.Locations() {
		pos = append(pos, loc.Pos())
	}
	return pos
}

// intersectPostings narrows the postings of terms that must all occur to
// the documents that have all of them, segment by segment, as scorch does
// for a conjunction of bleve's term searchers (OptimizeTFRConjunction):
// the searchers then step only through documents that can match.
func intersectPostings(ts []*termPostings) {
	if len(ts) < 2 {
		return
	}
	for seg := range ts[0].iters {
		actual := func(t *termPostings) (segment.OptimizablePostingsIterator, bool) {
			it, ok := t.iters[seg].(segment.OptimizablePostingsIterator)
			return it, ok && it.ActualBitmap() != nil
		}
		it0, ok0 := actual(ts[0])
		it1, ok1 := actual(ts[1])
		if !ok0 || !ok1 {
			continue
		}
		bm := it0.ActualBitmap().Clone()
		bm.And(it1.ActualBitmap())
		for _, t := range ts[2:] {
			if it, ok := actual(t); ok {
				bm.And(it.ActualBitmap())
			}
		}
		for _, t := range ts {
			if it, ok := actual(t); ok {
				it.ReplaceActual(bm)
			}
		}
	}
}
