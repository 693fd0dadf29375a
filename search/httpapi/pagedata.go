package httpapi

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/gongkai/gongkai/search"
)

// PageData is what the theme's search template renders. Every href keeps
// the current query and filters, so the page works with plain links.
type PageData struct {
	Request *http.Request
	Query   string         // the q parameter as typed
	Search  search.Request // the request as understood
	Result  *search.Result // nil when nothing was asked yet or on error
	Error   string         // zh-CN message for the user; "" when all went well
	Status  int            // HTTP status of the page

	Facets   []FacetGroup // facet values of the result, each a toggle link
	Active   []FacetLink  // filters in force; Href removes one
	Sorts    []SortLink
	Pages    []PageLink // a window of page numbers around the current one
	PrevHref string     // "" on the first page
	NextHref string     // "" on the last page
	CSVHref  string     // all results as CSV
	JSONHref string     // this page as JSON

	// The page's hits split where the relaxed pass begins: RelaxedHits
	// show under 没有完全匹配的结果，以下是相近结果.
	ExactHits   []PageHit
	RelaxedHits []PageHit
	SuggestHref string // the query Result.Suggest, with the same filters
}

// PageHit is a hit as the page shows it: with its source (site) when the
// result merges several indexes.
type PageHit struct {
	search.Hit
	Source search.Source // zero for a single index
}

// FacetGroup is one facet (类型, 年份, …) and its values.
type FacetGroup struct {
	Name   string // filter name: type, issuer, year, …
	Label  string // zh-CN heading
	Values []FacetLink
}

// FacetLink is one facet value; Href toggles it as a filter.
type FacetLink struct {
	Name   string // filter name
	Value  string
	Label  string // display form (类型 values are translated)
	Count  int
	Href   string
	Active bool
}

// SortLink offers one ordering.
type SortLink struct {
	Value  string // "", "date", "-date"
	Label  string
	Href   string
	Active bool
}

// PageLink is one page number.
type PageLink struct {
	Number  int
	Href    string
	Current bool
}

// pageParams are the query parameters links carry over.
func pageParams() []string {
	return append(append([]string{"q", "from", "to", "sort", "size"}, filterNames...), extraFilters...)
}

func (d *PageData) fillLinks(r *http.Request) {
	cur := url.Values{}
	in := r.URL.Query()
	for _, k := range pageParams() {
		for _, v := range in[k] {
			if strings.TrimSpace(v) != "" {
				cur.Add(k, v)
			}
		}
	}
	up := ""
	if strings.HasSuffix(r.URL.Path, "/") {
		up = "../"
	}
	d.CSVHref = up + "search.csv?" + cur.Encode()
	jsonVals := cloneValues(cur)
	if p := in.Get("page"); p != "" {
		jsonVals.Set("page", p)
	}
	d.JSONHref = up + "api/search?" + jsonVals.Encode()

	sortLabels := []struct{ value, label string }{{"", "按相关度"}, {"-date", "最新在前"}, {"date", "最早在前"}}
	for _, s := range sortLabels {
		v := cloneValues(cur)
		v.Del("sort")
		if s.value != "" {
			v.Set("sort", s.value)
		}
		d.Sorts = append(d.Sorts, SortLink{Value: s.value, Label: s.label, Href: "?" + v.Encode(), Active: cur.Get("sort") == s.value})
	}

	labels, types := search.FacetLabels(), search.TypeLabels()
	link := func(name, value string, count int) FacetLink {
		active := contains(cur[name], value)
		v := cloneValues(cur)
		if active {
			v[name] = remove(v[name], value)
		} else {
			v.Add(name, value)
		}
		label := value
		if name == "type" && types[value] != "" {
			label = types[value]
		}
		if l := d.valueLabel(name, value); l != "" {
			label = l
		}
		return FacetLink{Name: name, Value: value, Label: label, Count: count, Href: "?" + v.Encode(), Active: active}
	}
	for _, name := range append(extraFilters, filterNames...) {
		for _, v := range cur[name] {
			d.Active = append(d.Active, link(name, v, 0))
		}
	}
	if d.Result == nil {
		return
	}
	d.splitRelaxed()
	if d.Result.Suggest != "" {
		v := cloneValues(cur)
		v.Set("q", d.Result.Suggest)
		d.SuggestHref = "?" + v.Encode()
	}
	for _, name := range append(extraFilters, facetNames...) {
		if _, ok := d.Result.Facets[name]; !ok && !contains(facetNames, name) {
			continue
		}
		g := FacetGroup{Name: name, Label: labels[name]}
		if name == "site" {
			g.Label = "站点"
		}
		shown := map[string]bool{}
		for _, f := range d.Result.Facets[name] {
			g.Values = append(g.Values, link(name, f.Value, f.Count))
			shown[f.Value] = true
		}
		for _, v := range cur[name] {
			if !shown[v] {
				g.Values = append(g.Values, link(name, v, 0))
			}
		}
		if len(g.Values) > 0 {
			d.Facets = append(d.Facets, g)
		}
	}
	d.fillPages(cur)
}

// splitRelaxed splits the page's hits where the exact documents end.
func (d *PageData) splitRelaxed() {
	res := d.Result
	at := len(res.Hits)
	if res.Relaxed {
		size := d.Search.Size
		if size <= 0 {
			size = search.DefaultPageSize
		}
		size = min(size, search.MaxPageSize)
		at = min(max(res.Exact-(res.Page-1)*size, 0), len(res.Hits))
	}
	hits := make([]PageHit, len(res.Hits))
	for i, h := range res.Hits {
		hits[i].Hit = h
		if i < len(res.Sources) {
			hits[i].Source = res.Sources[i]
		}
	}
	d.ExactHits, d.RelaxedHits = hits[:at], hits[at:]
}

// valueLabel is how the result names a facet value, "" when as itself.
func (d *PageData) valueLabel(name, value string) string {
	if d.Result == nil {
		return ""
	}
	return d.Result.Labels[name][value]
}

// pageWindow is how many page numbers are listed on each side.
const pageWindow = 4

func (d *PageData) fillPages(cur url.Values) {
	res := d.Result
	href := func(n int) string {
		v := cloneValues(cur)
		if n > 1 {
			v.Set("page", strconv.Itoa(n))
		}
		return "?" + v.Encode()
	}
	if res.Pages <= 1 {
		return
	}
	for n := max(1, res.Page-pageWindow); n <= min(res.Pages, res.Page+pageWindow); n++ {
		d.Pages = append(d.Pages, PageLink{Number: n, Href: href(n), Current: n == res.Page})
	}
	if res.Page > 1 {
		d.PrevHref = href(min(res.Page-1, res.Pages))
	}
	if res.Page < res.Pages {
		d.NextHref = href(res.Page + 1)
	}
}

func cloneValues(v url.Values) url.Values {
	out := make(url.Values, len(v))
	for k, vs := range v {
		out[k] = append([]string(nil), vs...)
	}
	return out
}

func contains(vs []string, s string) bool {
	for _, v := range vs {
		if v == s {
			return true
		}
	}
	return false
}

func remove(vs []string, s string) []string {
	var out []string
	for _, v := range vs {
		if v != s {
			out = append(out, v)
		}
	}
	return out
}
