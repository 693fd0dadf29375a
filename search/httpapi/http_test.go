package httpapi

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/gongkai/gongkai/search"
	"github.com/gongkai/gongkai/search/internal/searchtest"
)

// pageRecorder renders PageData as a line of text and keeps it.
type pageRecorder struct{ last *PageData }

func (p *pageRecorder) render(w http.ResponseWriter, r *http.Request, d *PageData) {
	p.last = d
	_, _ = io.WriteString(w, "<p>"+d.Error+"</p>")
}

func get(t *testing.T, h http.Handler, target string) *httptest.ResponseRecorder {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, target, nil))
	return rec
}

func q(s string) string { return url.QueryEscape(s) }

func TestHandlerPage(t *testing.T) {
	ix := buildIndex(t, search.Options{}, searchtest.Fixture()...)
	p := &pageRecorder{}
	h := NewHandler(NewSwapper(ix).Current, p.render)

	rec := get(t, h, "/search?q="+q("低保"))
	d := p.last
	if rec.Code != 200 || d.Status != 200 || d.Error != "" || d.Result == nil || d.Result.Total != 3 {
		t.Fatalf("code %d, data %+v", rec.Code, d)
	}
	if ct := rec.Header().Get("Content-Type"); ct != "text/html; charset=utf-8" {
		t.Errorf("Content-Type = %q", ct)
	}
	if d.CSVHref != "search.csv?q="+q("低保") || d.JSONHref != "api/search?q="+q("低保") {
		t.Errorf("export hrefs %q %q", d.CSVHref, d.JSONHref)
	}
	typ := findGroup(d.Facets, "type")
	if typ == nil || typ.Label != "类型" || len(typ.Values) != 2 {
		t.Fatalf("type facet group = %+v", typ)
	}
	var policy FacetLink
	for _, v := range typ.Values {
		if v.Value == "policy" {
			policy = v
		}
	}
	if policy.Label != "政策文件" || policy.Count != 1 || policy.Active || policy.Href != "?q="+q("低保")+"&type=policy" {
		t.Errorf("policy facet = %+v", policy)
	}
	if len(d.Sorts) != 3 || !d.Sorts[0].Active || d.Sorts[1].Href != "?q="+q("低保")+"&sort=-date" {
		t.Errorf("sorts = %+v", d.Sorts)
	}

	// Following the facet link filters; the same link now removes it.
	get(t, h, "/search"+policy.Href)
	d = p.last
	if d.Result.Total != 1 || len(d.Active) != 1 || d.Active[0].Href != "?q="+q("低保") {
		t.Errorf("after filtering: total %d, active %+v", d.Result.Total, d.Active)
	}
	if g := findGroup(d.Facets, "type"); g == nil || !g.Values[0].Active {
		t.Errorf("active facet not marked: %+v", g)
	}

	get(t, h, "/search")
	if p.last.Result != nil || p.last.Error != "" || p.last.Status != 200 {
		t.Errorf("blank form: %+v", p.last)
	}

	get(t, h, "/search/?q="+q("低保"))
	if p.last.CSVHref != "../search.csv?q="+q("低保") {
		t.Errorf("hrefs from /search/: %q", p.last.CSVHref)
	}
}

func findGroup(gs []FacetGroup, name string) *FacetGroup {
	for i := range gs {
		if gs[i].Name == name {
			return &gs[i]
		}
	}
	return nil
}

func TestHandlerPageErrors(t *testing.T) {
	ix := buildIndex(t, search.Options{}, searchtest.Fixture()...)
	p := &pageRecorder{}
	h := NewHandler(NewSwapper(ix).Current, p.render)
	for _, target := range []string{
		"/search?q=" + q(strings.Repeat("长", 300)),
		"/search?q=" + q("低保") + "&page=abc",
		"/search?q=" + q("低保") + "&page=101",
		"/search?q=" + q("低保") + "&from=2018/1/1",
		"/search?q=" + q("低保") + "&sort=title",
		"/search?q=" + q("。。"),
	} {
		rec := get(t, h, target)
		if rec.Code != 400 || p.last.Status != 400 || p.last.Error == "" || p.last.Result != nil {
			t.Errorf("%s: code %d, data %+v", target, rec.Code, p.last)
		}
		if !strings.Contains(rec.Body.String(), p.last.Error) {
			t.Errorf("%s: page body %q lacks the message", target, rec.Body.String())
		}
	}

	none := NewHandler(func() *search.Index { return nil }, p.render)
	if rec := get(t, none, "/search?q=x"); rec.Code != 503 || !strings.Contains(p.last.Error, "尚未建立") {
		t.Errorf("no index: %d %q", rec.Code, p.last.Error)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/search?q=x", nil))
	if rec.Code != http.StatusMethodNotAllowed {
		t.Errorf("POST: %d", rec.Code)
	}
}

func TestHandlerPagination(t *testing.T) {
	var recs []search.Record
	for i := 1; i <= 45; i++ {
		id := strings.Repeat("x", i)
		recs = append(recs, search.Record{ID: id, URL: "/p/" + id + "/", Title: "公告", Body: "公告正文"})
	}
	ix := buildIndex(t, search.Options{}, recs...)
	p := &pageRecorder{}
	h := NewHandler(NewSwapper(ix).Current, p.render)

	get(t, h, "/search?q="+q("公告")+"&page=2")
	d := p.last
	if d.Result.Pages != 5 || d.Result.Page != 2 || len(d.Pages) != 5 || !d.Pages[1].Current {
		t.Fatalf("pages: %+v / %+v", d.Result, d.Pages)
	}
	if d.PrevHref != "?q="+q("公告") || d.NextHref != "?page=3&q="+q("公告") {
		t.Errorf("prev %q next %q", d.PrevHref, d.NextHref)
	}
	get(t, h, "/search?q="+q("公告")+"&page=5")
	if p.last.NextHref != "" || len(p.last.Result.Hits) != 5 {
		t.Errorf("last page: next %q, %d hits", p.last.NextHref, len(p.last.Result.Hits))
	}
}

func TestHandlerJSON(t *testing.T) {
	ix := buildIndex(t, search.Options{}, searchtest.Fixture()...)
	h := NewHandler(NewSwapper(ix).Current, (&pageRecorder{}).render)

	rec := get(t, h, "/api/search?q="+q("中发[2017]13号"))
	if rec.Code != 200 || rec.Header().Get("Content-Type") != "application/json; charset=utf-8" {
		t.Fatalf("code %d, type %q", rec.Code, rec.Header().Get("Content-Type"))
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(rec.Body.Bytes(), &raw); err != nil {
		t.Fatal(err)
	}
	if got := keys(raw); !reflect.DeepEqual(got, []string{"exact", "facets", "hits", "page", "pages", "relaxed", "total"}) {
		t.Errorf("top-level keys %v", got)
	}
	var body struct {
		Total  int                          `json:"total"`
		Hits   []map[string]json.RawMessage `json:"hits"`
		Facets map[string][]map[string]json.RawMessage
		Page   int
		Pages  int
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil {
		t.Fatal(err)
	}
	if body.Total != 2 || len(body.Hits) != 2 || body.Page != 1 || body.Pages != 1 {
		t.Fatalf("body %+v", body)
	}
	if got := keys(body.Hits[0]); !reflect.DeepEqual(got, []string{"date", "doc_number", "parts", "score", "section", "snippet", "title", "type", "url"}) {
		t.Errorf("hit keys %v", got)
	}
	if string(body.Hits[0]["url"]) != `"/policies/cited/"` || string(body.Hits[0]["date"]) != `"2017-06-12"` {
		t.Errorf("first hit %s %s", body.Hits[0]["url"], body.Hits[0]["date"])
	}
	if !strings.Contains(string(body.Hits[1]["snippet"]), "<mark>") {
		t.Errorf("snippet %s", body.Hits[1]["snippet"])
	}
	if f := body.Facets["type"]; len(f) != 1 || string(f[0]["value"]) != `"policy"` || string(f[0]["count"]) != "2" {
		t.Errorf("type facet %v", f)
	}
	for _, name := range facetNames {
		if _, ok := body.Facets[name]; !ok {
			t.Errorf("facet %q missing", name)
		}
	}

	rec = get(t, h, "/api/search?q="+q(strings.Repeat("长", 300)))
	var e map[string]string
	if rec.Code != 400 || json.Unmarshal(rec.Body.Bytes(), &e) != nil || !strings.Contains(e["error"], "太长") || len(e) != 1 {
		t.Errorf("bad query: %d %s", rec.Code, rec.Body.String())
	}
}

func keys[V any](m map[string]V) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func TestHandlerCSV(t *testing.T) {
	ix := buildIndex(t, search.Options{}, searchtest.Fixture()...)
	h := NewHandler(NewSwapper(ix).Current, (&pageRecorder{}).render)

	rec := get(t, h, "/search.csv?q="+q("低保"))
	if rec.Code != 200 || !strings.HasPrefix(rec.Header().Get("Content-Type"), "text/csv") ||
		!strings.Contains(rec.Header().Get("Content-Disposition"), "attachment") {
		t.Fatalf("code %d headers %v", rec.Code, rec.Header())
	}
	body := rec.Body.String()
	if !strings.HasPrefix(body, "\uFEFF") {
		t.Fatal("CSV lacks the UTF-8 BOM")
	}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(body, "\uFEFF"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 4 || rows[0][0] != "标题" || len(rows[0]) != 8 {
		t.Fatalf("rows %q", rows)
	}
	for _, row := range rows[1:] {
		if strings.Contains(row[6], "<mark>") || !strings.Contains(row[6], "低保") {
			t.Errorf("snippet cell %q", row[6])
		}
	}
	if rec := get(t, h, "/search.csv?q="+q("低保")+"&year=x&color=red"); rec.Code != 200 {
		t.Errorf("unknown URL parameters should be ignored: %d", rec.Code)
	}
	if rec := get(t, h, "/search.csv?q="+q("！")); rec.Code != 400 {
		t.Errorf("bad query: %d", rec.Code)
	}
	if got := cell("=SUM(A1)"); got != "'=SUM(A1)" {
		t.Errorf("cell = %q", got)
	}
}

func FuzzRequestFromURL(f *testing.F) {
	for _, s := range []string{"q=低保&page=2&sort=-date", "q=x&from=2018-01-01&to=2017-01-01", "page=-1", "size=abc", "type=policy&type=page&year=2018", "q=%E4%BD%8E&to=9999-12-31"} {
		f.Add(s)
	}
	ix := buildIndex(f, search.Options{}) // no records: Search checks the request and finds nothing
	f.Fuzz(func(t *testing.T, raw string) {
		v, err := url.ParseQuery(raw)
		if err != nil {
			return
		}
		req, err := requestFromURL(v)
		if err == nil {
			_, err = ix.Search(context.Background(), req)
		}
		if _, ok := errorIsUser(err); err != nil && !ok {
			t.Fatalf("%q: error %v is not a QueryError", raw, err)
		}
	})
}

// TestHandlerJSONDocuments: a document with its parts, the relaxed pass
// and the suggestion in /api/search's JSON and on the results page.
func TestHandlerJSONDocuments(t *testing.T) {
	url := "/laws/cunwei/"
	body := "第一条 村民委员会是基层群众性自治组织。\n第二条 村民委员会成员由村民直接选举产生。"
	ix := buildIndex(t, search.Options{},
		search.Record{ID: url, URL: url, Title: "中华人民共和国村民委员会组织法", Type: "policy", Body: "为了保障农村村民实行自治，制定本法。"},
		search.Record{ID: url + "#第一条", URL: url, Anchor: "第一条", Title: "中华人民共和国村民委员会组织法", Section: "第一条", Type: "policy", Body: body,
			Parts: []search.Part{{Anchor: "第一条", Section: "第一条", Offset: 0}, {Anchor: "第二条", Section: "第二条", Offset: strings.Index(body, "第二条")}}},
	)
	p := &pageRecorder{}
	h := NewHandler(NewSwapper(ix).Current, p.render)
	var res struct {
		Total, Exact int
		Relaxed      bool
		Suggest      string
		Hits         []struct {
			URL   string
			Parts []struct{ URL, Anchor, Section, Snippet string }
		}
	}
	rec := get(t, h, "/api/search?q="+q("村民委员会组识法"))
	if err := json.Unmarshal(rec.Body.Bytes(), &res); err != nil {
		t.Fatal(err)
	}
	if res.Total != 1 || res.Exact != 0 || !res.Relaxed || res.Suggest != "村民委员会组织法" || len(res.Hits) != 1 || res.Hits[0].URL != url {
		t.Errorf("村民委员会组识法: %s", rec.Body)
	}
	get(t, h, "/search?q="+q("村民委员会组识法")+"&type=policy")
	if len(p.last.ExactHits) != 0 || len(p.last.RelaxedHits) != 1 || !strings.Contains(p.last.SuggestHref, "type=policy") || !strings.Contains(p.last.SuggestHref, "q=%E6%9D%91") {
		t.Errorf("page: %d exact, %d relaxed hits, suggestion %q", len(p.last.ExactHits), len(p.last.RelaxedHits), p.last.SuggestHref)
	}
	rec = get(t, h, "/api/search?q="+q("组织法 第二条"))
	res.Hits = nil
	if err := json.Unmarshal(rec.Body.Bytes(), &res); err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) != 1 || res.Hits[0].URL != url+"#第二条" || len(res.Hits[0].Parts) != 1 || res.Hits[0].Parts[0].Anchor != "第二条" || res.Hits[0].Parts[0].Section != "第二条" {
		t.Errorf("组织法 第二条: %s", rec.Body)
	}
	rec = get(t, h, "/search.csv?q="+q("组织法 选举"))
	if !strings.Contains(rec.Body.String(), url+"#第二条") || strings.Count(rec.Body.String(), "\n") != 2 {
		t.Errorf("CSV, one row per document with its first part's link:\n%s", rec.Body)
	}
}
