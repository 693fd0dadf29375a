package searcher

import (
	"context"

	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/scorer"
	index "github.com/blevesearch/bleve_index_api"
	segment "github.com/blevesearch/scorch_segment_api/v2"
)

// positionTermSearcher is bleve's TermSearcher (same postings, same scorer,
// same scores) that also reads the term's positions and keeps those of the
// last few documents it visited, for phraseSearcher. It reads the
// segments' postings directly: bleve's term field reader copies every
// position into a location record first, a fifth of a phrase's cost.
//
// A conjunction moves each child one document past a match before
// returning it, and a disjunction one more; recent holds enough documents
// for phraseSearcher to find the candidate's positions afterwards.
type positionTermSearcher struct {
	postings *termPostings
	scorer   *scorer.TermQueryScorer
	tfd      index.TermFieldDoc // what the scorer sees: no positions

	recent  [3]docPositions // a ring, next is the slot to write
	next    int
	dropped uint64 // the last document pushed out of recent
	anyDrop bool
}

type docPositions struct {
	doc uint64
	set bool
	pos []uint64
}

// newPositionTermSearcher builds what searcher.NewTermSearcher does for
// tf-idf scoring, on postings tp of term (with positions, unless tp was
// opened without).
func newPositionTermSearcher(ctx context.Context, tp *termPostings, term, field string, boost float64, docTotal uint64, options bsearch.SearcherOptions) (*positionTermSearcher, error) {
	if err := bsearch.RecordTermSearcher(ctx); err != nil {
		return nil, err
	}
	options.IncludeTermVectors = false
	return &positionTermSearcher{
		postings: tp,
		scorer:   scorer.NewTermQueryScorer([]byte(term), field, boost, docTotal, tp.count, 0, options),
	}, nil
}

// positions returns the term's positions in doc, in order; known is false
// when doc is no longer held (phraseSearcher treats that as an error).
func (s *positionTermSearcher) positions(doc uint64) (pos []uint64, known bool) {
	for i := range s.recent {
		if e := &s.recent[i]; e.set && e.doc == doc {
			return e.pos, true
		}
	}
	// Documents are visited in increasing order, so a document after the
	// last one dropped that is not held was never visited: no positions.
	return nil, !s.anyDrop || s.dropped < doc
}

func (s *positionTermSearcher) score(ctx *bsearch.SearchContext, p segment.Posting, doc uint64) *bsearch.DocumentMatch {
	if s.postings.locs {
		e := &s.recent[s.next]
		if e.set {
			s.dropped, s.anyDrop = e.doc, true
		}
		e.doc, e.set = doc, true
		e.pos = appendPositions(e.pos[:0], p)
		s.next = (s.next + 1) % len(s.recent)
	}
	s.tfd.ID = index.NewIndexInternalID(s.tfd.ID, doc)
	s.tfd.Freq = p.Frequency()
	s.tfd.Norm = p.Norm()
	return s.scorer.Score(ctx, &s.tfd)
}

// Next implements search.Searcher.
func (s *positionTermSearcher) Next(ctx *bsearch.SearchContext) (*bsearch.DocumentMatch, error) {
	p, doc, err := s.postings.next()
	if err != nil || p == nil {
		return nil, err
	}
	return s.score(ctx, p, doc), nil
}

// Advance implements search.Searcher.
func (s *positionTermSearcher) Advance(ctx *bsearch.SearchContext, id index.IndexInternalID) (*bsearch.DocumentMatch, error) {
	rewinds := s.postings.rewinds
	p, doc, err := s.postings.advance(id.Value())
	if s.postings.rewinds != rewinds {
		// bleve's conjunction advances a child that ran out to where the
		// others are, and scorch's reader then starts over (so does
		// termPostings): the documents held are no longer behind it.
		s.recent = [len(s.recent)]docPositions{}
		s.next, s.dropped, s.anyDrop = 0, 0, false
	}
	if err != nil || p == nil {
		return nil, err
	}
	return s.score(ctx, p, doc), nil
}

// Weight implements search.Searcher.
func (s *positionTermSearcher) Weight() float64 { return s.scorer.Weight() }

// SetQueryNorm implements search.Searcher.
func (s *positionTermSearcher) SetQueryNorm(n float64) { s.scorer.SetQueryNorm(n) }

// Count implements search.Searcher.
func (s *positionTermSearcher) Count() uint64 { return s.postings.count }

// Min implements search.Searcher.
func (s *positionTermSearcher) Min() int { return 0 }

// Size implements search.Searcher (an estimate, as bleve's are).
func (s *positionTermSearcher) Size() int { return s.tfd.Size() + s.scorer.Size() }

// DocumentMatchPoolSize implements search.Searcher.
func (s *positionTermSearcher) DocumentMatchPoolSize() int { return 1 }

// Close implements search.Searcher.
func (s *positionTermSearcher) Close() error { return nil }
