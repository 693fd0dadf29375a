package search

import (
	"context"
	"strings"
	"testing"
)

// TestUpdateShowsNewText: after an in-place update a hit shows the new
// text of a page, never what the server read of the old one (hits' stored
// fields are cached per segment snapshot; the old text sits at the same
// record number in another segment).
func TestUpdateShowsNewText(t *testing.T) {
	dir := writeIndex(t, Options{Shards: 1}, updateFixture()...)
	ix := openWritable(t, dir)
	snippet := func() string {
		t.Helper()
		res, err := ix.Search(context.Background(), Request{Query: "标记"})
		if err != nil || len(res.Hits) != 1 || len(res.Hits[0].Parts) == 0 {
			t.Fatalf("标记: %+v, %v", res, err)
		}
		return string(res.Hits[0].Parts[0].Snippet)
	}
	if s := snippet(); !strings.Contains(s, "写着旧") {
		t.Fatalf("before update: %q", s)
	}
	// two updates, so that the old and the new text are at the same
	// record number of a segment of the same shape
	if err := ix.Update([]string{"/a/", "/b/", "/c/"}, page("/a/", "甲文件", "甲的第一节又写着旧标记", "甲的第二节")); err != nil {
		t.Fatal(err)
	}
	if s := snippet(); !strings.Contains(s, "又写着旧") {
		t.Fatalf("after the first update: %q", s)
	}
	if err := ix.Update([]string{"/a/", "/b/", "/c/"}, page("/a/", "甲文件", "甲的第一节改成新标记", "甲的第二节")); err != nil {
		t.Fatal(err)
	}
	if s := snippet(); !strings.Contains(s, "改成新") || strings.Contains(s, "写着旧") {
		t.Fatalf("after the second update: %q", s)
	}
}
