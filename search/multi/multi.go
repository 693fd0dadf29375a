// Package multi searches several indexes as one (统一搜索 over a platform's
// sites): it runs the same document-level search (search.Index) on each
// index, with each index's own statistics, and merges the results by fixed
// rules, so that the static client (themes/default/static/js/search.js,
// section "platform") reproduces them exactly from the sites' exports.
//
// The rules:
//   - The filter FilterSite selects indexes by name; it is not passed on.
//   - Every index runs the exact pass; the relaxed pass runs on every index
//     when the exact documents of all of them add up to fewer than
//     search.RelaxBelow, and on none otherwise.
//   - Hits: the exact documents first, then the relaxed ones; each part
//     merged from the indexes' own orders by taking, at each step, the best
//     of their next documents: by relevance, score desc, then index name,
//     then URL; by date, dated first, the date, then score desc, index name
//     and URL. Within an index its own order is kept (it ranks documents
//     holding more of the named articles first, which a hit does not say).
//   - Total and Exact are sums. Each facet's counts are summed per value
//     over the indexes' lists, then cut to search.FacetSize by count, then
//     value (years newest first), as one index does; the FilterSite facet
//     counts each index's documents, labelled with its title.
//   - The suggestion reads the first search.SuggestFrom merged relaxed
//     documents' titles; a near-miss term counts as found when it matched
//     as typed in any index.
//
// Package search knows nothing of this: an index is searched as it is alone.
package multi

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/gongkai/gongkai/search"
)

// FilterSite is the filter, and facet, that selects indexes by name.
const FilterSite = "site"

// SiteLabel is the zh-CN heading of the FilterSite facet.
const SiteLabel = "站点"

// Site is one index of the search.
type Site struct {
	Name   string // the FilterSite value; unique
	Title  string // its label in the facet and beside its hits
	Prefix string // put before its hits' links: the path the site is served under ("/xian")
	// Open returns the index to search now (httpapi.Swapper.Current); nil
	// while the site has none, which leaves it out.
	Open func() *search.Index
}

// Index searches its sites as one.
type Index struct {
	sites []Site
	cache *resultCache
}

// New makes the search over sites, whose names must be unique.
func New(sites []Site) (*Index, error) {
	seen := map[string]bool{}
	for _, s := range sites {
		if s.Name == "" || seen[s.Name] {
			return nil, fmt.Errorf("multi: site name %q empty or repeated", s.Name)
		}
		seen[s.Name] = true
	}
	return &Index{sites: append([]Site(nil), sites...), cache: newResultCache()}, nil
}

// Sites returns the sites, in the order New got them.
func (m *Index) Sites() []Site { return append([]Site(nil), m.sites...) }

// Search runs req over every site (or those FilterSite names).
func (m *Index) Search(ctx context.Context, req search.Request) (*search.Result, error) {
	return m.SearchLimit(ctx, req, search.MaxPageSize)
}

// one is a site's result.
type one struct {
	site *Site
	res  *search.Result
}

// SearchLimit is Search with hits per page capped at maxSize.
func (m *Index) SearchLimit(ctx context.Context, req search.Request, maxSize int) (*search.Result, error) {
	start := time.Now()
	req.Query = strings.TrimSpace(req.Query)
	switch {
	case req.Page == 0:
		req.Page = 1
	case req.Page < 0 || req.Page > search.MaxPage:
		return nil, &search.QueryError{Query: req.Query, Message: fmt.Sprintf("页码 %d 超出范围：只能查看第 1 到第 %d 页，请增加检索词或筛选条件缩小范围。", req.Page, search.MaxPage)}
	}
	if req.Size <= 0 {
		req.Size = search.DefaultPageSize
	}
	req.Size = min(req.Size, maxSize)
	values := 0
	for _, vs := range req.Filters {
		values += len(vs)
	}
	if values > search.MaxQueryTerms {
		return nil, &search.QueryError{Query: req.Query, Message: fmt.Sprintf("筛选条件太多（%d 个），最多 %d 个。", values, search.MaxQueryTerms)}
	}
	filters := map[string][]string{}
	for k, vs := range req.Filters {
		if k != FilterSite {
			filters[k] = vs
		}
	}
	var chosen []*Site
	for i := range m.sites {
		if s := &m.sites[i]; len(req.Filters[FilterSite]) == 0 || contains(req.Filters[FilterSite], s.Name) {
			chosen = append(chosen, s)
		}
	}
	key := cacheKey(req, maxSize, chosen)
	if res := m.cache.get(key); key != "" && res != nil {
		out := *res // the caller may set fields of its own copy; hits and facets are shared, read-only
		out.Took = time.Since(start)
		return &out, nil
	}
	k := req.Page * req.Size
	// Each site shows its first few documents at first; a site whose list the merge runs
	// through before the page is full is asked again for its first k (a site's search costs
	// about as much for a few as for k documents, each shown document costs its snippet, and
	// most sites of a platform place few documents on the page).
	each := search.Request{Query: req.Query, Filters: filters, From: req.From, To: req.To, Sort: req.Sort, Page: 1, Size: min(k, firstDocs), ExactOnly: true}
	got, err := m.run(ctx, chosen, each)
	if err != nil {
		return nil, err
	}
	exact := 0
	for _, o := range got {
		exact += o.res.Exact
	}
	for exact >= search.RelaxBelow {
		short := shortLists(got, k)
		if len(short) == 0 {
			break
		}
		full := each
		full.Size = k
		sites := make([]*Site, len(short))
		for i, j := range short {
			sites[i] = got[j].site
		}
		again, err := m.run(ctx, sites, full)
		if err != nil {
			return nil, err
		}
		if len(again) != len(short) { // a site lost its index meanwhile
			return nil, fmt.Errorf("search: %w", search.ErrClosed)
		}
		for i, j := range short {
			got[j] = again[i]
		}
	}
	if exact < search.RelaxBelow && len(got) > 0 {
		// Few exact documents over all the sites: every site runs its relaxed pass, and shows
		// enough relaxed documents for the suggestion to read the first SuggestFrom merged.
		each.ExactOnly = false
		each.Size = max(k, search.RelaxBelow-1+search.SuggestFrom)
		if got, err = m.run(ctx, chosen, each); err != nil {
			return nil, err
		}
	}
	out := merge(req, got, k)
	out.Took = time.Since(start)
	if key != "" {
		kept := *out
		m.cache.put(key, &kept)
	}
	return out, nil
}

// firstDocs is how many documents each site shows at first.
const firstDocs = 2

// shortLists are the sites (indexes in got) whose shown documents run out, while they have
// more, before the merge of the first k exact documents is done: the merge needs their next.
func shortLists(got []one, k int) []int {
	if len(got) == 0 {
		return nil
	}
	less := itemLess(got[0].res.Sort)
	at := make([]int, len(got))
	short := func(i int) bool {
		r := got[i].res
		return at[i] == len(r.Hits) && len(r.Hits) < min(r.Exact, k)
	}
	for n := 0; n < k; n++ {
		var out []int
		for i := range got {
			if short(i) {
				out = append(out, i)
			}
		}
		if len(out) > 0 {
			return out
		}
		best := -1
		var bestItem item
		for i, o := range got {
			if at[i] < len(o.res.Hits) {
				it := item{hit: o.res.Hits[at[i]], site: o.site}
				if best < 0 || less(&it, &bestItem) {
					best, bestItem = i, it
				}
			}
		}
		if best < 0 {
			return nil
		}
		at[best]++
	}
	return nil
}

// run searches each site, a few at a time; sites without an index are left out.
func (m *Index) run(ctx context.Context, sites []*Site, req search.Request) ([]one, error) {
	results := make([]*search.Result, len(sites))
	errs := make([]error, len(sites))
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for i, s := range sites {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			results[i], errs[i] = searchSite(ctx, s, req, req.Size)
		}()
	}
	wg.Wait()
	var out []one
	for i, s := range sites {
		if errs[i] != nil {
			var qe *search.QueryError
			if errors.As(errs[i], &qe) {
				return nil, errs[i]
			}
			return nil, fmt.Errorf("站点 %s：%w", s.Name, errs[i])
		}
		if results[i] != nil {
			out = append(out, one{site: s, res: results[i]})
		}
	}
	return out, nil
}

// searchSite searches s's current index, again when a swap closed it meanwhile; nil, nil
// when the site has no index.
func searchSite(ctx context.Context, s *Site, req search.Request, maxSize int) (*search.Result, error) {
	for attempt := 0; ; attempt++ {
		ix := s.Open()
		if ix == nil {
			return nil, nil
		}
		res, err := ix.SearchLimit(ctx, req, maxSize)
		if errors.Is(err, search.ErrClosed) && attempt < 3 {
			continue
		}
		return res, err
	}
}

// Alone searches one site by itself, its links under its Prefix: the site's own search
// (/<site>/search) on a platform. It answers as the site's index does, except for the links.
type Alone struct{ Site Site }

// ErrNoIndex: the site has no index open.
var ErrNoIndex = errors.New("search: no index is open yet")

// SearchLimit searches the site's current index.
func (a Alone) SearchLimit(ctx context.Context, req search.Request, maxSize int) (*search.Result, error) {
	res, err := searchSite(ctx, &a.Site, req, maxSize)
	if err != nil || res == nil {
		if err == nil {
			err = ErrNoIndex
		}
		return nil, err
	}
	hits := make([]search.Hit, len(res.Hits))
	for i, h := range res.Hits {
		hits[i] = prefixed(h, a.Site.Prefix)
	}
	out := *res
	out.Hits = hits
	return &out, nil
}

// item is a hit of some site, in that site's order.
type item struct {
	hit  search.Hit
	site *Site
}

// merge puts the sites' results together: page req.Page of size req.Size, from each site's
// first k documents.
func merge(req search.Request, got []one, k int) *search.Result {
	out := &search.Result{Query: req.Query, Page: req.Page, Sort: req.Sort, Facets: map[string][]search.Facet{}}
	for _, name := range search.FacetNames() {
		out.Facets[name] = []search.Facet{}
	}
	var exactLists, relaxedLists [][]item
	var bags []search.Bag
	counts := map[string]map[string]int{}
	siteCounts := map[string]int{}
	labels := map[string]string{}
	for _, o := range got {
		r := o.res
		if out.Query == "" || r.Query != "" {
			out.Query = r.Query
		}
		out.Sort = r.Sort // the same for every site: it depends on the query alone
		out.Total += r.Total
		out.Exact += r.Exact
		if r.Relaxed {
			out.Relaxed = true
			for i, b := range r.Bags {
				if i >= len(bags) {
					bags = append(bags, b)
				} else if b.Found {
					bags[i].Found = true
				}
			}
		}
		var ex, rx []item
		for i, h := range r.Hits {
			it := item{hit: prefixed(h, o.site.Prefix), site: o.site}
			if i < r.Exact {
				ex = append(ex, it)
			} else {
				rx = append(rx, it)
			}
		}
		exactLists, relaxedLists = append(exactLists, ex), append(relaxedLists, rx)
		for name, fs := range r.Facets {
			if counts[name] == nil {
				counts[name] = map[string]int{}
			}
			for _, f := range fs {
				counts[name][f.Value] += f.Count
			}
		}
		if r.Total > 0 {
			siteCounts[o.site.Name] = r.Total
		}
		labels[o.site.Name] = o.site.Title
	}
	for name, byValue := range counts {
		fs := topFacets(byValue)
		if name == "year" {
			sort.Slice(fs, func(i, j int) bool { return fs[i].Value > fs[j].Value })
		}
		out.Facets[name] = fs
	}
	out.Facets[FilterSite] = topFacets(siteCounts)
	out.Labels = map[string]map[string]string{FilterSite: labels}
	less := itemLess(out.Sort)
	all := mergeLists(exactLists, less, k)
	relaxed := mergeLists(relaxedLists, less, max(k-len(all), search.SuggestFrom))
	if out.Relaxed {
		var titles []string
		for _, it := range relaxed[:min(len(relaxed), search.SuggestFrom)] {
			titles = append(titles, it.hit.Title)
		}
		out.Suggest = search.Suggestion(out.Query, bags, titles)
	}
	all = append(all, relaxed...)
	from := (req.Page - 1) * req.Size
	for _, it := range all[min(from, len(all)):min(k, len(all))] {
		out.Hits = append(out.Hits, it.hit)
		out.Sources = append(out.Sources, search.Source{Name: it.site.Name, Title: it.site.Title})
	}
	out.Pages = min((out.Total+req.Size-1)/req.Size, search.MaxPage)
	return out
}

// mergeLists merges lists, each in its site's order, into the first n: at each step the best
// of the lists' next items.
func mergeLists(lists [][]item, less func(a, b *item) bool, n int) []item {
	var out []item
	at := make([]int, len(lists))
	for len(out) < n {
		best := -1
		for i, l := range lists {
			if at[i] < len(l) && (best < 0 || less(&l[at[i]], &lists[best][at[best]])) {
				best = i
			}
		}
		if best < 0 {
			break
		}
		out = append(out, lists[best][at[best]])
		at[best]++
	}
	return out
}

// itemLess orders two hits of different sites: by relevance, score desc, then site name,
// then URL; by date ("date" oldest first, "-date" newest first), dated ones first, then
// the date, then as by relevance.
func itemLess(order string) func(a, b *item) bool {
	byScore := func(a, b *item) bool {
		if a.hit.Score != b.hit.Score {
			return a.hit.Score > b.hit.Score
		}
		if a.site.Name != b.site.Name {
			return a.site.Name < b.site.Name
		}
		return a.hit.URL < b.hit.URL
	}
	if order == "" {
		return byScore
	}
	newestFirst := order == "-date"
	return func(a, b *item) bool {
		ad, bd := !a.hit.Date.IsZero(), !b.hit.Date.IsZero()
		switch {
		case ad != bd:
			return ad
		case ad && !a.hit.Date.Equal(b.hit.Date):
			return a.hit.Date.After(b.hit.Date) == newestFirst
		}
		return byScore(a, b)
	}
}

// topFacets lists the search.FacetSize values with the most documents, ties by value.
func topFacets(byValue map[string]int) []search.Facet {
	fs := make([]search.Facet, 0, len(byValue))
	for v, n := range byValue {
		fs = append(fs, search.Facet{Value: v, Count: n})
	}
	sort.Slice(fs, func(i, j int) bool {
		if fs[i].Count != fs[j].Count {
			return fs[i].Count > fs[j].Count
		}
		return fs[i].Value < fs[j].Value
	})
	return fs[:min(len(fs), search.FacetSize)]
}

// prefixed is h with its links under the site's path.
func prefixed(h search.Hit, prefix string) search.Hit {
	if prefix == "" {
		return h
	}
	h.URL = withPrefix(prefix, h.URL)
	parts := make([]search.HitPart, len(h.Parts))
	for i, p := range h.Parts {
		p.URL = withPrefix(prefix, p.URL)
		parts[i] = p
	}
	h.Parts = parts
	return h
}

func withPrefix(prefix, u string) string {
	if strings.HasPrefix(u, "/") && !strings.HasPrefix(u, "//") {
		return prefix + u
	}
	return u
}

func contains(vs []string, s string) bool {
	for _, v := range vs {
		if v == s {
			return true
		}
	}
	return false
}
