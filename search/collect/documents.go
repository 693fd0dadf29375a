package collect

import (
	"context"
	"fmt"
	"math/bits"
	"sort"
	"sync"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/gongkai/gongkai/search/mapping"
	"github.com/gongkai/gongkai/search/searcher"
)

// Documents is a page of documents: the exact pass, and the relaxed one
// when it ran.
type Documents struct {
	Total   int // documents, exact and relaxed
	Exact   int // documents of the exact pass
	Relaxed bool
	Page    []Hit
	Facets  map[string][]Facet // keyed by filter name; counts documents
	// Titles of the first SuggestFrom relaxed documents, in order, and
	// whether each Bag term of the relaxed plan (in group order) matched
	// any record as typed: what the suggestion is made from.
	RelaxedTitles []string
	BagFound      []bool
	// Ranks says what ordered each hit of Page, by position: what a caller
	// merging several indexes' pages orders them by (CompareRanks).
	Ranks []DocRank
}

// SuggestFrom is how many relaxed documents' titles the suggestion reads.
const SuggestFrom = 10

// docRef is a matching document of one pass.
type docRef struct {
	docRank
	m *shardMatch
	d int32 // index in m.docs
}

// FindDocuments runs exact on every shard and, when it finds fewer than
// RelaxBelow documents and relaxed is not nil, relaxed too; it keeps
// documents [from, from+size) in the given order ("" relevance, "date",
// "-date"): the exact ones first, then the relaxed ones not among them.
// Every matching document is counted and faceted; stored fields are read
// only for the page's hits (and, after a relaxed pass, the titles the
// suggestion reads).
func FindDocuments(ctx context.Context, indexes []bleve.Index, cache *searcher.ColumnCache, exact, relaxed *Plan, order string, from, size int) (*Documents, error) {
	out := &Documents{Facets: EmptyFacets()}
	r, err := RankDocuments(ctx, indexes, cache, exact, order, from+size)
	if err != nil {
		return nil, err
	}
	defer r.Release()
	out.Exact = r.Exact
	if relaxed != nil && r.Exact < RelaxBelow && len(indexes) > 0 {
		// A term found as typed is no misspelling: its near-title variants
		// are not looked for.
		if out.BagFound, err = probeBags(ctx, indexes, r.snaps, cache, relaxed); err != nil {
			return nil, err
		}
		if err := r.Relax(ctx, relaxed, max(SuggestFrom, from+size-r.Exact), out.BagFound); err != nil {
			return nil, err
		}
		for i := range min(r.nRelax, SuggestFrom) {
			title, err := r.Title(r.nExact + i)
			if err != nil {
				return nil, err
			}
			out.RelaxedTitles = append(out.RelaxedTitles, title)
		}
	}
	out.Relaxed = r.Relaxed
	out.Total = r.Total()
	out.Facets = facetLists(r.Counts)
	ne, nr := r.Ordered()
	for i := from; i < min(ne+nr, from+size); i++ {
		h, err := r.Hit(i)
		if err != nil {
			return nil, err
		}
		out.Page = append(out.Page, h)
		out.Ranks = append(out.Ranks, r.Doc(i))
	}
	return out, nil
}

func snapshot(bi bleve.Index) (*scorch.IndexSnapshot, error) {
	adv, err := bi.Advanced()
	if err != nil {
		return nil, err
	}
	r, err := adv.Reader()
	if err != nil {
		return nil, err
	}
	snap, ok := r.(*scorch.IndexSnapshot)
	if !ok {
		_ = r.Close()
		return nil, fmt.Errorf("search: index shard is a %T, not a scorch index; rebuild it with `gongkai build`", r)
	}
	return snap, nil
}

// pass matches plan on every shard at once (one goroutine each, so that a
// lone search uses every CPU) and returns the documents in, their facet
// values added to counts.
// The shard matches made are added to used, to be released once the hits
// are made.
func pass(ctx context.Context, indexes []bleve.Index, snaps []*scorch.IndexSnapshot, cache *searcher.ColumnCache, plan *Plan, skip map[string]bool, counts map[string]map[string]int, used *[]*shardMatch) ([]docRef, error) {
	ms := make([]*shardMatch, len(indexes))
	errs := make([]error, len(indexes))
	one := func(i int) {
		m, err := newShardMatch(snaps[i], indexes[i], cache, i, plan)
		if err == nil {
			err = m.run(ctx, skip)
		}
		ms[i], errs[i] = m, err
	}
	if len(indexes) == 1 {
		one(0)
	} else {
		var wg sync.WaitGroup
		for i := range indexes {
			wg.Add(1)
			go func() {
				defer wg.Done()
				one(i)
			}()
		}
		wg.Wait()
	}
	for _, m := range ms {
		if m != nil {
			*used = append(*used, m)
		}
	}
	var out []docRef
	for i, m := range ms {
		if errs[i] != nil {
			return nil, errs[i]
		}
		out = append(out, m.results(counts)...)
	}
	return out, nil
}

// sortTop puts the k first documents of ds, in order, at its start; the
// rest stay unordered. A page needs only those: selecting them through a
// heap of k costs less than sorting every match of a common word.
func sortTop(ds []docRef, k int, less func(a, b *docRank) bool) {
	// ranks are compared in place: through the opaque less, copies of
	// them escaped to the heap, two allocations a comparison
	if k <= 0 {
		return
	}
	if k*4 >= len(ds) {
		sort.Slice(ds, func(i, j int) bool { return less(&ds[i].docRank, &ds[j].docRank) })
		return
	}
	// ds[:k] is a heap with the worst of the best k on top
	worse := func(i, j int) bool { return less(&ds[j].docRank, &ds[i].docRank) }
	down := func(i, n int) {
		for {
			l := 2*i + 1
			if l >= n {
				return
			}
			w := l
			if r := l + 1; r < n && worse(r, l) {
				w = r
			}
			if !worse(w, i) {
				return
			}
			ds[i], ds[w] = ds[w], ds[i]
			i = w
		}
	}
	for i := k/2 - 1; i >= 0; i-- {
		down(i, k)
	}
	for i := k; i < len(ds); i++ {
		if less(&ds[i].docRank, &ds[0].docRank) {
			ds[0], ds[i] = ds[i], ds[0]
			down(0, k)
		}
	}
	top := ds[:k]
	sort.Slice(top, func(i, j int) bool { return less(&top[i].docRank, &top[j].docRank) })
}

// rep is the record that stands for document d: its document record, or
// when the page has none, its first record.
func (m *shardMatch) rep(d int32) (seg int, doc uint32) {
	dm := &m.docs[d]
	c := m.cols[dm.seg]
	if r := c.PageDoc[dm.page]; r >= 0 && !m.deleted[dm.seg](uint32(r)) {
		return int(dm.seg), uint32(r)
	}
	if m.byURL != nil { // the document record may be in another segment
		url := c.PageURL[dm.page]
		for s, c2 := range m.cols {
			if p := pageIndex(c2, url); p >= 0 && c2.PageDoc[p] >= 0 && !m.deleted[s](uint32(c2.PageDoc[p])) {
				return s, uint32(c2.PageDoc[p])
			}
		}
	}
	for _, doc := range c.PageRecords(dm.page) {
		if !m.deleted[dm.seg](doc) {
			return int(dm.seg), doc
		}
	}
	if dm.first >= 0 {
		return int(m.recs[dm.first].seg), m.recs[dm.first].doc
	}
	return int(dm.seg), uint32(max(c.PageDoc[dm.page], 0))
}

// results scores the shard's documents still in (docScore, framedSum) and counts
// their facet values (the document record's).
func (m *shardMatch) results(counts map[string]map[string]int) []docRef {
	groups := len(m.plan.Groups)
	best := make([]float64, m.k)
	out := make([]docRef, 0, len(m.docs))
	byValue := make([][][]int, len(m.cols)) // segment, facet, value index: documents
	for seg := range byValue {
		byValue[seg] = make([][]int, len(mapping.Facets))
	}
	for i := range m.docs {
		dm := &m.docs[i]
		if dm.out {
			continue
		}
		for c := range best {
			best[c] = 0
		}
		seg, doc := m.rep(int32(i))
		c := m.cols[seg]
		// the document record's scores, when it matches some clause
		var d0 []float64
		var d0mask uint64
		if c.IsDocRecord(doc) {
			if r := m.recOf[m.offsets[seg]+uint64(doc)]; r >= 0 {
				d0, d0mask = m.scores[int(r)*m.k:int(r+1)*m.k], m.recs[r].mask
			}
		}
		together := 0.0
		for r := dm.first; r >= 0; r = m.recs[r].next {
			rec := &m.recs[r]
			sc := m.scores[int(r)*m.k : int(r+1)*m.k]
			for c := range best {
				if rec.mask&(1<<c) != 0 && sc[c] > best[c] {
					best[c] = sc[c]
				}
			}
			if groups == 0 {
				continue
			}
			s, ok := framedSum(sc, d0, groups, func(g int) bool { return rec.mask&(1<<g) != 0 }, func(g int) bool { return d0mask&(1<<g) != 0 })
			if ok && s > together {
				together = s
			}
		}
		out = append(out, docRef{
			docRank: docRank{titled: dm.titled, articles: bits.OnesCount64(dm.mask >> groups), score: docScore(best, groups, together),
				url: c.PageURL[c.Page[doc]], date: c.Dates[doc], dated: c.Dated[doc]},
			m: m, d: int32(i),
		})
		for _, f := range c.Filled {
			if byValue[seg][f] == nil {
				byValue[seg][f] = make([]int, len(c.Facets[f].Values))
			}
			for _, v := range c.Facets[f].DocValues(doc) {
				byValue[seg][f][v]++
			}
		}
	}
	for seg, c := range m.cols { // value indexes to values, once per value
		for f, vs := range byValue[seg] {
			name := mapping.Facets[f]
			for v, n := range vs {
				if n == 0 {
					continue
				}
				if counts[name] == nil {
					counts[name] = map[string]int{}
				}
				counts[name][c.Facets[f].Values[v]] += n
			}
		}
	}
	return out
}

// facetLists lists each facet's values by count, then value, first
// FacetSize (exact counts of documents); years are then shown newest first.
func facetLists(counts map[string]map[string]int) map[string][]Facet {
	out := EmptyFacets()
	for _, name := range mapping.Facets {
		if len(counts[name]) == 0 {
			continue
		}
		fs := TopFacets(counts[name])
		if name == mapping.FieldYear {
			sort.Slice(fs, func(i, j int) bool { return fs[i].Value > fs[j].Value })
		}
		out[name] = fs
	}
	return out
}

// probeBags reports, for each Bag term of plan in group order, whether its
// exact form matches any record of any shard.
func probeBags(ctx context.Context, indexes []bleve.Index, snaps []*scorch.IndexSnapshot, cache *searcher.ColumnCache, plan *Plan) ([]bool, error) {
	var out []bool
	for _, gp := range plan.Groups {
		for _, bag := range gp.Bags {
			found := false
			for i := range indexes {
				if found {
					break
				}
				m, err := newShardMatch(snaps[i], indexes[i], cache, i, plan)
				if err != nil {
					return nil, err
				}
				found, err = m.probe(ctx, bag.Alone)
				m.release()
				if err != nil {
					return nil, err
				}
			}
			out = append(out, found)
		}
	}
	return out, nil
}
