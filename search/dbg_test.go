package search

import (
	"fmt"
	"testing"
)

func TestDbg(t *testing.T) {
	ix := buildIndex(t, Options{Shards: 2}, lawsFixture()...)
	for _, q := range []string{"网络安全法 第2条", "第2条", "网络安全法"} {
		res := search1(t, ix, Request{Query: q})
		fmt.Println(q, res.Total, res.Exact)
		for _, h := range res.Hits {
			fmt.Println("  ", h.URL, h.Score, len(h.Parts))
		}
	}
}
