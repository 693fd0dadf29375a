package build

import (
	"fmt"
	"strings"
	"testing"
)

const sitemapSite = `
-- site.yaml --
title: 地图测试
baseURL: https://gongkai.example.gov.cn
taxonomies:
  - {key: topics, title: 主题分类}
-- content/policies/_index.md --
---
title: 政策文件
---
-- content/policies/a.md --
---
title: 社区建设办法
type: policy
doc_number: 测发〔2024〕1号
issuers: [测试市人民政府]
written: 2024-03-01
topics: [社区建设]
---
第一条 加强社区建设。
-- content/policies/draft.md --
---
title: 草稿中的办法
type: policy
doc_number: 测发〔2024〕9号
draft: true
---
第一条 草稿。
-- content/policies/future.md --
---
title: 明年才发布的办法
publishDate: 2099-01-01
---
未到发布日期。
-- content/policies/expired.md --
---
title: 已经下线的通知
expiryDate: 2020-01-01
---
已过期。
-- content/policies/local/_index.md --
---
title: 区县文件
---
-- content/policies/local/b.md --
---
title: 区县实施细则
date: 2024-05-06
---
细则。
-- content/about.md --
---
title: 关于本站
---
本站介绍。
`

// /sitemap/ (网站地图) lists every section with its published pages and the generated listings,
// leaves out what is not published, and every page's footer links it.
func TestSitemapPage(t *testing.T) {
	s := buildTxtar(t, sitemapSite).ok()
	page := "sitemap/index.html"
	s.contains(page, "<h1>网站地图</h1>",
		`<a href="/policies/">政策文件</a>`, `<a href="/policies/a/">社区建设办法</a>`, "测发〔2024〕1号", "2024年3月1日",
		`<a href="/policies/local/">区县文件</a>`, `<a href="/policies/local/b/">区县实施细则</a>`, "2024年5月6日",
		`<a href="/about/">关于本站</a>`,
		`href="/documents/"`, `href="/departments/"`, `href="/data/"`, `href="/search/"`, `href="/cited/"`,
		`href="/topics/"`, "社区建设", `href="/index.xml"`)
	s.lacks(page, "草稿中的办法", "测发〔2024〕9号", "明年才发布的办法", "已经下线的通知", "<nav class=\"smap")
	// The subsection sits under its parent, after the parent's own pages.
	got := s.file(page)
	if i, j := strings.Index(got, "/policies/a/"), strings.Index(got, "/policies/local/b/"); i < 0 || j < i {
		t.Errorf("the subsection should follow its parent section's pages")
	}
	for _, name := range []string{"index.html", "policies/a/index.html", "about/index.html", "search/index.html", "404.html"} {
		s.contains(name, `<a href="/sitemap/">网站地图</a>`)
	}
	// sitemap.xml, for search engines, stays as it was.
	s.contains("sitemap.xml", "<loc>https://gongkai.example.gov.cn/policies/a/</loc>")
}

func TestSitemapPageEnglish(t *testing.T) {
	s := buildTxtar(t, strings.Replace(sitemapSite, "title: 地图测试\n", "title: 地图测试\nlanguage: en\n", 1)).ok()
	s.contains("sitemap/index.html", "<h1>Site map</h1>", "<title>Site map - ", "Sections", "2024-03-01")
	s.lacks("sitemap/index.html", "网站地图", "栏目", "篇")
	s.contains("index.html", `<a href="/sitemap/">Site map</a>`)
}

// A content page on /sitemap/ would replace the site map without a word: the build names it.
func TestSitemapURLTaken(t *testing.T) {
	s := buildTxtar(t, sitemapSite+"-- content/sitemap.md --\n---\ntitle: 我的地图\n---\n正文。\n")
	if s.err == nil || !strings.Contains(s.err.Error(), "sitemap.md") || !strings.Contains(s.err.Error(), "/sitemap/") {
		t.Fatalf("want an error naming content/sitemap.md and /sitemap/, got %v", s.err)
	}
}

// A section of more pages than the map shows lists its newest and links its full listing.
func TestSitemapLongSection(t *testing.T) {
	var b strings.Builder
	b.WriteString("-- site.yaml --\ntitle: 长栏目\n")
	for i := 0; i < 205; i++ {
		fmt.Fprintf(&b, "-- content/notes/n%03d.md --\n---\ntitle: 通知%03d\ndate: 2024-01-01T00:%02d:%02d+08:00\n---\n正文。\n", i, i, i/60, i%60)
	}
	s := buildTxtar(t, b.String()).ok()
	s.contains("sitemap/index.html", "通知204", "通知005", "本栏目共 205 篇，以上为最新的 200 篇。", `查看全部`)
	s.lacks("sitemap/index.html", "通知004<", "通知000<")
}
