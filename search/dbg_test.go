package search

import (
	"context"
	"testing"

	"github.com/gongkai/gongkai/search/internal/searchtest"
)

func BenchmarkDbgLaws(b *testing.B) {
	ix, err := Open("/tmp/docgo-laws/public/_search/index")
	if err != nil {
		b.Skip(err)
	}
	defer ix.Close()
	qs := []string{"安全生产 责任", "中华人民共和国", "低保", "法律责任", "罚款", "个人信息", "村民委员会 选举"}
	_ = searchtest.LawQueries
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, q := range qs {
			if _, err := ix.Search(context.Background(), Request{Query: q}); err != nil {
				b.Fatal(err)
			}
		}
	}
}
