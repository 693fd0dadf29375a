package static

import (
	"context"
	"testing"

	"github.com/gongkai/gongkai/search"
)

// titleRecords: a law, a local rule and an implementing regulation that
// all hold 第六十三条 and name the law, for the title rule (SPEC14-notes
// 2026-12-08): 食品安全法第63条 must put the law's article first in both
// engines; 食品安全法实施条例 第六十三条 the regulation's.
func titleRecords() []search.Record {
	law := func(url, title, preamble, art string) []search.Record {
		doc := search.Record{ID: url, URL: url, Type: "laws", Title: title, Body: preamble}
		a := doc
		a.ID, a.Anchor, a.Section, a.Body = url+"#第六十三条", "第六十三条", "第六十三条", art
		return []search.Record{doc, a}
	}
	var out []search.Record
	out = append(out, law("/laws/shian/", "中华人民共和国食品安全法（2021年修正）",
		"为了保证食品安全，保障公众身体健康和生命安全，制定本法。",
		"第六十三条　国家建立食品召回制度。食品生产者发现其生产的食品不符合食品安全标准，应当立即停止生产，召回已经上市销售的食品。")...)
	out = append(out, law("/laws/bj-shian/", "北京市食品安全条例",
		"根据《中华人民共和国食品安全法》和有关法律、行政法规，结合本市实际，制定本条例。本条例所称食品安全法，指食品安全法及其实施条例。",
		"第六十三条　违反本条例规定的，依照食品安全法处罚；食品安全法未规定的，依照本条例处罚。食品安全法另有规定的，从其规定。")...)
	out = append(out, law("/laws/shian-shishi/", "中华人民共和国食品安全法实施条例",
		"根据《中华人民共和国食品安全法》（以下简称食品安全法），制定本条例。",
		"第六十三条　食品安全法第六十三条所称召回，依照食品安全法执行。")...)
	return out
}

// titleEngineCases ask for a law by its name, with and without an article,
// and for the implementing regulation by its own name.
var titleEngineCases = []string{
	"q=食品安全法第63条", "q=食品安全法 第六十三条", "q=食品安全法", "q=中华人民共和国食品安全法 召回",
	"q=食品安全法实施条例 第六十三条", "q=《食品安全法》&sort=-date", "q=食品安全法怎么召回",
	// One wrong character in a name: near-title variants (search/plan.go nearSlots).
	"q=食品按全法", "q=食品安全发", "q=食品按全法 召回", "q=食品按全法&type=laws&sort=date", "q=食品安全法实施条列",
}

// TestTitleRule: the document whose whole title the query names comes
// first, linked to the named article (the client's order is checked
// against this one by TestClientAgainstServer).
func TestTitleRule(t *testing.T) {
	ix, err := search.Open(buildIndex(t, append(corpusRecords(t), titleRecords()...)))
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	for q, want := range map[string]string{
		"食品安全法第63条":       "/laws/shian/#第六十三条",
		"食品安全法 第六十三条":     "/laws/shian/#第六十三条",
		"食品安全法":           "/laws/shian/",
		"《中华人民共和国食品安全法》":  "/laws/shian/",
		"食品安全法实施条例 第六十三条": "/laws/shian-shishi/#第六十三条",
		"食品安全法怎么召回":       "/laws/shian/",
		"食品安全法实施条列":       "/laws/shian-shishi/",
	} {
		res, err := ix.Search(context.Background(), search.Request{Query: q})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Hits) == 0 || res.Hits[0].URL != want {
			var got []string
			for _, h := range res.Hits {
				got = append(got, h.URL)
			}
			t.Errorf("%s: hits %v, want %s first", q, got, want)
		}
	}
	// One wrong character in the middle of a 5-character name: 2 of its 4
	// bigrams, too few for the bag (3); the near-title variant finds it.
	// (The implementing regulation, whose title is shorter than the law's
	// with its version bracket, ranks before it: SPEC14-notes 2026-12-08.)
	res, err := ix.Search(context.Background(), search.Request{Query: "食品按全法"})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, h := range res.Hits {
		found = found || h.URL == "/laws/shian/"
	}
	if !found || res.Suggest != "食品安全法" {
		t.Errorf("食品按全法: hits %+v, suggest %q", res.Hits, res.Suggest)
	}
}
