package collect

import (
	"context"
	"fmt"
	"runtime"
	"sort"
	"sync"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	bsearch "github.com/blevesearch/bleve/v2/search"
	bquery "github.com/blevesearch/bleve/v2/search/query"
	"github.com/gongkai/gongkai/search/mapping"
	"github.com/gongkai/gongkai/search/searcher"
)

// Collected is what a search keeps of all its hits: the page, the count
// and the facet counts.
type Collected struct {
	Total  int
	Page   []PageHit
	Facets map[string][]Facet // keyed by filter name
}

// PageHit is a hit of the page with its stored fields.
type PageHit struct {
	Score  float64
	Fields StoredFields
}

// Collect runs q on every shard (indexes) and keeps hits [from, from+size) in the
// given order ("" relevance, "date", "-date"), with all hits counted and
// faceted. It does what bleve's index alias and top-N collector did, with
// the same scores, order and facet counts, but reads each hit's ID, date
// and facet values from per-segment columns (kept in cache) instead of
// from stored fields and doc values, and loads stored fields only for the
// page's hits.
func Collect(ctx context.Context, indexes []bleve.Index, cache *searcher.ColumnCache, q bquery.Query, order string, from, size int, fields []string) (*Collected, error) {
	out := &Collected{Facets: EmptyFacets()}
	if len(indexes) == 0 {
		return out, nil
	}
	shards := make([]*shardHits, len(indexes))
	errs := make([]error, len(indexes))
	if len(indexes) == 1 {
		shards[0], errs[0] = collectShard(ctx, indexes, cache, 0, q, order, from+size)
	} else {
		// One goroutine per shard, as bleve's alias did: a lone search
		// uses every CPU.
		var wg sync.WaitGroup
		for i := range indexes {
			wg.Add(1)
			go func() {
				defer wg.Done()
				shards[i], errs[i] = collectShard(ctx, indexes, cache, i, q, order, from+size)
			}()
		}
		wg.Wait()
	}
	defer func() {
		for _, sh := range shards {
			if sh != nil {
				_ = sh.snap.Close()
			}
		}
	}()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	var all []hitRef
	for _, sh := range shards {
		out.Total += sh.total
		all = append(all, sh.top.hits...)
	}
	less := hitOrder(order)
	sort.Slice(all, func(i, j int) bool { return less(&all[i], &all[j]) })
	if from >= len(all) {
		all = nil
	} else {
		all = all[from:min(len(all), from+size)]
	}
	for _, h := range all {
		ss := shards[h.shard].snap.Segments()[h.seg]
		rec, err := loadStored(ss, uint64(h.doc), fields)
		if err != nil {
			return nil, fmt.Errorf("search: loading record %s: %w", h.id(), err)
		}
		out.Page = append(out.Page, PageHit{Score: h.score, Fields: rec})
	}
	out.Facets = mergeFacets(shards)
	return out, nil
}

// shardHits is one shard's part of a search. snap stays open until the
// page's stored fields are loaded.
type shardHits struct {
	snap   *scorch.IndexSnapshot
	total  int
	top    topHits
	facets [][]Facet // per mapping.Facets entry: the shard's top FacetSize values
}

// hitRef is a hit without bleve's per-hit bookkeeping.
type hitRef struct {
	score float64
	cols  *searcher.Columns
	doc   uint32 // in its segment
	seg   int    // segment in its shard's snapshot
	shard int
}

func (h *hitRef) id() string { return h.cols.IDs[h.doc] }

func collectShard(ctx context.Context, indexes []bleve.Index, cache *searcher.ColumnCache, shard int, q bquery.Query, order string, keep int) (*shardHits, error) {
	bi := indexes[shard]
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
	sh := &shardHits{snap: snap, top: topHits{keep: keep, less: hitOrder(order)}}
	if err := sh.run(ctx, bi, cache, shard, q); err != nil {
		_ = snap.Close()
		return nil, err
	}
	return sh, nil
}

func (sh *shardHits) run(ctx context.Context, bi bleve.Index, cache *searcher.ColumnCache, shard int, q bquery.Query) error {
	cols, offsets, err := cache.ForSnapshot(sh.snap)
	if err != nil {
		return err
	}
	s, err := q.Searcher(ctx, sh.snap, bi.Mapping(), bsearch.SearcherOptions{})
	if err != nil {
		return err
	}
	defer s.Close()
	sctx := &bsearch.SearchContext{
		DocumentMatchPool: bsearch.NewDocumentMatchPool(s.DocumentMatchPoolSize()+1, 0),
		IndexReader:       sh.snap,
	}
	counts := make([][][]int, len(cols)) // segment, facet, value
	for i, c := range cols {
		counts[i] = make([][]int, len(mapping.Facets))
		for f := range mapping.Facets {
			counts[i][f] = make([]int, len(c.Facets[f].Values))
		}
	}
	seg := 0
	lastYield := time.Now()
	for n := 0; ; n++ {
		if n%1024 == 0 { // as often as bleve's collector looks
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		if n%64 == 0 {
			if now := time.Now(); now.Sub(lastYield) > yieldEvery {
				runtime.Gosched()
				lastYield = now
			}
		}
		dm, err := s.Next(sctx)
		if err != nil {
			return err
		}
		if dm == nil {
			break
		}
		g := dm.IndexInternalID.Value()
		if g < offsets[seg] || (seg+1 < len(offsets) && g >= offsets[seg+1]) {
			seg = sort.Search(len(offsets), func(i int) bool { return offsets[i] > g }) - 1
		}
		doc := uint32(g - offsets[seg])
		c := cols[seg]
		for _, f := range c.Filled {
			for _, v := range c.Facets[f].DocValues(doc) {
				counts[seg][f][v]++
			}
		}
		sh.top.offer(hitRef{score: dm.Score, cols: c, doc: doc, seg: seg, shard: shard})
		sctx.DocumentMatchPool.Put(dm)
		sh.total++
	}
	sh.facets = shardFacets(cols, counts)
	return nil
}

// hitOrder is the sort: for "" score (highest first), then record ID; for
// "date" and "-date" the date (records without one last either way), then
// score, then ID. bleve's alias merges the shards' hits in the order the
// shards answer and sorts them unstably, so without the ID, tied records
// (same date, same score) came back in a different order from one search to
// the next, and could show on two pages or on none.
func hitOrder(order string) func(a, b *hitRef) bool {
	byScore := func(a, b *hitRef) bool {
		if a.score != b.score {
			return a.score > b.score
		}
		return a.id() < b.id()
	}
	if order == "" {
		return byScore
	}
	newestFirst := order == "-date"
	return func(a, b *hitRef) bool {
		ad, bd := a.cols.Dates[a.doc], b.cols.Dates[b.doc]
		aok, bok := a.cols.Dated[a.doc], b.cols.Dated[b.doc]
		switch {
		case aok != bok:
			return aok
		case aok && ad != bd:
			return (ad > bd) == newestFirst
		}
		return byScore(a, b)
	}
}

// yieldEvery is how long a search runs before letting other goroutines
// have the CPU. Go preempts a running goroutine only after 10 ms; under
// load, the goroutines that write finished results and read new requests
// waited that long behind searches, which doubled the slowest latencies.
const yieldEvery = 500 * time.Microsecond
