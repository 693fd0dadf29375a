package multi

import (
	"context"
	"fmt"
	"reflect"
	"sort"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gongkai/gongkai/search"
	"github.com/gongkai/gongkai/search/internal/indextest"
	"github.com/gongkai/gongkai/search/internal/searchtest"
	"github.com/gongkai/gongkai/search/mapping"
)

func day(s string) time.Time { return searchtest.Day(s) }

func open(t *testing.T, records ...mapping.Record) *search.Index {
	t.Helper()
	return indextest.Open(t, search.Options{}, records...)
}

func page(id, title, body, typ, date string) mapping.Record {
	r := mapping.Record{ID: id, URL: "/" + id + "/", Title: title, Body: body, Type: typ}
	if date != "" {
		r.Date = day(date)
	}
	return r
}

// platform: a county (xian), a town (zhen) and a community (shequ).
func platform(t *testing.T) (*Index, map[string]*search.Index) {
	t.Helper()
	ixs := map[string]*search.Index{
		"xian": open(t,
			page("p/dibao", "关于做好最低生活保障工作的通知", "各乡镇要做好低保对象的认定工作。低保资金按月发放。", "policy", "2026-03-01"),
			page("p/jiuzhu", "临时救助实施办法", "临时救助由县民政局负责。", "policy", "2026-04-02"),
			page("p/ziyuan", "县自然资源规划", "只在县里出现的独有词语：山林确权登记。", "policy", "2025-01-05"),
		),
		"zhen": open(t,
			page("d/dibao", "镇低保对象公示", "本镇低保对象名单公示如下。", "disclosure", "2026-05-01"),
			page("d/caiwu", "镇财务公开", "村务公开与财务公开。", "disclosure", "2026-02-01"),
			page("p/dibao2", "低保资金发放", "低保资金按季度发放。", "policy", ""),
		),
		"shequ": open(t,
			page("d/q2", "社区第二季度居务公开", "社区低保户走访情况，低保资金已到位。", "disclosure", "2026-06-30"),
			page("d/weiyuanhui", "居民委员会选举", "居民委员会换届选举结果。", "disclosure", "2026-01-10"),
		),
	}
	var sites []Site
	for _, n := range []string{"xian", "zhen", "shequ"} {
		ix := ixs[n]
		sites = append(sites, Site{Name: n, Title: n + "站", Prefix: "/" + n, Open: func() *search.Index { return ix }})
	}
	m, err := New(sites)
	if err != nil {
		t.Fatal(err)
	}
	return m, ixs
}

func run(t *testing.T, s interface {
	SearchLimit(context.Context, search.Request, int) (*search.Result, error)
}, req search.Request) *search.Result {
	t.Helper()
	res, err := s.SearchLimit(context.Background(), req, search.MaxPageSize)
	if err != nil {
		t.Fatalf("%q: %v", req.Query, err)
	}
	return res
}

func hitKeys(res *search.Result) []string {
	var out []string
	for i, h := range res.Hits {
		out = append(out, res.Sources[i].Name+" "+h.URL)
	}
	return out
}

func facet(res *search.Result, name string) map[string]int {
	out := map[string]int{}
	for _, f := range res.Facets[name] {
		out[f.Value] = f.Count
	}
	return out
}

func TestPhraseInOneSite(t *testing.T) {
	m, _ := platform(t)
	res := run(t, m, search.Request{Query: "山林确权"})
	if got, want := hitKeys(res), []string{"xian /xian/p/ziyuan/"}; !reflect.DeepEqual(got, want) {
		t.Errorf("hits %v, want %v", got, want)
	}
	if got := facet(res, FilterSite); !reflect.DeepEqual(got, map[string]int{"xian": 1}) {
		t.Errorf("site facet %v", got)
	}
	if res.Total != 1 || res.Exact != 1 || res.Labels[FilterSite]["xian"] != "xian站" || res.Sources[0].Title != "xian站" {
		t.Errorf("total %d exact %d relaxed %v labels %v sources %v", res.Total, res.Exact, res.Relaxed, res.Labels, res.Sources)
	}
}

// The merged hits are each site's hits, by score, then site, then URL; counts and facets
// are the sites' summed.
func TestMergeRules(t *testing.T) {
	m, ixs := platform(t)
	for _, c := range []struct{ q, sort string }{{"低保", ""}, {"低保", "date"}, {"低保", "-date"}, {"低保 OR 公开 OR 资金 OR 居民", ""}, {"低保 OR 公开 OR 资金 OR 居民", "-date"}} {
		sortBy := c.sort
		req := search.Request{Query: c.q, Sort: sortBy, Size: 100}
		res := run(t, m, req)
		type row struct {
			site string
			h    search.Hit
		}
		var all []row
		total, facets := 0, map[string]map[string]int{}
		for name, ix := range ixs {
			one := run(t, ix, req)
			total += one.Total
			for _, h := range one.Hits {
				all = append(all, row{name, h})
			}
			for fname, fs := range one.Facets {
				for _, f := range fs {
					if facets[fname] == nil {
						facets[fname] = map[string]int{}
					}
					facets[fname][f.Value] += f.Count
				}
			}
			if got := facet(res, FilterSite)[name]; got != one.Total {
				t.Errorf("sort %q: site facet %s = %d, the site alone finds %d", sortBy, name, got, one.Total)
			}
		}
		sort.SliceStable(all, func(i, j int) bool {
			a, b := all[i], all[j]
			if sortBy != "" && !a.h.Date.Equal(b.h.Date) {
				if a.h.Date.IsZero() != b.h.Date.IsZero() {
					return !a.h.Date.IsZero()
				}
				return a.h.Date.After(b.h.Date) == (sortBy == "-date")
			}
			if a.h.Score != b.h.Score {
				return a.h.Score > b.h.Score
			}
			if a.site != b.site {
				return a.site < b.site
			}
			return a.h.URL < b.h.URL
		})
		var want []string
		for _, r := range all {
			want = append(want, r.site+" /"+r.site+r.h.URL)
		}
		if got := hitKeys(res); !reflect.DeepEqual(got, want) {
			t.Errorf("sort %q:\n got %v\nwant %v", sortBy, got, want)
		}
		if res.Total != total || res.Exact != total || len(want) < 4 {
			t.Errorf("sort %q: total %d, want %d (%d hits)", sortBy, res.Total, total, len(want))
		}
		for fname, byValue := range facets {
			if got := facet(res, fname); !reflect.DeepEqual(got, byValue) {
				t.Errorf("sort %q: facet %s = %v, want %v", sortBy, fname, got, byValue)
			}
		}
	}
}

func TestSiteFilter(t *testing.T) {
	m, ixs := platform(t)
	res := run(t, m, search.Request{Query: "低保", Filters: map[string][]string{FilterSite: {"zhen", "shequ"}, "type": {"disclosure"}}})
	if got, want := facet(res, FilterSite), map[string]int{"zhen": 1, "shequ": 1}; !reflect.DeepEqual(got, want) {
		t.Errorf("site facet %v, want %v", got, want)
	}
	for i := range res.Hits {
		if s := res.Sources[i].Name; s == "xian" {
			t.Errorf("hit %d from %s", i, s)
		}
	}
	// The site's own search: its hits, links under its path.
	alone := run(t, Alone{Site: m.Sites()[1]}, search.Request{Query: "低保"})
	one := run(t, ixs["zhen"], search.Request{Query: "低保"})
	if alone.Total != one.Total || alone.Hits[0].URL != "/zhen"+one.Hits[0].URL || alone.Sources != nil {
		t.Errorf("alone: %d hits, first %s; the index: %d, %s", alone.Total, alone.Hits[0].URL, one.Total, one.Hits[0].URL)
	}
	if one.Hits[0].URL[:5] == "/zhen" {
		t.Errorf("Alone changed the index's own result: %s", one.Hits[0].URL)
	}
	none := run(t, m, search.Request{Query: "低保", Filters: map[string][]string{FilterSite: {"nosuch"}}})
	if none.Total != 0 || len(none.Hits) != 0 {
		t.Errorf("unknown site: %d hits", none.Total)
	}
}

// The relaxed pass runs on the sum of the sites' exact documents: two sites with one exact
// document each and a third with one more make three, so none relaxes, though each alone would.
func TestRelaxedOnTheSum(t *testing.T) {
	m, ixs := platform(t)
	// 居民委员会 exactly in shequ only (1 document): relaxed everywhere.
	res := run(t, m, search.Request{Query: "居民委员会怎么选举"})
	if !res.Relaxed {
		t.Fatalf("not relaxed: %v", hitKeys(res))
	}
	// 资金 in xian (1) and zhen (1): each alone relaxes a relaxable query; together 2 < 3 relax.
	// 公开 in zhen (1) and shequ (1) and 公示 … use 低保 (xian 1, zhen 2, shequ 1) with a word
	// that relaxes: each site alone finds fewer than 3, the sum is 4.
	q := "低保资金"
	sum := 0
	for _, ix := range ixs {
		one := run(t, ix, search.Request{Query: q})
		if one.Exact >= search.RelaxBelow || !one.Relaxed {
			t.Fatalf("a site alone finds %d (relaxed %v)", one.Exact, one.Relaxed)
		}
		sum += one.Exact
	}
	res = run(t, m, search.Request{Query: q})
	if res.Relaxed || res.Exact != sum || sum < search.RelaxBelow {
		t.Errorf("relaxed %v exact %d sum %d", res.Relaxed, res.Exact, sum)
	}
}

func TestSuggestionFromMergedTitles(t *testing.T) {
	m, _ := platform(t)
	res := run(t, m, search.Request{Query: "居民委会选举"})
	if !res.Relaxed || res.Suggest != "居民委员会选举" {
		t.Errorf("relaxed %v suggest %q hits %v", res.Relaxed, res.Suggest, hitKeys(res))
	}
}

// Pages are slices of one merged order.
func TestPaging(t *testing.T) {
	m, _ := platform(t)
	all := hitKeys(run(t, m, search.Request{Query: "低保 OR 公开", Size: 100}))
	var paged []string
	for p := 1; ; p++ {
		res := run(t, m, search.Request{Query: "低保 OR 公开", Size: 2, Page: p})
		paged = append(paged, hitKeys(res)...)
		if p >= res.Pages {
			break
		}
	}
	if !reflect.DeepEqual(all, paged) || len(all) < 4 {
		t.Errorf("pages %v, all %v", paged, all)
	}
}

func TestErrors(t *testing.T) {
	m, _ := platform(t)
	for _, req := range []search.Request{
		{Query: "低保", Page: search.MaxPage + 1},
		{Query: "低保", Sort: "title"},
		{Query: "低保", Filters: map[string][]string{"colour": {"red"}}},
		{Query: "低保", Filters: map[string][]string{FilterSite: make([]string, search.MaxQueryTerms+1)}},
	} {
		_, err := m.Search(context.Background(), req)
		if _, ok := err.(*search.QueryError); !ok {
			t.Errorf("%+v: %v, want a *QueryError", req, err)
		}
	}
	if _, err := New([]Site{{Name: "a"}, {Name: "a"}}); err == nil {
		t.Error("New accepted a repeated name")
	}
	// A site without an index is left out.
	ms, err := New([]Site{{Name: "a", Open: func() *search.Index { return nil }}})
	if err != nil {
		t.Fatal(err)
	}
	if res := run(t, ms, search.Request{Query: "低保"}); res.Total != 0 {
		t.Error(fmt.Sprint(res.Total))
	}
}

// Answers are kept until a site's index changes.
func TestCache(t *testing.T) {
	ixs := map[string]*search.Index{
		"a": open(t, page("p/1", "社区服务", "社区服务中心。", "policy", "2026-01-01")),
		"b": open(t, page("p/2", "社区治理", "社区治理办法。", "policy", "2026-02-01")),
	}
	newer := open(t, page("p/2", "社区治理", "社区治理办法。", "policy", "2026-02-01"), page("p/3", "社区网格", "社区网格员。", "policy", "2026-03-01"))
	var b atomic.Pointer[search.Index]
	b.Store(ixs["b"])
	m, err := New([]Site{
		{Name: "a", Title: "A", Open: func() *search.Index { return ixs["a"] }},
		{Name: "b", Title: "B", Open: b.Load},
	})
	if err != nil {
		t.Fatal(err)
	}
	req := search.Request{Query: "社区"}
	first := run(t, m, req)
	again := run(t, m, req)
	if again.Total != 2 || !reflect.DeepEqual(hitKeys(first), hitKeys(again)) || &first.Hits[0] != &again.Hits[0] {
		t.Errorf("asked again: %v, then %v (kept: %v)", hitKeys(first), hitKeys(again), &first.Hits[0] == &again.Hits[0])
	}
	if other := run(t, m, search.Request{Query: "社区", Sort: "-date"}); other.Hits[0].URL != "/p/2/" {
		t.Errorf("another order answered from the cache: %v", hitKeys(other))
	}
	b.Store(newer)
	if after := run(t, m, req); after.Total != 3 {
		t.Errorf("after b's new index: %d documents, want 3", after.Total)
	}
}

// The two-phase search answers as the sites' full searches merged, with the term filters and
// without them (while they are being made).
func TestSameAsFullSearches(t *testing.T) {
	cases := []search.Request{
		{Query: "低保"}, {Query: "低保", Sort: "date"}, {Query: "低保", Sort: "-date"},
		{Query: "低保 OR 公开 OR 资金 OR 居民"}, {Query: "低保 OR 公开 OR 资金 OR 居民", Size: 2, Page: 2},
		{Query: "山林确权"}, {Query: "居民委员会怎么选举"}, {Query: "居民委会选举"}, {Query: "低保资金"},
		{Query: "低保", Filters: map[string][]string{FilterSite: {"zhen", "shequ"}, "type": {"disclosure"}}},
		{Query: "", Filters: map[string][]string{"type": {"policy"}}}, {Query: "没有这个词"}, {Query: "低保 -资金"},
	}
	for _, warm := range []bool{false, true} {
		m, _ := platform(t)
		m.cache = nil
		if warm {
			m.Warm()
		}
		for _, req := range cases {
			sameAsReference(t, m, req)
		}
	}
}

// The site facet lists every site with documents, not the first 20, each counted exactly.
func TestSiteFacetListsEverySite(t *testing.T) {
	var sites []Site
	for i := range 25 {
		ix := open(t, page(fmt.Sprintf("p/%d", i), "社区服务", fmt.Sprint("社区服务中心", i), "policy", "2026-01-01"))
		sites = append(sites, Site{Name: fmt.Sprintf("s%02d", i), Title: "站", Open: func() *search.Index { return ix }})
	}
	m, err := New(sites)
	if err != nil {
		t.Fatal(err)
	}
	res := run(t, m, search.Request{Query: "社区服务"})
	if got := res.Facets[FilterSite]; len(got) != 25 || got[0] != (search.Facet{Value: "s00", Count: 1}) || got[24].Value != "s24" {
		t.Errorf("site facet: %d values %v", len(got), got)
	}
}

// Facets count exactly over the sites: a value outside a site's own first 20 still counts.
func TestFacetsExactOverSites(t *testing.T) {
	var many []mapping.Record
	for y := 2001; y <= 2025; y++ {
		many = append(many, page(fmt.Sprintf("p/%d", y), "社区服务", "社区服务中心", "policy", fmt.Sprintf("%d-01-01", y)))
	}
	a := open(t, many...)
	b := open(t, page("p/x", "社区服务", "社区服务站", "policy", "2025-06-01"))
	m, err := New([]Site{{Name: "a", Open: func() *search.Index { return a }}, {Name: "b", Open: func() *search.Index { return b }}})
	if err != nil {
		t.Fatal(err)
	}
	// Alone, a lists 2001…2020 (ties by value) and leaves 2025 out.
	if got := facet(run(t, a, search.Request{Query: "社区服务"}), "year"); got["2025"] != 0 || len(got) != search.FacetSize {
		t.Fatalf("a alone: %v", got)
	}
	res := run(t, m, search.Request{Query: "社区服务"})
	if got := res.Facets["year"]; len(got) != search.FacetSize || got[0] != (search.Facet{Value: "2025", Count: 2}) {
		t.Errorf("year facet %v, want 2025 (2 documents) among the 20 and first", got)
	}
}

// A site whose term filter lacks a word of the query is not searched at all.
func TestTermFilterLeavesSitesOut(t *testing.T) {
	m, _ := platform(t)
	m.Warm()
	for _, c := range []struct {
		q      string
		ranked []string
	}{{"山林确权", []string{"xian"}}, {"居民委员会", []string{"shequ"}}, {"低保", []string{"xian", "zhen", "shequ"}}, {"没有这个词", nil}} {
		u := &unified{m: m, req: search.Request{Query: c.q, Page: 1, Size: 10}}
		var chosen []*Site
		for i := range m.sites {
			chosen = append(chosen, &m.sites[i])
		}
		if _, err := u.search(context.Background(), chosen, search.MaxPageSize); err != nil {
			t.Fatal(err)
		}
		var ranked []string
		for _, s := range u.sites {
			if s.r != nil {
				ranked = append(ranked, s.site.Name)
			}
		}
		u.release()
		if !reflect.DeepEqual(ranked, c.ranked) {
			t.Errorf("%s: searched %v, want %v", c.q, ranked, c.ranked)
		}
	}
}

// A document the query names by its whole title comes first over all sites, as on one site,
// though another site's rule citing it scores higher (食品安全法 before 北京市实施…食品安全法办法).
func TestTitleRuleAcrossSites(t *testing.T) {
	law := open(t, page("law", "中华人民共和国食品安全法", "为了保证食品安全，保障公众身体健康和生命安全，制定本法。", "policy", "2021-04-29"))
	rule := open(t, page("rule", "北京市实施《中华人民共和国食品安全法》办法", "根据《中华人民共和国食品安全法》制定本办法。食品安全法规定的，依照食品安全法。食品安全法未规定的，依照本条例。", "policy", "2022-01-01"))
	var sites []Site
	for _, s := range []struct {
		name string
		ix   *search.Index
	}{{"a", rule}, {"b", law}} {
		sites = append(sites, Site{Name: s.name, Title: s.name, Prefix: "/" + s.name, Open: func() *search.Index { return s.ix }})
	}
	m, err := New(sites)
	if err != nil {
		t.Fatal(err)
	}
	if one := run(t, rule, search.Request{Query: "食品安全法"}); len(one.Hits) == 0 || one.Hits[0].Score <= run(t, law, search.Request{Query: "食品安全法"}).Hits[0].Score {
		t.Fatal("the fixture must give the rule the higher score")
	}
	for _, sort := range []string{"", "date"} {
		res := run(t, m, search.Request{Query: "食品安全法", Sort: sort})
		want := []string{"b /b/law/", "a /a/rule/"} // by date too: 2021 before 2022
		if got := hitKeys(res); !reflect.DeepEqual(got, want) {
			t.Errorf("sort %q: hits %v, want %v", sort, got, want)
		}
	}
	sameAsReference(t, m, search.Request{Query: "食品安全法"})
}
