package search

import (
	"context"
	"errors"
	"fmt"
	"os"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/gongkai/gongkai/search/analysis"
	"github.com/gongkai/gongkai/search/internal/searchtest"
	"github.com/gongkai/gongkai/search/mapping"
)

func TestSearchRules(t *testing.T) {
	ix := buildIndex(t, Options{}, searchtest.Fixture()...)
	tests := []struct {
		name, q string
		want    []string // URLs, order-insensitive unless ordered
		ordered bool
	}{
		{"han run is a phrase", "低保资金", []string{"/policies/dibao/"}, false},
		{"bigram phrase not split", "低保", []string{"/policies/dibao/", "/pages/gap/", "/pages/exact/"}, false},
		{"phrase does not bridge punctuation", "低保障", []string{"/pages/exact/"}, false},
		{"single char finds inside runs", "低", []string{"/policies/dibao/", "/pages/apart/", "/pages/gap/", "/pages/exact/"}, false},
		{"single char at run end", "保", []string{"/policies/dibao/", "/pages/apart/", "/pages/gap/", "/pages/exact/"}, false},
		{"words must all match", "低保 资金", []string{"/policies/dibao/"}, false},
		{"words across fields", "通知 资金", []string{"/policies/dibao/"}, false},
		{"exclusion", "低保 -障碍", []string{"/policies/dibao/", "/pages/gap/"}, false},
		{"or", "障碍 OR 资金", []string{"/policies/dibao/", "/pages/exact/"}, false},
		{"padded name in text", "刘智", []string{"/disclosures/vote/"}, false},
		{"padded name in query", "刘 智", []string{"/disclosures/vote/"}, false},
		{"doc number brackets", "中发[2017]13号", []string{"/policies/cite/", "/policies/cited/"}, false},
		{"doc number tortoise brackets", "中发〔2017〕13号", []string{"/policies/cite/", "/policies/cited/"}, false},
		{"doc number full width", "中发（２０１７）１３号", []string{"/policies/cite/", "/policies/cited/"}, false},
		{"doc number ranks its document first", "中发〔2017〕13号", []string{"/policies/cited/", "/policies/cite/"}, true},
		{"number then run", "13号文", []string{"/policies/cite/"}, false},
		// Quoted, as 第1条 alone is an article reference (the unit with anchor 第一条), not text.
		{"single char before digits", `"第1条"`, []string{"/policies/cite/"}, false},
		{"synonym short to long", "居委会", []string{"/pages/jumin/"}, false},
		{"village affairs synonyms", "村务公开", []string{"/pages/cunju/", "/pages/juwu/"}, false},
		{"bracketed form typed", "村（居）务公开", []string{"/pages/cunju/", "/pages/juwu/"}, false},
		{"full width text", "2018年3月1日", []string{"/pages/wide/"}, false},
		{"full width query", "ａｂｃ公司", []string{"/pages/wide/"}, false},
		{"quoted latin phrase", `"social security"`, []string{"/pages/latin/"}, false},
		{"latin phrase order matters", `"security social"`, nil, false},
		{"title boosted", "特困人员", []string{"/pages/titled/", "/policies/dibao/"}, true},
		{"a section finds its document", "临时救助", []string{"/policies/dibao/"}, false},
		{"words in the title and in a part", "通知 临时救助", []string{"/policies/dibao/"}, false},
		{"nothing", "不存在的词", nil, false},
		{"only exclusion", "-低保 -社区 -公开", nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := urls(t, ix, Request{Query: tt.q})
			if tt.name == "only exclusion" {
				if len(got) == 0 || containsAny(got, "/policies/dibao/", "/pages/jumin/", "/pages/cunju/") {
					t.Fatalf("%q = %v", tt.q, got)
				}
				return
			}
			want := append([]string(nil), tt.want...)
			if !tt.ordered {
				sort.Strings(got)
				sort.Strings(want)
			}
			if !reflect.DeepEqual(got, want) && !(len(got) == 0 && len(want) == 0) {
				t.Errorf("%q = %v, want %v", tt.q, got, want)
			}
		})
	}
}

func containsAny(list []string, vs ...string) bool {
	for _, v := range vs {
		if slices.Contains(list, v) {
			return true
		}
	}
	return false
}

func TestSearchFiltersFacetsSort(t *testing.T) {
	ix := buildIndex(t, Options{}, searchtest.Fixture()...)
	ctx := context.Background()

	res, err := ix.Search(ctx, Request{Query: "低保"})
	if err != nil {
		t.Fatal(err)
	}
	if got := facetValues(res.Facets["type"]); !reflect.DeepEqual(got, []string{"page:2", "policy:1"}) {
		t.Errorf("type facet = %v", got)
	}
	if got := facetValues(res.Facets["year"]); !reflect.DeepEqual(got, []string{"2020:1", "2018:1"}) {
		t.Errorf("year facet = %v (want newest first)", got)
	}

	got := urls(t, ix, Request{Query: "低保", Filters: map[string][]string{"type": {"policy"}}})
	if !reflect.DeepEqual(got, []string{"/policies/dibao/"}) {
		t.Errorf("type filter: %v", got)
	}
	got = urls(t, ix, Request{Filters: map[string][]string{"issuer": {"昆明市民政局"}, "department": {"市财政局"}}})
	if !reflect.DeepEqual(got, []string{"/policies/dibao/"}) {
		t.Errorf("issuer+department filter: %v", got)
	}
	got = urls(t, ix, Request{Filters: map[string][]string{"year": {"2017", "2018"}}, Sort: "date"})
	want := []string{"/policies/other/", "/policies/cited/", "/policies/cite/"}
	if len(got) != 4 || !reflect.DeepEqual(got[:3], want) {
		t.Errorf("year filter sorted by date: %v", got)
	}
	got = urls(t, ix, Request{Query: "公开 OR 2018年 OR 刘智", Sort: "-date"})
	if len(got) < 2 || got[0] != "/pages/wide/" || got[len(got)-1] == "/pages/wide/" {
		t.Errorf("-date sort: %v", got)
	}
	got = urls(t, ix, Request{From: searchtest.Day("2019-01-01"), To: searchtest.Day("2020-12-31")})
	sort.Strings(got)
	if !reflect.DeepEqual(got, []string{"/pages/apart/", "/pages/exact/"}) {
		t.Errorf("date range: %v", got)
	}
	got = urls(t, ix, Request{Query: "公开", Filters: map[string][]string{"village": {"新村"}}})
	if len(got) != 0 {
		t.Errorf("village filter: %v", got)
	}
}

func facetValues(fs []Facet) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Value+":"+strconv.Itoa(f.Count))
	}
	return out
}

func TestSearchHits(t *testing.T) {
	ix := buildIndex(t, Options{}, searchtest.Fixture()...)
	res, err := ix.Search(context.Background(), Request{Query: "中发[2017]13号"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != 2 || res.Pages != 1 || res.Page != 1 || res.Took <= 0 {
		t.Fatalf("result = %+v", res)
	}
	h := res.Hits[0]
	if h.URL != "/policies/cited/" || h.DocNumber != "中发〔2017〕13号" || h.Type != "policy" || !h.Date.Equal(searchtest.Day("2017-06-12")) || h.Score <= 0 {
		t.Errorf("hit = %+v", h)
	}
	cite := res.Hits[1]
	if !strings.Contains(string(cite.Snippet), "<mark>中发[2017]13号</mark>") || !strings.Contains(string(cite.Snippet), "<mark>中发〔2017〕13号</mark>") {
		t.Errorf("snippet = %s", cite.Snippet)
	}
}

func TestSearchPaging(t *testing.T) {
	var recs []mapping.Record
	for i := 0; i < 25; i++ {
		recs = append(recs, mapping.Record{ID: strconv.Itoa(i + 1), URL: "/p/" + strconv.Itoa(i+1) + "/", Title: "公告", Body: "村务公开第" + strconv.Itoa(i+1) + "期", Date: searchtest.Day("2020-01-01").AddDate(0, 0, i)})
	}
	ix := buildIndex(t, Options{}, recs...)
	res, err := ix.Search(context.Background(), Request{Query: "公告", Page: 3, Size: 10})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != 25 || res.Pages != 3 || len(res.Hits) != 5 {
		t.Errorf("page 3: total %d pages %d hits %d", res.Total, res.Pages, len(res.Hits))
	}
	res, err = ix.Search(context.Background(), Request{Query: "公告", Page: 9})
	if err != nil || len(res.Hits) != 0 {
		t.Errorf("page past the end: %v, %v", res, err)
	}
	res, err = ix.Search(context.Background(), Request{Size: 1000})
	if err != nil || len(res.Hits) != MaxPageSize && len(res.Hits) != 25 {
		t.Errorf("size cap: %v", err)
	}
	if res.Hits[0].URL != "/p/25/" {
		t.Errorf("empty query lists newest first, got %s", res.Hits[0].URL)
	}
}

func TestSearchErrors(t *testing.T) {
	ix := buildIndex(t, Options{}, searchtest.Fixture()...)
	bad := []Request{
		{Query: strings.Repeat("字", MaxQueryRunes+1)},
		{Query: strings.Repeat("词语 ", MaxQueryTerms+1)},
		{Query: "低保", Page: MaxPage + 1},
		{Query: "低保", Page: -1},
		{Query: "低保", Filters: map[string][]string{"color": {"red"}}},
		{Query: "低保", Sort: "title"},
		{Query: "低保", From: searchtest.Day("2020-01-01"), To: searchtest.Day("2019-01-01")},
		{Query: "低保", From: time.Date(1, 1, 1, 0, 0, 1, 0, time.UTC)},
		{Query: "！！"},
	}
	for _, req := range bad {
		_, err := ix.Search(context.Background(), req)
		var qe *QueryError
		if !errors.As(err, &qe) || qe.Message == "" {
			t.Errorf("Search(%+v) error = %v, want *QueryError", req, err)
		}
	}
}

func TestSearchTimeBudget(t *testing.T) {
	ix := buildIndex(t, Options{}, searchtest.Fixture()...)
	ctx, cancel := context.WithDeadline(context.Background(), time.Now().Add(-time.Second))
	defer cancel()
	_, err := ix.Search(ctx, Request{Query: "低保"})
	if !errors.Is(err, ErrTimeout) {
		t.Errorf("expired context: err = %v, want ErrTimeout", err)
	}
}

func TestClosedIndex(t *testing.T) {
	ix := buildIndex(t, Options{}, searchtest.Fixture()...)
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := ix.Search(context.Background(), Request{Query: "低保"}); !errors.Is(err, ErrClosed) {
		t.Errorf("search after close: %v", err)
	}
	if err := ix.Close(); err != nil {
		t.Errorf("second close: %v", err)
	}
}

func TestWriterErrors(t *testing.T) {
	dir := t.TempDir()
	if _, err := NewWriter(dir, Options{}); err == nil {
		t.Error("NewWriter on an existing directory succeeded")
	}
	if _, err := NewWriter(dir+"/x", Options{Synonyms: [][]string{{"一"}}}); err == nil {
		t.Error("NewWriter with a one-term synonym group succeeded")
	}
	w, err := NewWriter(dir+"/ix", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Add(mapping.Record{URL: "/a/"}); err == nil {
		t.Error("record without ID accepted")
	}
	if err := w.Add(mapping.Record{ID: "a"}); err == nil {
		t.Error("record without URL accepted")
	}
	if err := w.Add(mapping.Record{ID: "a", URL: "/a/", Body: "一"}); err != nil {
		t.Fatal(err)
	}
	if err := w.Add(mapping.Record{ID: "a", URL: "/a/"}); err == nil {
		t.Error("duplicate ID accepted")
	}
	man, err := w.Close("abc")
	if err != nil {
		t.Fatal(err)
	}
	if man.Records != 1 || man.Documents != 1 || man.ContentHash != "abc" || man.SizeBytes <= 0 || man.FormatVersion != FormatVersion {
		t.Errorf("manifest = %+v", man)
	}
	if err := w.Add(mapping.Record{ID: "b", URL: "/b/"}); err == nil {
		t.Error("Add after Close accepted")
	}
	if _, err := Open(t.TempDir()); err == nil {
		t.Error("Open of an empty directory succeeded")
	}
	read, err := ReadManifest(dir + "/ix")
	if err != nil || !reflect.DeepEqual(read.Synonyms, analysis.DefaultSynonyms()) {
		t.Errorf("ReadManifest = %+v, %v", read, err)
	}
}

func TestShardsAndEmptyIndexes(t *testing.T) {
	ctx := context.Background()
	empty := buildIndex(t, Options{Shards: 3})
	res, err := empty.Search(ctx, Request{Query: "低保"})
	if err != nil || res.Total != 0 || len(res.Hits) != 0 {
		t.Errorf("empty index: %+v, %v", res, err)
	}
	if len(empty.Manifest().Shards) != 0 {
		t.Errorf("empty index has shards %v", empty.Manifest().Shards)
	}

	one := buildIndex(t, Options{Shards: 4}, searchtest.Fixture()[0])
	if got := one.Manifest().Shards; len(got) != 1 {
		t.Errorf("one record kept shards %v", got)
	}
	if got := urls(t, one, Request{Query: "低保"}); len(got) != 1 {
		t.Errorf("one record: %v", got)
	}
	entries, err := os.ReadDir(one.Dir())
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 2 { // manifest.json and the one shard
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("index directory holds %v", names)
	}

	single := buildIndex(t, Options{Shards: 1}, searchtest.Fixture()...)
	many := buildIndex(t, Options{Shards: 3}, searchtest.Fixture()...)
	for _, q := range []string{"低保", "低", "中发[2017]13号", "公开", ""} {
		a, b := urls(t, single, Request{Query: q}), urls(t, many, Request{Query: q})
		sort.Strings(a)
		sort.Strings(b)
		if !reflect.DeepEqual(a, b) {
			t.Errorf("%q: 1 shard %v, 3 shards %v", q, a, b)
		}
	}
	res, err = many.Search(ctx, Request{Query: "公开 OR 低保"})
	if err != nil {
		t.Fatal(err)
	}
	one1, _ := single.Search(ctx, Request{Query: "公开 OR 低保"})
	if !reflect.DeepEqual(res.Facets, one1.Facets) || res.Total != one1.Total {
		t.Errorf("facets differ across shard counts:\n%v\n%v", res.Facets, one1.Facets)
	}
}

func TestWriterAbort(t *testing.T) {
	dir := t.TempDir() + "/ix"
	w, err := NewWriter(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range searchtest.Fixture() {
		if err := w.Add(r); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Abort(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Errorf("aborted index directory still exists: %v", err)
	}
	if _, err := w.Close(""); err == nil {
		t.Error("Close after Abort succeeded")
	}
	if err := w.Add(searchtest.Fixture()[0]); err == nil {
		t.Error("Add after Abort succeeded")
	}

	dir2 := t.TempDir() + "/ix"
	w, err = NewWriter(dir2, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Close(""); err != nil {
		t.Fatal(err)
	}
	if err := w.Abort(); err != nil {
		t.Errorf("Abort after Close: %v", err)
	}
	ix, err := Open(dir2)
	if err != nil {
		t.Fatalf("Abort after Close removed the index: %v", err)
	}
	_ = ix.Close()
}

// TestSeedCitations uses citation forms found in the seed documents.
func TestSeedCitations(t *testing.T) {
	ix := buildIndex(t, Options{},
		mapping.Record{ID: "a", URL: "/a/", Title: "达州", Body: "区。按照达市委基治办通〔2021〕4号文件指导意见，严格落实达市委办发〔2021〕4号等文件。"},
		mapping.Record{ID: "b", URL: "/b/", Title: "湖南", Body: "根据《关于加强和完善城乡社区治理的意见》(中发[2017]13号)和湖南实施意见(湘发[2017]30号)精神"},
		mapping.Record{ID: "c", URL: "/c/", Title: "重庆", Body: "社区治理的意见》（中发〔2017〕13号》和《中共重庆市委 重庆市人民政府关于"},
		mapping.Record{ID: "d", URL: "/d/", Title: "条例", Body: "第一条\u3000为了规范居民委员会的工作"},
	)
	tests := []struct {
		q    string
		want []string
	}{
		{"达市委基治办通[2021]4号", []string{"/a/"}},
		{"达市委办发（2021）4号", []string{"/a/"}},
		{"中发〔2017〕13号", []string{"/b/", "/c/"}},
		{"湘发〔2017〕30号", []string{"/b/"}},
		{"4号文件", []string{"/a/"}},
		{`"第一条"`, []string{"/d/"}}, // unquoted, an article reference: /d/ has no unit 第一条
		{"为了规范", []string{"/d/"}},
		{"居委会", []string{"/d/"}},
		{"重庆市委 重庆市人民政府", []string{"/c/"}},
	}
	for _, tt := range tests {
		got := urls(t, ix, Request{Query: tt.q})
		sort.Strings(got)
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%q = %v, want %v", tt.q, got, tt.want)
		}
	}
}

func TestSearchCanceled(t *testing.T) {
	ix := buildIndex(t, Options{}, searchtest.Fixture()...)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := ix.Search(ctx, Request{Query: "低保"})
	if !errors.Is(err, context.Canceled) || errors.Is(err, ErrTimeout) {
		t.Errorf("canceled context: err = %v", err)
	}
}

// TestPagingWithTies pages through records that tie on score and date,
// spread over shards: every record must appear exactly once.
func TestPagingWithTies(t *testing.T) {
	var rs []mapping.Record
	for i := range 90 {
		url := fmt.Sprintf("/p%02d/", i)
		rs = append(rs, mapping.Record{ID: url, URL: url, Title: "同一标题", Body: "同样的正文", Date: searchtest.Day("2020-01-01")})
	}
	ix := buildIndex(t, Options{Shards: 3}, rs...)
	for _, order := range []string{"", "-date", "date"} {
		seen := map[string]int{}
		for p := 1; p <= 6; p++ { // pages of 15: bleve sorts the merged hits unstably beyond 12
			for _, u := range urls(t, ix, Request{Query: "正文", Sort: order, Page: p, Size: 15}) {
				seen[u]++
			}
		}
		for _, r := range rs {
			if seen[r.URL] != 1 {
				t.Errorf("sort %q: %s shown %d times over the pages", order, r.URL, seen[r.URL])
			}
		}
	}
}
