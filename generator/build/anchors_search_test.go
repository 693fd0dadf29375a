package build

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gongkai/gongkai/search"
)

// lawText is a law in the shape of the laws corpus: chapters, articles
// with items, short articles that the build groups into one record.
func lawText() string {
	var b strings.Builder
	b.WriteString("---\ntitle: 中华人民共和国示范组织法\n---\n")
	n := 0
	for ch := 1; ch <= 3; ch++ {
		fmt.Fprintf(&b, "## 第%s章 第%d部分\n\n", []string{"一", "二", "三"}[ch-1], ch)
		for k := 0; k < 8; k++ {
			n++
			fmt.Fprintf(&b, "第%s条 示范组织应当依法办理第%d项事务。\n\n", cnArticle(n), n)
			if n == 5 {
				b.WriteString("（一）拥护宪法；\n\n（二）年满十八周岁；\n\n")
			}
		}
	}
	return b.String()
}

func cnArticle(n int) string {
	return []string{"", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五",
		"十六", "十七", "十八", "十九", "二十", "二十一", "二十二", "二十三", "二十四"}[n]
}

// TestArticleReferencesFindTheirRecord: the anchors field holds every unit a
// record groups, so 第11条 (text that no article body contains) finds the
// record that holds 第十一条 as a part, beside 第九条 and 第十条.
func TestArticleReferencesFindTheirRecord(t *testing.T) {
	dir := t.TempDir()
	writeOS(t, dir, "site.yaml", "title: 公开\n")
	writeOS(t, dir, "content/laws/shifan.md", lawText())
	writeOS(t, dir, "content/laws/other.md", "---\ntitle: 其他规定\n---\n第一条 其他规定的第一条。\n")
	if _, err := Run(Options{Source: dir, Now: testNow, Workers: 2}); err != nil {
		t.Fatal(err)
	}
	ix, err := search.Open(filepath.Join(dir, "public", IndexPath))
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	for _, tt := range []struct {
		q     string
		total int
		url   string // of the first hit, without the anchor
	}{
		{"第11条", 1, "/laws/shifan/"},
		{"第十一条", 1, "/laws/shifan/"},
		{"11条", 1, "/laws/shifan/"},
		{"第五条第二项", 1, "/laws/shifan/"},
		{"第1条", 2, ""},
		{"第99条", 0, ""},
	} {
		res, err := ix.Search(context.Background(), search.Request{Query: tt.q})
		if err != nil {
			t.Fatal(err)
		}
		var urls []string
		for _, h := range res.Hits {
			urls = append(urls, h.URL)
		}
		t.Logf("%s: %d %q", tt.q, res.Total, urls)
		if res.Total != tt.total {
			t.Errorf("search %s: %d hits %q, want %d", tt.q, res.Total, urls, tt.total)
			continue
		}
		if tt.url != "" && !strings.HasPrefix(res.Hits[0].URL, tt.url+"#") {
			t.Errorf("search %s: first hit %s, want a part of %s", tt.q, res.Hits[0].URL, tt.url)
		}
	}
}
