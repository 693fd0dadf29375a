package searcher

import (
	"context"
	"fmt"
	"math"

	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	bsearch "github.com/blevesearch/bleve/v2/search"
	bsearcher "github.com/blevesearch/bleve/v2/search/searcher"
	index "github.com/blevesearch/bleve_index_api"
)

// PhraseQuery matches the terms of slots at consecutive positions of one
// field: bleve's MultiPhraseQuery (no slop, no fuzziness), with the same
// matches and the same scores, several times cheaper on common bigrams
// (人民, 法院).
//
// bleve's phrase searcher has every term searcher turn each position into a
// location record, merges them into maps per document and then searches
// the maps for paths; on the laws corpus that was half the query time. Here
// the same conjunction of term searchers runs, scored as bleve scores it,
// but each term searcher (positions.go) only notes the positions of the
// last few documents it read into reused buffers, the phrase searcher
// checks each candidate with a merge over those sorted lists, and some
// bigrams are checked by a rarer marker instead (phraseimplied.go).
// TestCollectorMatchesBleve compares it with bleve's searcher.
//
// A slot is a list of alternative terms; an empty slot ([""]) stands for
// one position that may hold anything. Text fields hold one value per
// record, so array positions, which bleve also compares, are always empty.
type PhraseQuery struct {
	Slots [][]string
	Field string
	Boost float64
}

// NewPhraseQuery matches slots in field, its score weighted by boost.
func NewPhraseQuery(slots [][]string, field string, boost float64) *PhraseQuery {
	return &PhraseQuery{Slots: slots, Field: field, Boost: boost}
}

// Searcher implements query.Query.
func (q *PhraseQuery) Searcher(ctx context.Context, r index.IndexReader, _ mapping.IndexMapping, options bsearch.SearcherOptions) (bsearch.Searcher, error) {
	for _, slot := range q.Slots {
		if len(slot) > bsearcher.DisjunctionHeapTakeover {
			// The heap disjunction moves its term searchers differently
			// from what positionTermSearcher's history allows for; no
			// compiled query has slots this wide.
			return bsearcher.NewMultiPhraseSearcher(ctx, r, q.Slots, 0, false, q.Field, q.Boost, options)
		}
	}
	snap, ok := r.(*scorch.IndexSnapshot)
	if !ok {
		return bsearcher.NewMultiPhraseSearcher(ctx, r, q.Slots, 0, false, q.Field, q.Boost, options)
	}
	docTotal, err := r.DocCount()
	if err != nil {
		return nil, err
	}
	dicts, err := openSegmentDicts(snap, q.Field)
	if err != nil {
		return nil, err
	}
	ps := &phraseSearcher{}
	implied, err := planImplied(dicts, q.Slots)
	if err != nil {
		return nil, err
	}
	var children []bsearch.Searcher
	fail := func(err error) (bsearch.Searcher, error) {
		for _, c := range children {
			_ = c.Close()
		}
		return nil, err
	}
	// The conjunction bleve's NewMultiPhraseSearcher builds, child for
	// child, so that weights and scores are the same: a term searcher per
	// single-term slot, a disjunction of them for alternatives, nothing for
	// an empty slot.
	for i, slot := range q.Slots {
		var terms []string
		for _, t := range slot {
			if t != "" {
				terms = append(terms, t)
			}
		}
		if len(terms) == 0 && len(slot) <= 1 {
			continue // an empty slot
		}
		var alts []*positionTermSearcher
		var altSearchers []bsearch.Searcher
		for _, t := range terms {
			tp := implied.postings[i]
			if tp == nil {
				if tp, err = openTermPostings(dicts, []byte(t), true); err != nil {
					return fail(err)
				}
			}
			ts, err := newPositionTermSearcher(ctx, tp, t, q.Field, q.Boost, docTotal, options)
			if err != nil {
				for _, s := range altSearchers {
					_ = s.Close()
				}
				return fail(err)
			}
			alts = append(alts, ts)
			altSearchers = append(altSearchers, ts)
		}
		if len(slot) == 1 {
			children = append(children, alts[0])
		} else {
			ds, err := bsearcher.NewDisjunctionSearcher(ctx, r, altSearchers, 1, options)
			if err != nil {
				for _, s := range altSearchers {
					_ = s.Close()
				}
				return fail(err)
			}
			children = append(children, ds)
		}
		ps.slots = append(ps.slots, phraseSlot{index: i, terms: alts, required: len(slot) == 1, runEnd: implied.runEnds[i]})
	}
	var all []*termPostings
	for _, sl := range ps.slots {
		if len(sl.terms) == 1 && sl.required {
			all = append(all, sl.terms[0].postings)
		}
	}
	if len(all) == len(children) { // a disjunction child stops scorch's optimization too
		intersectPostings(all)
	}
	must, err := bsearcher.NewConjunctionSearcher(ctx, r, children, options)
	if err != nil {
		return fail(err)
	}
	ps.must = must
	// As bleve's phrase searcher does on construction; a parent's
	// SetQueryNorm later overrides it.
	must.SetQueryNorm(1.0 / math.Sqrt(must.Weight()))
	// Empty slots before the first term and after the last constrain
	// nothing (as in bleve): offsets count from the first slot with terms.
	for i := len(ps.slots) - 1; i >= 0; i-- {
		ps.slots[i].index -= ps.slots[0].index
	}
	return ps, nil
}

// phraseSearcher keeps the candidates of must that have the phrase.
type phraseSearcher struct {
	must  bsearch.Searcher
	slots []phraseSlot
}

// phraseSlot is a slot with terms; index is its place in the phrase.
type phraseSlot struct {
	index    int
	terms    []*positionTermSearcher
	required bool // a single term, which every candidate has
	pos      []uint64

	// runEnd is set when the slot's positions are implied (impliedSlots):
	// the postings of the run-end marker of its first character.
	runEnd      *termPostings
	runEndRead  bool     // runEnd has been advanced
	runEndAsked uint64   // the last candidate read for
	runEndDoc   uint64   // the document the marker postings are on
	runEndPos   []uint64 // the marker's positions in runEndDoc
	runEndAt    int      // phraseAt's place in runEndPos
}

// Next implements search.Searcher.
func (s *phraseSearcher) Next(ctx *bsearch.SearchContext) (*bsearch.DocumentMatch, error) {
	dm, err := s.must.Next(ctx)
	return s.filter(ctx, dm, err)
}

// Advance implements search.Searcher.
func (s *phraseSearcher) Advance(ctx *bsearch.SearchContext, id index.IndexInternalID) (*bsearch.DocumentMatch, error) {
	dm, err := s.must.Advance(ctx, id)
	return s.filter(ctx, dm, err)
}

// filter returns dm if it has the phrase, else the next candidate that has.
func (s *phraseSearcher) filter(ctx *bsearch.SearchContext, dm *bsearch.DocumentMatch, err error) (*bsearch.DocumentMatch, error) {
	for ; err == nil && dm != nil; dm, err = s.must.Next(ctx) {
		ok, perr := s.matches(dm.IndexInternalID.Value())
		if perr != nil {
			ctx.DocumentMatchPool.Put(dm)
			return nil, perr
		}
		if ok {
			return dm, nil
		}
		ctx.DocumentMatchPool.Put(dm)
	}
	return nil, err
}

// matches gathers each slot's positions in doc and looks for the phrase.
func (s *phraseSearcher) matches(doc uint64) (bool, error) {
	if len(s.slots) == 0 {
		return false, nil
	}
	for i := range s.slots {
		sl := &s.slots[i]
		sl.pos = sl.pos[:0]
		if sl.runEnd != nil {
			continue // implied; phraseAt checks the marker
		}
		for _, t := range sl.terms {
			pos, known := t.positions(doc)
			if !known || (sl.required && pos == nil) {
				return false, fmt.Errorf("search: phrase positions of doc %d no longer held by the term searcher", doc)
			}
			sl.pos = append(sl.pos, pos...)
		}
		if len(sl.pos) == 0 {
			return false, nil
		}
		if len(sl.terms) > 1 {
			sortPositions(sl.pos)
		}
	}
	return s.phraseAt(doc)
}

// phraseAt reports whether some position p of the first slot has every
// other slot at p+offset; for an implied slot, that its run-end marker is
// not at the position of the slot before it.
func (s *phraseSearcher) phraseAt(doc uint64) (bool, error) {
	var next [16]int // per slot, the first position not yet passed
	idx := next[:0]
	if len(s.slots) > len(next) {
		idx = make([]int, 0, len(s.slots))
	}
	idx = idx[:len(s.slots)]
	markersRead := false
	for _, p := range s.slots[0].pos {
		ok := true
		for i := 1; i < len(s.slots) && ok; i++ {
			sl := &s.slots[i]
			if sl.runEnd != nil {
				continue
			}
			want := p + uint64(sl.index)
			for idx[i] < len(sl.pos) && sl.pos[idx[i]] < want {
				idx[i]++
			}
			if idx[i] == len(sl.pos) {
				return false, nil
			}
			ok = sl.pos[idx[i]] == want
		}
		if !ok {
			continue
		}
		if !markersRead {
			if err := s.readRunEnds(doc); err != nil {
				return false, err
			}
			markersRead = true
		}
		for i := 1; i < len(s.slots) && ok; i++ {
			sl := &s.slots[i]
			if sl.runEnd == nil {
				continue
			}
			if sl.runEndDoc != doc {
				continue // no run ends with the marker's character in doc
			}
			ended := p + uint64(sl.index) - 1 // the bigram before sl ended its run here
			for sl.runEndAt < len(sl.runEndPos) && sl.runEndPos[sl.runEndAt] < ended {
				sl.runEndAt++
			}
			ok = sl.runEndAt == len(sl.runEndPos) || sl.runEndPos[sl.runEndAt] != ended
		}
		if ok {
			return true, nil
		}
	}
	return false, nil
}

// sortPositions sorts the few positions of one slot's alternatives.
func sortPositions(ps []uint64) {
	for i := 1; i < len(ps); i++ {
		for j := i; j > 0 && ps[j] < ps[j-1]; j-- {
			ps[j], ps[j-1] = ps[j-1], ps[j]
		}
	}
}

// Weight implements search.Searcher.
func (s *phraseSearcher) Weight() float64 { return s.must.Weight() }

// SetQueryNorm implements search.Searcher.
func (s *phraseSearcher) SetQueryNorm(n float64) { s.must.SetQueryNorm(n) }

// Count implements search.Searcher: at most must's candidates.
func (s *phraseSearcher) Count() uint64 { return s.must.Count() }

// Min implements search.Searcher.
func (s *phraseSearcher) Min() int { return 0 }

// Size implements search.Searcher.
func (s *phraseSearcher) Size() int { return s.must.Size() }

// DocumentMatchPoolSize implements search.Searcher.
func (s *phraseSearcher) DocumentMatchPoolSize() int { return s.must.DocumentMatchPoolSize() + 1 }

// Close implements search.Searcher; must closes the term searchers.
func (s *phraseSearcher) Close() error { return s.must.Close() }
