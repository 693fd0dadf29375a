package multi

import (
	"context"
	"fmt"
	"reflect"
	"sort"
	"testing"

	"github.com/gongkai/gongkai/search"
	"github.com/gongkai/gongkai/search/collect"
)

// reference is the unified search by its definition, as it ran before it had two phases:
// every site's full search (SearchLimit, with hits), the relaxed pass on every site when the
// exact documents add up to fewer than RelaxBelow, and the merge of the sites' hits. The
// merged search must answer the same, except that it counts facets exactly where a site's
// own list is cut (facetsCut says which).
func reference(t testing.TB, m *Index, req search.Request) (res *search.Result, facetsCut map[string]bool) {
	t.Helper()
	ctx := context.Background()
	if req.Page == 0 {
		req.Page = 1
	}
	if req.Size == 0 {
		req.Size = search.DefaultPageSize
	}
	k := req.Page * req.Size
	type one struct {
		site Site
		res  *search.Result
	}
	each := req
	each.Filters = map[string][]string{}
	for f, vs := range req.Filters {
		if f != FilterSite {
			each.Filters[f] = vs
		}
	}
	each.Page, each.Size, each.ExactOnly = 1, k, true
	var sites []Site
	for _, s := range m.sites {
		if len(req.Filters[FilterSite]) == 0 || contains(req.Filters[FilterSite], s.Name) {
			if s.Open() != nil {
				sites = append(sites, s)
			}
		}
	}
	all := func() []one {
		var got []one
		for _, s := range sites {
			r, err := s.Open().SearchLimit(ctx, each, search.MaxPageSize)
			if err != nil {
				t.Fatalf("%+v: %s: %v", req, s.Name, err)
			}
			got = append(got, one{s, r})
		}
		return got
	}
	got := all()
	exact := 0
	for _, o := range got {
		exact += o.res.Exact
	}
	if exact < search.RelaxBelow {
		each.ExactOnly = false
		each.Size = max(k, search.RelaxBelow-1+search.SuggestFrom)
		got = all()
	}
	out := &search.Result{Query: req.Query, Page: req.Page, Sort: req.Sort, Facets: map[string][]search.Facet{}, Labels: map[string]map[string]string{FilterSite: {}}}
	for _, name := range search.FacetNames() {
		out.Facets[name] = []search.Facet{}
	}
	type it struct {
		h    search.Hit
		site Site
		rank search.DocRank
	}
	var exactLists, relaxedLists [][]it
	var bags []search.Bag
	counts := map[string]map[string]int{}
	facetsCut = map[string]bool{}
	var bySite []search.Facet
	for _, o := range got {
		r := o.res
		out.Query, out.Sort = r.Query, r.Sort
		out.Total += r.Total
		out.Exact += r.Exact
		out.Labels[FilterSite][o.site.Name] = o.site.Title
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
		var ex, rx []it
		for i, h := range r.Hits {
			if i < r.Exact {
				ex = append(ex, it{prefixed(h, o.site.Prefix), o.site, r.Ranks[i]})
			} else {
				rx = append(rx, it{prefixed(h, o.site.Prefix), o.site, r.Ranks[i]})
			}
		}
		exactLists, relaxedLists = append(exactLists, ex), append(relaxedLists, rx)
		for name, fs := range r.Facets {
			facetsCut[name] = facetsCut[name] || len(fs) >= search.FacetSize
			if counts[name] == nil {
				counts[name] = map[string]int{}
			}
			for _, f := range fs {
				counts[name][f.Value] += f.Count
			}
		}
		if r.Total > 0 {
			bySite = append(bySite, search.Facet{Value: o.site.Name, Count: r.Total})
		}
	}
	for name, byValue := range counts {
		var fs []search.Facet
		for v, n := range byValue {
			fs = append(fs, search.Facet{Value: v, Count: n})
		}
		sort.Slice(fs, func(i, j int) bool {
			if fs[i].Count != fs[j].Count {
				return fs[i].Count > fs[j].Count
			}
			return fs[i].Value < fs[j].Value
		})
		fs = fs[:min(len(fs), search.FacetSize)]
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
	less := func(a, b *it) bool {
		if c := collect.CompareRanks(out.Sort, a.rank, b.rank); c != 0 {
			return c < 0
		}
		return a.site.Name < b.site.Name
	}
	merge := func(lists [][]it, n int) []it {
		var o []it
		at := make([]int, len(lists))
		for len(o) < n {
			best := -1
			for i, l := range lists {
				if at[i] < len(l) && (best < 0 || less(&l[at[i]], &lists[best][at[best]])) {
					best = i
				}
			}
			if best < 0 {
				break
			}
			o = append(o, lists[best][at[best]])
			at[best]++
		}
		return o
	}
	hits := merge(exactLists, k)
	relaxed := merge(relaxedLists, max(k-len(hits), search.SuggestFrom))
	if out.Relaxed {
		var titles []string
		for _, x := range relaxed[:min(len(relaxed), search.SuggestFrom)] {
			titles = append(titles, x.h.Title)
		}
		out.Suggest = search.Suggestion(out.Query, bags, titles)
	}
	hits = append(hits, relaxed...)
	for _, x := range hits[min((req.Page-1)*req.Size, len(hits)):min(k, len(hits))] {
		out.Hits = append(out.Hits, x.h)
		out.Sources = append(out.Sources, search.Source{Name: x.site.Name, Title: x.site.Title})
	}
	out.Pages = min((out.Total+req.Size-1)/req.Size, search.MaxPage)
	return out, facetsCut
}

// sameAsReference checks m's answer to req against reference's.
func sameAsReference(t testing.TB, m *Index, req search.Request) bool {
	t.Helper()
	want, cut := reference(t, m, req)
	got, err := m.Search(context.Background(), req)
	if err != nil {
		t.Errorf("%+v: %v", req, err)
		return false
	}
	ok := true
	diff := func(what string, g, w any) {
		if !reflect.DeepEqual(g, w) {
			t.Errorf("%q %+v: %s:\n got %v\nwant %v", req.Query, req, what, g, w)
			ok = false
		}
	}
	diff("counts", fmt.Sprint(got.Total, got.Exact, got.Relaxed, got.Pages, got.Sort, got.Query), fmt.Sprint(want.Total, want.Exact, want.Relaxed, want.Pages, want.Sort, want.Query))
	diff("suggestion", got.Suggest, want.Suggest)
	diff("hits", got.Hits, want.Hits)
	diff("sources", got.Sources, want.Sources)
	diff("labels", got.Labels, want.Labels)
	for name, fs := range want.Facets {
		if !cut[name] && len(fs)+len(got.Facets[name]) > 0 {
			diff("facet "+name, got.Facets[name], fs)
		}
	}
	return ok
}
