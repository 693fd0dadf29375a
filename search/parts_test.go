package search

import (
	"context"
	"strings"
	"testing"

	"github.com/gongkai/gongkai/search/mapping"
)

func TestGroupedRecordLinksToThePartThatMatches(t *testing.T) {
	body := "第一条 为了规范居民委员会的工作。\n第二条 居民委员会每届任期五年。\n第三条 选举办法另行规定。"
	parts := []mapping.Part{
		{Anchor: "第一条", Section: "第一条", Offset: 0},
		{Anchor: "第二条", Section: "第二条", Offset: strings.Index(body, "第二条")},
		{Anchor: "第三条", Section: "第三条", Offset: strings.Index(body, "第三条")},
	}
	ix := buildIndex(t, Options{},
		mapping.Record{ID: "/law/", URL: "/law/", Title: "组织法", DocNumber: "测发〔2024〕1号", Type: "policy"},
		mapping.Record{ID: "/law/#第一条", URL: "/law/", Anchor: "第一条", Title: "组织法", DocNumber: "测发〔2024〕1号", Section: "第一条", Body: body, Parts: parts, Type: "policy"},
	)
	for q, want := range map[string]string{"任期五年": "/law/#第二条", "选举办法": "/law/#第三条", "规范": "/law/#第一条"} {
		res, err := ix.Search(context.Background(), Request{Query: q})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Hits) != 1 || res.Hits[0].URL != "/law/" || len(res.Hits[0].Parts) != 1 || res.Hits[0].Parts[0].URL != want {
			t.Errorf("%s: hits %+v, want the document with one part linking to %s", q, res.Hits, want)
			continue
		}
		if res.Hits[0].DocNumber != "测发〔2024〕1号" {
			t.Errorf("%s: a section hit should still show the 文号, got %q", q, res.Hits[0].DocNumber)
		}
	}
	res, err := ix.Search(context.Background(), Request{Query: "测发〔2024〕1号"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != 1 || res.Hits[0].URL != "/law/" {
		t.Errorf("a 文号 finds the document record only, got %+v", res.Hits)
	}
}
