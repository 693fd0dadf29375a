package collect

import (
	"context"
	"runtime"
	"slices"
	"sort"
	"sync"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	bsearch "github.com/blevesearch/bleve/v2/search"
	bquery "github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"
	"github.com/gongkai/gongkai/search/searcher"
)

// shardMatch is one pass (exact or relaxed) of a plan over one shard: the
// records that match a group or an article, with their scores, and the
// documents (pages) they belong to. All records of a page are in one
// shard, so documents are complete here.
type shardMatch struct {
	snap    *scorch.IndexSnapshot
	bi      bleve.Index
	cols    []*searcher.Columns
	offsets []uint64
	shard   int
	plan    *Plan
	k       int // clauses: groups, then articles

	recOf  []int32 // by global doc number: index in recs, or -1
	recs   []recMatch
	scores []float64 // recs[i]'s score for clause c at i*k+c

	docs      []docMatch
	docOfPage [][]int32 // by segment and page: index in docs, or -1 (slices of pageDoc)
	pageDoc   []int32
	aliveBuf  []uint64
	deleted   []func(uint32) bool // by segment: the columns are cached before later deletions
	byURL     map[string]int32    // when the shard has several segments: a page's doc by URL

	n         int // records read, for the context checks
	lastYield time.Time
}

// recMatch is one record that matched some clause.
type recMatch struct {
	seg  int32
	doc  uint32 // in its segment
	d    int32  // its document, index in docs
	mask uint64 // clause c matched when bit c is set
	next int32  // the document's next matching record, or -1
}

// docMatch is one document of the shard: a page with some matching record.
type docMatch struct {
	seg, page   int32  // where its records are (the first segment seen)
	first, last int32  // its matching records, a list through recMatch.next; -1 when none
	mask        uint64 // the clauses some record of it matched
	out         bool   // lacks a group, holds an excluded term or is skipped
	titled      bool   // its document record's title_key is a name the query gives (Plan.Titles)
}

func newShardMatch(snap *scorch.IndexSnapshot, bi bleve.Index, cache *searcher.ColumnCache, shard int, plan *Plan) (*shardMatch, error) {
	cols, offsets, err := cache.ForSnapshot(snap)
	if err != nil {
		return nil, err
	}
	m, _ := matchPool.Get().(*shardMatch)
	if m == nil {
		m = &shardMatch{}
	}
	*m = shardMatch{snap: snap, bi: bi, cols: cols, offsets: offsets, shard: shard, plan: plan,
		k: len(plan.Groups) + len(plan.Articles), lastYield: time.Now(),
		recOf: m.recOf[:0], recs: m.recs[:0], scores: m.scores[:0], docs: m.docs[:0], pageDoc: m.pageDoc[:0], aliveBuf: m.aliveBuf[:0]}
	total := 0
	m.docOfPage = make([][]int32, len(cols))
	m.deleted = make([]func(uint32) bool, len(cols))
	for i, ss := range snap.Segments() {
		m.deleted[i] = func(uint32) bool { return false }
		if d := ss.Deleted(); d != nil {
			m.deleted[i] = d.Contains
		}
	}
	for i, c := range cols {
		total += len(c.Page)
		from := len(m.pageDoc)
		for range c.PageURL {
			m.pageDoc = append(m.pageDoc, -1)
		}
		m.docOfPage[i] = m.pageDoc[from:len(m.pageDoc):len(m.pageDoc)]
	}
	for range total {
		m.recOf = append(m.recOf, -1)
	}
	if len(cols) > 1 {
		m.byURL = map[string]int32{}
	}
	return m, nil
}

// matchPool keeps the buffers of finished searches: a search of a common
// word fills them with thousands of records, and allocating them anew each
// time was most of its garbage.
var matchPool sync.Pool

// release returns m's buffers to the pool; m must not be used after.
func (m *shardMatch) release() {
	if cap(m.recOf) > 1<<22 || cap(m.scores) > 1<<22 {
		return
	}
	*m = shardMatch{recOf: m.recOf[:0], recs: m.recs[:0], scores: m.scores[:0], docs: m.docs[:0], pageDoc: m.pageDoc[:0], aliveBuf: m.aliveBuf[:0]}
	matchPool.Put(m)
}

// locate turns a global doc number into its segment and local number.
func (m *shardMatch) locate(g uint64) (int, uint32) {
	seg := sort.Search(len(m.offsets), func(i int) bool { return m.offsets[i] > g }) - 1
	return seg, uint32(g - m.offsets[seg])
}

// docOf returns the document of a record, creating it if create is set
// (else -1 when the page has none yet).
func (m *shardMatch) docOf(seg int, doc uint32, create bool) int32 {
	c := m.cols[seg]
	p := c.Page[doc]
	if p < 0 {
		return -1
	}
	if d := m.docOfPage[seg][p]; d >= 0 || !create && m.byURL == nil {
		return d
	}
	if m.byURL != nil {
		if d, ok := m.byURL[c.PageURL[p]]; ok {
			m.docOfPage[seg][p] = d
			return d
		}
		if !create {
			return -1
		}
	}
	d := int32(len(m.docs))
	m.docs = append(m.docs, docMatch{seg: int32(seg), page: p, first: -1, last: -1})
	m.docOfPage[seg][p] = d
	if m.byURL != nil {
		m.byURL[c.PageURL[p]] = d
	}
	return d
}

// record returns the state of a record, creating it.
func (m *shardMatch) record(g uint64, seg int, doc uint32, d int32) int32 {
	if r := m.recOf[g]; r >= 0 {
		return r
	}
	r := int32(len(m.recs))
	m.recs = append(m.recs, recMatch{seg: int32(seg), doc: doc, d: d, next: -1})
	for range m.k {
		m.scores = append(m.scores, 0)
	}
	m.recOf[g] = r
	if dm := &m.docs[d]; dm.last < 0 {
		dm.first, dm.last = r, r
	} else {
		m.recs[dm.last].next, dm.last = r, r
	}
	return r
}

// set notes that record g matched clause c with score s.
func (m *shardMatch) set(g uint64, seg int, doc uint32, c int, s float64) {
	d := m.docOf(seg, doc, true)
	if d < 0 {
		return
	}
	r := m.record(g, seg, doc, d)
	m.recs[r].mask |= 1 << c
	m.scores[int(r)*m.k+c] = s
	m.docs[d].mask |= 1 << c
}

// alive lists the global doc numbers of every record of the documents
// still in, ascending: what a restricted clause reads.
func (m *shardMatch) alive() []uint64 {
	out := m.aliveBuf[:0]
	defer func() { m.aliveBuf = out }()
	for i := range m.docs {
		d := &m.docs[i]
		if d.out {
			continue
		}
		segs := []int{int(d.seg)}
		if m.byURL != nil { // the page's records may lie in several segments
			segs = segs[:0]
			url := m.cols[d.seg].PageURL[d.page]
			for s, c := range m.cols {
				if p := pageIndex(c, url); p >= 0 {
					segs = append(segs, s)
				}
			}
		}
		for _, s := range segs {
			c := m.cols[s]
			p := d.page
			if s != int(d.seg) {
				p = pageIndex(c, m.cols[d.seg].PageURL[d.page])
			}
			for _, doc := range c.PageRecords(p) {
				out = append(out, m.offsets[s]+uint64(doc))
			}
		}
	}
	slices.Sort(out)
	return out
}

// pageIndex finds a URL among a segment's pages (sorted, as the url
// field's dictionary lists them).
func pageIndex(c *searcher.Columns, url string) int32 {
	i := sort.SearchStrings(c.PageURL, url)
	if i < len(c.PageURL) && c.PageURL[i] == url {
		return int32(i)
	}
	return -1
}

// inAlive reports whether record (seg, doc) belongs to a document still in.
func (m *shardMatch) inAlive(seg int, doc uint32) bool {
	d := m.docOf(seg, doc, false)
	return d >= 0 && !m.docs[d].out
}

// visit runs q on the shard and calls fn for each record it matches, in
// doc order. With restrict set, only the records of the documents still in
// are read: by Advance from one to the next when they are fewer than the
// query's own estimate, else by reading all and skipping the others.
func (m *shardMatch) visit(ctx context.Context, q bquery.Query, restrict bool, fn func(g uint64, seg int, doc uint32, score float64) bool) error {
	s, err := m.searcher(ctx, q)
	if err != nil {
		return err
	}
	return m.visitWith(ctx, s, restrict, fn)
}

func (m *shardMatch) searcher(ctx context.Context, q bquery.Query) (bsearch.Searcher, error) {
	return q.Searcher(ctx, m.snap, m.bi.Mapping(), bsearch.SearcherOptions{})
}

// visitWith is visit with the query's searcher made; it closes s.
func (m *shardMatch) visitWith(ctx context.Context, s bsearch.Searcher, restrict bool, fn func(g uint64, seg int, doc uint32, score float64) bool) error {
	defer s.Close()
	var err error
	sctx := &bsearch.SearchContext{
		DocumentMatchPool: bsearch.NewDocumentMatchPool(s.DocumentMatchPoolSize()+1, 0),
		IndexReader:       m.snap,
	}
	var targets []uint64
	if restrict {
		targets = m.alive()
		if len(targets) == 0 {
			return nil
		}
		if uint64(len(targets)) >= s.Count() {
			targets = nil // reading every match is cheaper
		}
	}
	buf := make([]byte, 8)
	next := 0
	for {
		if err := m.tick(ctx); err != nil {
			return err
		}
		var dm *bsearch.DocumentMatch
		if targets != nil {
			if next >= len(targets) {
				return nil
			}
			dm, err = s.Advance(sctx, index.NewIndexInternalID(buf, targets[next]))
		} else {
			dm, err = s.Next(sctx)
		}
		if err != nil {
			return err
		}
		if dm == nil {
			return nil
		}
		g := dm.IndexInternalID.Value()
		score := dm.Score
		sctx.DocumentMatchPool.Put(dm)
		if targets != nil {
			for next < len(targets) && targets[next] <= g {
				next++
			}
		}
		seg, doc := m.locate(g)
		if restrict && !m.inAlive(seg, doc) {
			continue
		}
		if !fn(g, seg, doc, score) {
			return nil
		}
	}
}

// yieldEvery is how long a search runs before letting other goroutines
// have the CPU. Go preempts a running goroutine only after 10 ms; under
// load, the goroutines that write finished results and read new requests
// waited that long behind searches, which doubled the slowest latencies.
const yieldEvery = 500 * time.Microsecond

// tick checks the context as often as bleve's collector does, and lets
// other goroutines run now and then (see yieldEvery).
func (m *shardMatch) tick(ctx context.Context) error {
	m.n++
	if m.n%1024 == 1 {
		if err := ctx.Err(); err != nil {
			return err
		}
	}
	if m.n%64 == 0 {
		if now := time.Now(); now.Sub(m.lastYield) > yieldEvery {
			runtime.Gosched()
			m.lastYield = now
		}
	}
	return nil
}

// run matches the plan: groups (the one the index expects fewest matches
// for first, the others only in the documents still in), then articles,
// then exclusions; skip lists documents to leave out (the exact ones, in
// the relaxed pass).
func (m *shardMatch) run(ctx context.Context, skip map[string]bool) error {
	p := m.plan
	groups := len(p.Groups)
	switch {
	case groups > 0:
		order, searchers, err := m.groupOrder(ctx)
		if err != nil {
			return err
		}
		for i, g := range order {
			err := m.matchGroup(ctx, g, searchers[g], i > 0)
			searchers[g] = nil // closed
			if err != nil {
				for _, s := range searchers {
					if s != nil {
						_ = s.Close()
					}
				}
				return err
			}
			m.drop(g)
		}
		for a, ap := range p.Articles {
			c := groups + a
			if err := m.visit(ctx, ap.Query, true, func(g uint64, seg int, doc uint32, s float64) bool {
				m.set(g, seg, doc, c, s)
				return true
			}); err != nil {
				return err
			}
		}
	case len(p.Articles) > 0: // only articles: each is required
		for a, ap := range p.Articles {
			if err := m.visit(ctx, ap.Query, a > 0, func(g uint64, seg int, doc uint32, s float64) bool {
				m.set(g, seg, doc, a, s)
				return true
			}); err != nil {
				return err
			}
			m.drop(a)
		}
	default: // browse: every doc record passing the filters
		if err := m.visit(ctx, p.Browse, false, func(g uint64, seg int, doc uint32, _ float64) bool {
			if m.cols[seg].IsDocRecord(doc) {
				m.docOf(seg, doc, true)
			}
			return true
		}); err != nil {
			return err
		}
	}
	if p.Titles != nil && groups > 0 {
		if err := m.visit(ctx, p.Titles, true, func(_ uint64, seg int, doc uint32, _ float64) bool {
			if d := m.docOf(seg, doc, false); d >= 0 {
				m.docs[d].titled = true
			}
			return true
		}); err != nil {
			return err
		}
	}
	for _, q := range p.Excluded {
		if err := m.visit(ctx, q, true, func(_ uint64, seg int, doc uint32, _ float64) bool {
			m.docs[m.docOf(seg, doc, false)].out = true
			return true
		}); err != nil {
			return err
		}
	}
	if len(skip) > 0 {
		for i := range m.docs {
			if d := &m.docs[i]; skip[m.cols[d.seg].PageURL[d.page]] {
				d.out = true
			}
		}
	}
	return nil
}

// drop leaves out the documents no record of which matched clause c.
func (m *shardMatch) drop(c int) {
	for i := range m.docs {
		if m.docs[i].mask&(1<<c) == 0 {
			m.docs[i].out = true
		}
	}
}

// groupOrder puts the group with the fewest expected matches first (by the
// searchers' estimates), so that the others are read only in its
// documents; Bag groups, matched by common bigrams, go last. The order
// changes what is read, never the result. It returns each group's exact
// searcher, made once.
func (m *shardMatch) groupOrder(ctx context.Context) ([]int, []bsearch.Searcher, error) {
	type est struct {
		g     int
		bag   bool
		count uint64
	}
	searchers := make([]bsearch.Searcher, len(m.plan.Groups))
	var es []est
	for g, gp := range m.plan.Groups {
		s, err := m.searcher(ctx, gp.Exact)
		if err != nil {
			for _, s := range searchers[:g] {
				_ = s.Close()
			}
			return nil, nil, err
		}
		searchers[g] = s
		es = append(es, est{g: g, bag: len(gp.Bags) > 0, count: s.Count()})
	}
	sort.SliceStable(es, func(i, j int) bool {
		if es[i].bag != es[j].bag {
			return !es[i].bag
		}
		return es[i].count < es[j].count
	})
	out := make([]int, len(es))
	for i, e := range es {
		out[i] = e.g
	}
	return out, searchers, nil
}

// matchGroup finds M_g and s_g: the group's exact matches, then for its
// Bag terms the records holding most of a term's bigrams (bagScore; the
// best Bag term when several score), for records not matching exactly.
func (m *shardMatch) matchGroup(ctx context.Context, g int, exactSearcher bsearch.Searcher, restrict bool) error {
	gp := m.plan.Groups[g]
	exact := map[uint64]bool{}
	if err := m.visitWith(ctx, exactSearcher, restrict, func(id uint64, seg int, doc uint32, s float64) bool {
		m.set(id, seg, doc, g, s)
		if len(gp.Bags) > 0 {
			exact[id] = true
		}
		return true
	}); err != nil {
		return err
	}
	best := map[uint64]float64{}
	for _, bag := range gp.Bags {
		per := map[uint64][]float64{}
		for b, q := range bag.Bigrams {
			if err := m.visit(ctx, q, restrict, func(id uint64, _ int, _ uint32, s float64) bool {
				if exact[id] {
					return true
				}
				ss := per[id]
				if ss == nil {
					ss = make([]float64, len(bag.Bigrams))
					per[id] = ss
				}
				ss[b] = s
				return true
			}); err != nil {
				return err
			}
		}
		for id, ss := range per {
			if s, ok := bagScore(ss); ok && s > best[id] {
				best[id] = s
			}
		}
		for _, q := range bag.Near { // one wrong character in a title
			if err := m.visit(ctx, q, restrict, func(id uint64, _ int, _ uint32, s float64) bool {
				if !exact[id] && s > best[id] {
					best[id] = s
				}
				return true
			}); err != nil {
				return err
			}
		}
	}
	ids := make([]uint64, 0, len(best))
	for id := range best {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] }) // docs appear in index order
	for _, id := range ids {
		seg, doc := m.locate(id)
		m.set(id, seg, doc, g, best[id])
	}
	return nil
}

// probe reports whether q matches any record of the shard.
func (m *shardMatch) probe(ctx context.Context, q bquery.Query) (bool, error) {
	found := false
	err := m.visit(ctx, q, false, func(uint64, int, uint32, float64) bool {
		found = true
		return false
	})
	return found, err
}
