// Package multi searches several indexes as one (统一搜索 over a platform's
// sites): it runs the same document-level search (search.Index) on each
// index, with each index's own statistics, and merges the results by fixed
// rules, so that the static client (generator/platform/assets/platform.js)
// reproduces them exactly from the sites' exports.
//
// A search runs in two phases (run.go): every site that may match (its
// term filter, terms.go) ranks its documents, counting and faceting them,
// without making hits; the merge picks the page; only the page's documents
// are made into hits, each by its site. The answer is the one the rules
// give over each site's full search, as a site alone gives it.
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
//   - Total and Exact are sums. Each facet counts documents exactly: every
//     value's counts summed over the indexes (each index counts all its
//     values, not only those it would list), then cut to search.FacetSize
//     by count, then value (years newest first), as one index does. The
//     FilterSite facet counts each index's documents, labelled with its
//     title, and lists every index with documents (count desc, then name),
//     not cut: a page may show fewer.
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
	"strings"
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
	sites   []Site
	cache   *resultCache
	filters filters
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

// Warm makes the term filters of every site's current index and waits for them (a search
// makes those it misses in the background and meanwhile searches those sites in full).
func (m *Index) Warm() { m.filters.wait(m.sites) }

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
	ctx, cancel := context.WithTimeout(ctx, search.QueryBudget)
	defer cancel()
	each := search.Request{Query: req.Query, Filters: filters, From: req.From, To: req.To, Sort: req.Sort, Page: req.Page, Size: req.Size}
	r := &unified{m: m, req: each}
	defer r.release()
	out, err := r.search(ctx, chosen, maxSize)
	if err != nil {
		return nil, err
	}
	out.Took = time.Since(start)
	if key != "" {
		kept := *out
		m.cache.put(key, &kept)
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
