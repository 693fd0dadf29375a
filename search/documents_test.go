package search

import (
	"context"
	"strings"
	"testing"

	"github.com/gongkai/gongkai/search/mapping"
)

// law makes a page as the build does: a document record with the title
// and the preamble, and one record grouping the articles, each a part.
func law(url, title, preamble string, articles ...string) []mapping.Record {
	doc := mapping.Record{ID: url, URL: url, Title: title, Type: "policy", Body: preamble}
	rs := []mapping.Record{doc}
	group := mapping.Record{ID: url + "#第一条", URL: url, Anchor: "第一条", Title: title, Section: "第一条", Type: "policy"}
	for i, a := range articles {
		anchor := strings.Fields(a)[0]
		if i > 0 {
			group.Body += "\n"
		}
		group.Parts = append(group.Parts, mapping.Part{Anchor: anchor, Section: anchor, Offset: len(group.Body)})
		group.Body += a
	}
	return append(rs, group)
}

// lawsFixture: a law whose title is only in its document record and
// whose articles are in a part; others that cite it or share words.
func lawsFixture() []mapping.Record {
	var rs []mapping.Record
	rs = append(rs, law("/laws/wangan/", "中华人民共和国网络安全法", "为了保障网络安全，制定本法。",
		"第一条 为了保障网络安全，维护网络空间主权。",
		"第二条 在中华人民共和国境内建设、运营网络，适用本法。",
		"第三条 网络运营者收集、使用个人信息，应当遵循合法、正当、必要的原则。",
		"第四条 违反本法规定的，处罚款。")...)
	// The next law splits 个人信息保护 over two records.
	rs = append(rs, law("/laws/split/", "数据管理办法", "本办法规范数据处理。",
		"第一条 处理者应当保障个人信息",
		"第二条 保护工作由主管部门负责。")...)
	rs = append(rs, mapping.Record{ID: "/news/cite/", URL: "/news/cite/", Title: "学习网络安全法", Type: "page",
		Body: "各单位组织学习网络安全法，提高网络安全意识。"})
	rs = append(rs, law("/laws/cunwei/", "中华人民共和国村民委员会组织法", "为了保障农村村民实行自治，制定本法。",
		"第一条 村民委员会是村民自我管理的基层群众性自治组织。",
		"第二条 村民委员会成员由村民直接选举产生。",
		"第三条 本村五分之一以上有选举权的村民联名，可以要求罢免村民委员会成员。")...)
	rs = append(rs, law("/laws/jumin/", "中华人民共和国城市居民委员会组织法", "为了加强城市居民委员会的建设，制定本法。",
		"第一条 居民委员会是居民自我管理的基层群众性自治组织。",
		"第二条 不设区的市、市辖区的人民政府指导居民委员会的工作。",
		"第三条 居民委员会的任务：宣传宪法、法律。")...)
	return rs
}

func search1(t *testing.T, ix *Index, req Request) *Result {
	t.Helper()
	res, err := ix.Search(context.Background(), req)
	if err != nil {
		t.Fatalf("Search(%q): %v", req.Query, err)
	}
	return res
}

// TestTermsSpreadOverADocument: 网络安全法 is in the law's title (its
// document record), 个人信息 only in an article: the law matches, lists the
// article as its part, and the page that merely cites the law does not.
func TestTermsSpreadOverADocument(t *testing.T) {
	ix := buildIndex(t, Options{Shards: 2}, lawsFixture()...)
	res := search1(t, ix, Request{Query: "网络安全法 个人信息"})
	if res.Exact != 1 || res.Total != 1 || len(res.Hits) != 1 {
		t.Fatalf("网络安全法 个人信息: %d documents (%d exact): %+v", res.Total, res.Exact, res.Hits)
	}
	h := res.Hits[0]
	if h.URL != "/laws/wangan/" || h.Title != "中华人民共和国网络安全法" || len(h.Parts) != 1 {
		t.Fatalf("hit = %+v", h)
	}
	p := h.Parts[0]
	if p.Anchor != "第三条" || p.URL != "/laws/wangan/#第三条" || p.Section != "第三条" || !strings.Contains(string(p.Snippet), "<mark>个人信息</mark>") {
		t.Errorf("part = %+v, want 第三条 with 个人信息 marked", p)
	}
	if h.Snippet != "为了保障网络安全，制定本法。" {
		t.Errorf("snippet = %s, want the document record's (it matches 网络安全法 by its title)", h.Snippet)
	}
}

// TestPhraseNeverCrossesRecords: a Han run is an exact substring of one
// record's field; 个人信息 ends one record's text and 保护 starts the
// next, and a title's end does not join its body either.
func TestPhraseNeverCrossesRecords(t *testing.T) {
	ix := buildIndex(t, Options{}, lawsFixture()...)
	for _, q := range []string{"个人信息保护", "网络安全法为了", "组织法为了"} {
		if res := search1(t, ix, Request{Query: q}); res.Exact != 0 {
			t.Errorf("%s: %d exact documents %+v, want none", q, res.Exact, res.Hits)
		}
	}
	// the two words apart do match, in two records of one document
	if got := urls(t, ix, Request{Query: "个人信息 保护工作"}); len(got) != 1 || got[0] != "/laws/split/" {
		t.Errorf("个人信息 保护工作 = %v", got)
	}
}

// TestExclusionIsPerDocument: an excluded word anywhere in a document
// leaves out the whole document, even when the record matching the
// query does not hold it.
func TestExclusionIsPerDocument(t *testing.T) {
	ix := buildIndex(t, Options{Shards: 3}, lawsFixture()...)
	if got := urls(t, ix, Request{Query: "网络安全法"}); len(got) != 2 {
		t.Fatalf("网络安全法 = %v, want the law and the page citing it", got)
	}
	if got := urls(t, ix, Request{Query: "网络安全法 -罚款"}); len(got) != 1 || got[0] != "/news/cite/" {
		t.Errorf("网络安全法 -罚款 = %v, want only /news/cite/ (罚款 is in an article of the law)", got)
	}
	if got := urls(t, ix, Request{Query: "-罚款 -选举 -居民"}); len(got) != 2 {
		t.Errorf("exclusions only = %v, want the two documents without any", got)
	}
}

// TestArticleReferenceLandsFirst: a document named with an article puts
// that article first, linked to its anchor, with or without a space.
func TestArticleReferenceLandsFirst(t *testing.T) {
	ix := buildIndex(t, Options{Shards: 2}, lawsFixture()...)
	for _, c := range []struct{ q, url, anchor string }{
		{"村民委员会组织法 第三条", "/laws/cunwei/", "第三条"},
		{"城市居民委员会组织法第3条", "/laws/jumin/", "第三条"},
		{"网络安全法 第2条", "/laws/wangan/", "第二条"},
		{"居民委员会组织法 第二条", "/laws/jumin/", "第二条"},
	} {
		res := search1(t, ix, Request{Query: c.q})
		if len(res.Hits) == 0 {
			t.Errorf("%s: no hits", c.q)
			continue
		}
		h := res.Hits[0]
		if !strings.HasPrefix(h.URL, c.url) || len(h.Parts) == 0 || h.Parts[0].Anchor != c.anchor || h.URL != c.url+"#"+c.anchor {
			t.Errorf("%s: first hit %s with parts %+v, want %s#%s", c.q, h.URL, h.Parts, c.url, c.anchor)
		}
	}
	// an article alone is required: every document holding it
	res := search1(t, ix, Request{Query: "第四条"})
	if res.Exact != 1 || res.Hits[0].URL != "/laws/wangan/#第四条" {
		t.Errorf("第四条: %+v", res.Hits)
	}
}

// TestPartsOrder: parts matching more groups come first, then the higher
// group sum, then the record ID; at most three; the document record is
// never a part.
func TestPartsOrder(t *testing.T) {
	url := "/p/"
	rs := []mapping.Record{{ID: url, URL: url, Title: "规定", Type: "page", Body: "本规定涉及资金和补贴。"}}
	for _, s := range []struct{ id, body string }{
		{"s1", "资金管理。"},
		{"s2", "资金和补贴一并发放。"},
		{"s3", "补贴标准。"},
		{"s4", "资金资金资金。"},
		{"s5", "其他事项。"},
	} {
		rs = append(rs, mapping.Record{ID: url + "#" + s.id, URL: url, Anchor: s.id, Title: "规定", Section: s.id, Type: "page", Body: s.body})
	}
	ix := buildIndex(t, Options{}, rs...)
	res := search1(t, ix, Request{Query: "资金 补贴"})
	if res.Total != 1 || len(res.Hits[0].Parts) != 3 {
		t.Fatalf("资金 补贴: %+v", res.Hits)
	}
	var got []string
	for _, p := range res.Hits[0].Parts {
		got = append(got, p.Anchor)
	}
	if got[0] != "s2" || strings.Join(got, " ") == "s2 s1 s3" {
		t.Errorf("parts %v: s2 (both words) first, then by score", got)
	}
	if h := res.Hits[0]; h.URL != url || !strings.Contains(string(h.Snippet), "<mark>资金</mark>") {
		t.Errorf("hit %+v: the document's URL and its own snippet (its record holds both words)", h)
	}
}

// TestRelaxedPassAndSuggestion: one wrong character finds nothing exactly;
// the relaxed pass finds the law by most of its bigrams and suggests the
// title's spelling. A question word is dropped.
func TestRelaxedPassAndSuggestion(t *testing.T) {
	ix := buildIndex(t, Options{Shards: 2}, lawsFixture()...)
	res := search1(t, ix, Request{Query: "村民委员会组识法"})
	if res.Exact != 0 || !res.Relaxed || len(res.Hits) == 0 || res.Hits[0].URL != "/laws/cunwei/" {
		t.Fatalf("村民委员会组识法: exact %d, relaxed %v, hits %+v", res.Exact, res.Relaxed, res.Hits)
	}
	if res.Suggest != "村民委员会组织法" {
		t.Errorf("suggest = %q, want 村民委员会组织法", res.Suggest)
	}
	res = search1(t, ix, Request{Query: "村民委员会怎么罢免"})
	if !res.Relaxed || len(res.Hits) == 0 || res.Hits[0].URL != "/laws/cunwei/" {
		t.Errorf("村民委员会怎么罢免: %+v", res)
	}
	if res.Suggest != "" {
		t.Errorf("村民委员会怎么罢免: suggest %q, want none (both words match as typed)", res.Suggest)
	}
	// Enough exact documents: no relaxed pass.
	res = search1(t, ix, Request{Query: "中华人民共和国"})
	if res.Relaxed || res.Exact != res.Total || res.Total != 3 {
		t.Errorf("中华人民共和国: relaxed %v, %d of %d exact", res.Relaxed, res.Exact, res.Total)
	}
	// Exact documents come first, then relaxed ones not among them.
	res = search1(t, ix, Request{Query: "网络安全意识"})
	if res.Exact != 1 || res.Hits[0].URL != "/news/cite/" || !res.Relaxed {
		t.Errorf("网络安全意识: exact %d, relaxed %v, hits %+v", res.Exact, res.Relaxed, res.Hits)
	}
	for _, h := range res.Hits[1:] {
		if h.URL == "/news/cite/" {
			t.Errorf("网络安全意识: %s listed twice", h.URL)
		}
	}
}

func TestSuggestion(t *testing.T) {
	for _, c := range []struct{ q, w, title, want string }{
		{"村民委员会组识法", "村民委员会组识法", "中华人民共和国村民委员会组织法", "村民委员会组织法"},
		{"组织法 村民委会", "村民委会", "中华人民共和国村民委员会组织法", "组织法 村民委员会"}, // one inserted
		{"村民委员员会", "村民委员员会", "中华人民共和国村民委员会组织法", "村民委员会"},     // one deleted
		{"村民委员会组识法", "村民委员会组识法", "中华人民共和国城市居民委员会组织法", ""},    // two apart
	} {
		if got := suggestion(c.q, []string{c.w}, []bool{false}, []string{c.title}); got != c.want {
			t.Errorf("suggestion(%q in %q) = %q, want %q", c.w, c.title, got, c.want)
		}
	}
	if got := suggestion("村民委员会组识法", []string{"村民委员会组识法"}, []bool{true}, []string{"村民委员会组织法"}); got != "" {
		t.Errorf("a word found as typed is not corrected: %q", got)
	}
}
