package collect

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/gongkai/gongkai/search/searcher"
)

// A search over several indexes (search/multi) needs every index's counts, facets and
// ranking, but the hits of only the few documents its merged page shows: making a hit
// (stored fields, snippets, parts) costs more than ranking it. RankDocuments is the first
// half of FindDocuments, the same passes with the same results, and keeps what the second
// half needs; Ranked.Hits makes the hits of the documents the caller picks.
//
// Ranked keeps its shards' snapshots until Release: the caller may make hits after the
// index's read lock is gone (a closed index's segments live on while a snapshot holds them).

// Ranked is one index's documents, counted, faceted and ranked, before any hit is made.
type Ranked struct {
	Exact   int  // documents of the exact pass
	Relaxed bool // the relaxed pass ran (Relax)
	// Counts holds, by facet and value, how many documents (exact and relaxed) have it: every
	// value, not cut to FacetSize.
	Counts map[string]map[string]int

	indexes []bleve.Index
	snaps   []*scorch.IndexSnapshot
	cache   *searcher.ColumnCache
	used    []*shardMatch
	order   string
	exact   []docRef // the exact documents, the first nExact in order
	relaxed []docRef // the relaxed ones not among them, the first nRelaxed in order
	nExact  int
	nRelax  int
	exactMk *marker
	relaxMk *marker
	plans   [2]*Plan
}

// DocRank is what orders a document among those of other indexes.
type DocRank struct {
	URL      string
	Titled   bool // its whole title is a name the query gives
	Score    float64
	Date     time.Time // zero when undated
	Articles int       // how many of the query's articles it holds
}

// CompareRanks orders two documents of different indexes as one index orders its own ("" by
// relevance, "date", "-date"): negative when a comes first, 0 when only their URLs (or the
// indexes they come from) can tell them apart.
func CompareRanks(order string, a, b DocRank) int {
	less := docLess(order)
	x, y := a.rank(), b.rank()
	switch {
	case less(&x, &y):
		return -1
	case less(&y, &x):
		return 1
	}
	return 0
}

// rank is d without its URL, for docLess.
func (d DocRank) rank() docRank {
	r := docRank{titled: d.Titled, articles: d.Articles, score: d.Score}
	if !d.Date.IsZero() {
		r.date, r.dated = d.Date.UnixNano(), true
	}
	return r
}

// RankDocuments runs the exact pass of plan on every shard, as FindDocuments does, and orders
// its first n documents ("" relevance, "date", "-date").
func RankDocuments(ctx context.Context, indexes []bleve.Index, cache *searcher.ColumnCache, exact *Plan, order string, n int) (*Ranked, error) {
	r := &Ranked{Counts: map[string]map[string]int{}, indexes: indexes, cache: cache, order: order}
	r.plans[0] = exact
	if len(indexes) == 0 {
		return r, nil
	}
	r.snaps = make([]*scorch.IndexSnapshot, len(indexes))
	for i, bi := range indexes {
		s, err := snapshot(bi)
		if err != nil {
			r.Release()
			return nil, err
		}
		r.snaps[i] = s
	}
	found, err := pass(ctx, indexes, r.snaps, cache, exact, nil, r.Counts, &r.used)
	if err != nil {
		r.Release()
		return nil, err
	}
	r.nExact = min(n, len(found))
	sortTop(found, r.nExact, docLess(order))
	r.exact, r.Exact = found, len(found)
	return r, nil
}

// Relax runs the relaxed pass, as FindDocuments does after an exact pass that found fewer
// than RelaxBelow documents (the caller decides when), and orders its first n documents.
// found says, by Bag term in group order, which terms some index has as typed (FindBag):
// those are no misspellings, and their near-title variants are not looked for.
func (r *Ranked) Relax(ctx context.Context, relaxed *Plan, n int, found []bool) error {
	relaxed = withoutNear(relaxed, found)
	r.plans[1] = relaxed
	r.Relaxed = true
	if len(r.indexes) == 0 {
		return nil
	}
	skip := map[string]bool{}
	for _, d := range r.exact {
		skip[d.url] = true
	}
	more, err := pass(ctx, r.indexes, r.snaps, r.cache, relaxed, skip, r.Counts, &r.used)
	if err != nil {
		return err
	}
	r.nRelax = min(n, len(more))
	sortTop(more, r.nRelax, docLess(r.order))
	r.relaxed = more
	return nil
}

// FindBag reports whether Bag term i of plan (in group order) matches any record of the
// shards as typed: probeBags for one term, which a caller merging several indexes asks of
// one index after another until one has it.
func FindBag(ctx context.Context, indexes []bleve.Index, cache *searcher.ColumnCache, plan *Plan, i int) (bool, error) {
	var bag *BagPlan
	for _, g := range plan.Groups {
		if i < len(g.Bags) {
			bag = &g.Bags[i]
			break
		}
		i -= len(g.Bags)
	}
	if bag == nil {
		return false, nil
	}
	for _, bi := range indexes {
		snap, err := snapshot(bi)
		if err != nil {
			return false, err
		}
		m, err := newShardMatch(snap, bi, cache, 0, plan)
		found := false
		if err == nil {
			found, err = m.probe(ctx, bag.Alone)
			m.release()
		}
		_ = snap.Close()
		if err != nil || found {
			return found, err
		}
	}
	return false, nil
}

// withoutNear is plan without the near-title variants of the Bag terms found as typed: a
// copy, when there are any, for one plan may serve several indexes searched at once.
func withoutNear(plan *Plan, found []bool) *Plan {
	out := plan
	i := 0
	for g := range plan.Groups {
		for b := range plan.Groups[g].Bags {
			if i < len(found) && found[i] && plan.Groups[g].Bags[b].Near != nil {
				if out == plan {
					cp := *plan
					cp.Groups = slices.Clone(plan.Groups)
					out = &cp
				}
				if &out.Groups[g].Bags[0] == &plan.Groups[g].Bags[0] {
					out.Groups[g].Bags = slices.Clone(plan.Groups[g].Bags)
				}
				out.Groups[g].Bags[b].Near = nil
			}
			i++
		}
	}
	return out
}

// Total is the number of documents, exact and relaxed.
func (r *Ranked) Total() int { return len(r.exact) + len(r.relaxed) }

// Ordered is how many documents Doc and Hits reach: the first n exact ones, then (after
// Relax) the first n relaxed ones.
func (r *Ranked) Ordered() (exact, relaxed int) { return r.nExact, r.nRelax }

// Doc is what orders the i-th ordered document (exact ones, then relaxed ones).
func (r *Ranked) Doc(i int) DocRank {
	d, _ := r.docAt(i)
	out := DocRank{URL: d.url, Titled: d.titled, Score: d.score, Articles: d.articles}
	if d.dated {
		out.Date = time.Unix(0, d.date).UTC()
	}
	return out
}

func (r *Ranked) docAt(i int) (docRef, bool) {
	if i < r.nExact {
		return r.exact[i], false
	}
	return r.relaxed[i-r.nExact], true
}

// Title is the i-th ordered document's title, as the suggestion reads it.
func (r *Ranked) Title(i int) (string, error) {
	d, _ := r.docAt(i)
	return d.m.title(d.d)
}

// Hit makes the hit of the i-th ordered document, as FindDocuments makes it. Hits of one
// Ranked are made one at a time.
func (r *Ranked) Hit(i int) (Hit, error) {
	d, relaxed := r.docAt(i)
	mk := &r.exactMk
	forms := r.plans[0].Forms
	if relaxed {
		mk, forms = &r.relaxMk, r.plans[1].Forms
	}
	if *mk == nil {
		*mk = newMarker(forms)
	}
	h, err := d.m.hit(d.d, d.score, *mk)
	if err != nil {
		return Hit{}, fmt.Errorf("search: loading document %s: %w", d.url, err)
	}
	return h, nil
}

// Release gives back the snapshots and buffers; r must not be used after.
func (r *Ranked) Release() {
	for _, m := range r.used {
		m.release()
	}
	for _, s := range r.snaps {
		if s != nil {
			_ = s.Close()
		}
	}
	*r = Ranked{}
}
