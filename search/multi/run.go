package multi

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"sort"
	"sync"
	"sync/atomic"

	"github.com/gongkai/gongkai/search"
	"github.com/gongkai/gongkai/search/collect"
)

// unified is one search: each chosen site's documents ranked without hits (phase one),
// merged into the page, then the page's hits made by their sites (phase two).
type unified struct {
	m     *Index
	req   search.Request // what each site is asked: no FilterSite; Page and Size set
	sites []*siteRun     // the chosen sites with an index, in the platform's order
}

// siteRun is one site's part of a run.
type siteRun struct {
	site *Site
	ix   *search.Index
	p    *search.Prepared
	f    *termFilter     // nil while it is being made: the site is searched in full
	r    *collect.Ranked // nil when the site was left out: it has no document
}

func (r *unified) release() {
	for _, s := range r.sites {
		if s.r != nil {
			s.r.Release()
		}
	}
}

// search ranks every site, merges, and makes the page's hits.
func (r *unified) search(ctx context.Context, chosen []*Site, maxSize int) (*search.Result, error) {
	// The request is parsed and compiled once for the sites that share their synonyms.
	preps := map[string]*search.Prepared{}
	var distinct []*search.Prepared
	for _, s := range chosen {
		ix := s.Open()
		if ix == nil {
			continue
		}
		sf := r.m.filters.site(s.Name, ix)
		p := preps[sf.syn]
		if p == nil {
			var err error
			if p, err = search.PrepareLike(r.req, ix.Synonyms(), maxSize, distinct); err != nil {
				return nil, err
			}
			preps[sf.syn] = p
			if !slices.Contains(distinct, p) {
				distinct = append(distinct, p)
			}
		}
		r.sites = append(r.sites, &siteRun{site: s, ix: ix, p: p, f: sf.filter()})
	}
	if len(r.sites) == 0 { // nothing to search; the request is still checked
		if _, err := search.Prepare(r.req, nil, maxSize); err != nil {
			return nil, err
		}
	}
	k := r.req.Page * r.req.Size
	if err := forEach(len(r.sites), func(i int) error {
		s := r.sites[i]
		if s.f != nil && !s.p.Exact.MayMatch(s.f.has) {
			return nil
		}
		var err error
		s.r, err = s.ix.Rank(ctx, s.p, k)
		return s.fail(ctx, err)
	}); err != nil {
		return nil, err
	}
	exact := 0
	for _, s := range r.sites {
		if s.r != nil {
			exact += s.r.Exact
		}
	}
	relaxed := false
	for _, s := range r.sites {
		relaxed = relaxed || exact < search.RelaxBelow && s.p.Relaxed != nil
	}
	var bags []search.Bag
	if relaxed {
		// Before the relaxed passes, as on one site: a near-miss term some site has as typed is
		// no misspelling, and no site looks for its near-title variants.
		var err error
		if bags, err = r.findBags(ctx); err != nil {
			return nil, err
		}
	}
	found := make([]bool, len(bags))
	for i, b := range bags {
		found[i] = b.Found
	}
	if relaxed {
		// Few exact documents over all the sites: every site runs its relaxed pass (those that
		// may find a document by it, or a near-miss term as typed), and orders enough relaxed
		// documents for the page and for the suggestion's first SuggestFrom.
		n := max(k, search.SuggestFrom)
		if err := forEach(len(r.sites), func(i int) error {
			s := r.sites[i]
			if s.p.Relaxed == nil {
				return nil
			}
			if s.f != nil && !s.p.Relaxed.MayMatch(s.f.has) {
				return nil
			}
			if s.r == nil {
				var err error
				if s.r, err = s.ix.Rank(ctx, s.p, k); err != nil {
					return s.fail(ctx, err)
				}
			}
			return s.fail(ctx, s.r.Relax(ctx, s.p.Relaxed, n, found))
		}); err != nil {
			return nil, err
		}
	}
	return r.merge(ctx, relaxed, bags)
}

// findBags tells which near-miss terms of the relaxed pass some site has as typed: each term
// is asked of the sites in turn, those whose filter may hold it, until one has it.
func (r *unified) findBags(ctx context.Context) ([]search.Bag, error) {
	var bags []search.Bag
	for _, s := range r.sites {
		if s.p.Relaxed != nil {
			for _, b := range s.p.Bags {
				bags = append(bags, search.Bag{Text: b})
			}
			break
		}
	}
	for i := range bags {
		for _, s := range r.sites {
			if s.p.Relaxed == nil || s.f != nil && !s.p.Relaxed.MayFindBag(i, s.f.has) {
				continue
			}
			found, err := s.ix.FindBag(ctx, s.p, i)
			if err != nil {
				return nil, s.fail(ctx, err)
			}
			if found {
				bags[i].Found = true
				break
			}
		}
	}
	return bags, nil
}

// fail names the site in an error that is not the user's; ctx says whether the search ran
// out of time.
func (s *siteRun) fail(ctx context.Context, err error) error {
	if err == nil {
		return nil
	}
	var qe *search.QueryError
	if errors.As(err, &qe) {
		return err
	}
	if !errors.Is(err, search.ErrTimeout) && !errors.Is(err, search.ErrClosed) {
		err = search.SearchError(ctx, s.p.Request.Query, err)
	}
	return fmt.Errorf("站点 %s：%w", s.site.Name, err)
}

// item is a document of some site, at position i of that site's order.
type item struct {
	s *siteRun
	i int
	collect.DocRank
}

// merge puts the sites' rankings together and makes the page's hits.
func (r *unified) merge(ctx context.Context, relaxed bool, bags []search.Bag) (*search.Result, error) {
	req := r.req
	k := req.Page * req.Size
	out := &search.Result{Query: req.Query, Page: req.Page, Sort: req.Sort, Relaxed: relaxed, Facets: map[string][]search.Facet{}}
	for _, name := range search.FacetNames() {
		out.Facets[name] = []search.Facet{}
	}
	var exactLists, relaxedLists [][]item
	counts := map[string]map[string]int{}
	var bySite []search.Facet
	labels := map[string]string{}
	for _, s := range r.sites {
		out.Sort = s.p.Request.Sort // the same for every site: it depends on the query alone
		labels[s.site.Name] = s.site.Title
		if s.r == nil {
			continue
		}
		total := s.r.Total()
		out.Total += total
		out.Exact += s.r.Exact
		ne, nr := s.r.Ordered()
		var ex, rx []item
		for i := 0; i < ne+nr; i++ {
			it := item{s: s, i: i, DocRank: s.r.Doc(i)}
			if i < ne {
				ex = append(ex, it)
			} else {
				rx = append(rx, it)
			}
		}
		exactLists, relaxedLists = append(exactLists, ex), append(relaxedLists, rx)
		for name, byValue := range s.r.Counts {
			if counts[name] == nil {
				counts[name] = map[string]int{}
			}
			for v, n := range byValue {
				counts[name][v] += n
			}
		}
		if total > 0 {
			bySite = append(bySite, search.Facet{Value: s.site.Name, Count: total})
		}
	}
	for name, byValue := range counts {
		fs := collect.TopFacets(byValue)
		if name == "year" {
			sort.Slice(fs, func(i, j int) bool { return fs[i].Value > fs[j].Value })
		}
		out.Facets[name] = fs
	}
	sort.Slice(bySite, func(i, j int) bool {
		if bySite[i].Count != bySite[j].Count {
			return bySite[i].Count > bySite[j].Count
		}
		return bySite[i].Value < bySite[j].Value
	})
	out.Facets[FilterSite] = append([]search.Facet{}, bySite...)
	out.Labels = map[string]map[string]string{FilterSite: labels}
	less := itemLess(out.Sort)
	all := mergeLists(exactLists, less, k)
	more := mergeLists(relaxedLists, less, max(k-len(all), search.SuggestFrom))
	if out.Relaxed {
		var titles []string
		for _, it := range more[:min(len(more), search.SuggestFrom)] {
			t, err := it.s.r.Title(it.i)
			if err != nil {
				return nil, it.s.fail(ctx, err)
			}
			titles = append(titles, t)
		}
		out.Suggest = search.Suggestion(out.Query, bags, titles)
	}
	all = append(all, more...)
	page := all[min((req.Page-1)*req.Size, len(all)):min(k, len(all))]
	if err := r.hits(ctx, page, out); err != nil {
		return nil, err
	}
	out.Pages = min((out.Total+req.Size-1)/req.Size, search.MaxPage)
	return out, nil
}

// hits makes the hits of the page's documents, each site its own, and their sources.
func (r *unified) hits(ctx context.Context, page []item, out *search.Result) error {
	out.Hits = make([]search.Hit, len(page))
	out.Sources = make([]search.Source, len(page))
	at := map[*siteRun][]int{} // positions on the page, by site
	var sites []*siteRun
	for j, it := range page {
		if at[it.s] == nil {
			sites = append(sites, it.s)
		}
		at[it.s] = append(at[it.s], j)
		out.Sources[j] = search.Source{Name: it.s.site.Name, Title: it.s.site.Title}
	}
	if len(page) == 0 {
		out.Hits, out.Sources = nil, nil
	}
	return forEach(len(sites), func(i int) error {
		s := sites[i]
		for _, j := range at[s] {
			if err := ctx.Err(); err != nil {
				return s.fail(ctx, err)
			}
			h, err := s.r.Hit(page[j].i)
			if err != nil {
				return s.fail(ctx, err)
			}
			out.Hits[j] = prefixed(h, s.site.Prefix)
		}
		return nil
	})
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

// itemLess orders two documents of different sites as one site orders its own
// (collect.CompareRanks: by relevance the documents a query names by title, then those with
// more of its articles, then score; by date, dated ones first, then the date, then as by
// relevance), then by site name, then URL.
func itemLess(order string) func(a, b *item) bool {
	return func(a, b *item) bool {
		if c := collect.CompareRanks(order, a.DocRank, b.DocRank); c != 0 {
			return c < 0
		}
		if a.s.site.Name != b.s.site.Name {
			return a.s.site.Name < b.s.site.Name
		}
		return a.URL < b.URL
	}
}

// forEach calls fn(0) … fn(n-1), as many at once as there are CPUs, and returns the error
// of the first i that failed.
func forEach(n int, fn func(i int) error) error {
	workers := min(n, runtime.GOMAXPROCS(0))
	errs := make([]error, n)
	if workers <= 1 {
		for i := range n {
			errs[i] = fn(i)
		}
	} else {
		var next atomic.Int64
		var wg sync.WaitGroup
		for range workers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for {
					i := int(next.Add(1)) - 1
					if i >= n {
						return
					}
					errs[i] = fn(i)
				}
			}()
		}
		wg.Wait()
	}
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
