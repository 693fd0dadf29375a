package index

import (
	"fmt"
	"testing"

	"github.com/gongkai/gongkai/search/mapping"
)

func TestBuildKeepsPagesInOneShard(t *testing.T) {
	var rs []mapping.Record
	var pages []string
	for i := range 20 {
		url := fmt.Sprintf("/p%d/", i)
		pages = append(pages, url)
		rs = append(rs, page(url, "文件", "第一节", "第二节", "第三节")...)
	}
	ix := openWritable(t, writeIndex(t, Options{Shards: 4}, rs...))
	found, err := ix.pageRecords(pages)
	if err != nil {
		t.Fatal(err)
	}
	if len(found) != len(rs) {
		t.Fatalf("found %d records, want %d", len(found), len(rs))
	}
	shardOfPage := map[string]int{}
	docs := 0
	for _, r := range found {
		if s, ok := shardOfPage[r.url]; ok && s != r.shard {
			t.Errorf("%s has records in shards %d and %d", r.url, s, r.shard)
		}
		shardOfPage[r.url] = r.shard
		if r.doc {
			docs++
		}
	}
	if docs != len(pages) || len(shardOfPage) != len(pages) {
		t.Errorf("found %d documents of %d pages, want %d", docs, len(shardOfPage), len(pages))
	}
}

func TestPageOf(t *testing.T) {
	want := map[string]bool{"/a/": true, "/b#c/": true}
	tests := []struct {
		href string
		url  string
		doc  bool
	}{
		{"/a/", "/a/", true},
		{"/a/#s1", "/a/", false},
		{"/a/#s1#x", "/a/", false},
		{"/b#c/", "/b#c/", true},
		{"/b#c/#s2", "/b#c/", false},
		{"/z/#s1", "", false},
		{"", "", false},
		{"#", "", false},
	}
	for _, tt := range tests {
		url, doc := pageOf(tt.href, want)
		if url != tt.url || doc != tt.doc {
			t.Errorf("pageOf(%q) = %q, %v; want %q, %v", tt.href, url, doc, tt.url, tt.doc)
		}
	}
}
