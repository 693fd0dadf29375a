package build

import (
	"fmt"
	"strings"
	"testing"
)

// TestGovernmentFooter: every registration mark configured in site.yaml is in every page's footer
// with its link, and the 找错 link carries the site code and the page's own address.
func TestGovernmentFooter(t *testing.T) {
	s := buildTxtar(t, `
-- site.yaml --
title: 某某县政务公开
baseURL: https://gk.example.gov.cn
organization: {name: 某某县人民政府, address: 某某县人民路1号, phone: 0871-1234567}
government:
  level: 县
  undertaker: 某某县政务服务数据管理局
  site_code: "5301270001"
  icp: 滇ICP备12345678号-1
  police_record: 滇公网安备 53012702000001号
  dzjg: {url: "https://bszs.conac.cn/sitename?method=show&id=1"}
-- content/about.md --
---
title: 关于
---
正文。
`).ok()
	for _, page := range []string{"index.html", "about/index.html", "404.html"} {
		s.contains(page,
			`主办单位：某某县人民政府`, `承办单位：某某县政务服务数据管理局`, `电话：0871-1234567`, `地址：某某县人民路1号`,
			`网站标识码：5301270001`,
			`<a href="https://beian.miit.gov.cn/" rel="noopener">滇ICP备12345678号-1</a>`,
			`href="http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=53012702000001"`, `/marks/police.svg`,
			`href="https://bszs.conac.cn/sitename?method=show&amp;id=1"`, `alt="党政机关网站标识"`,
			`alt="我为政府网站找错"`)
	}
	s.contains("about/index.html", `https://zfwzgl.www.gov.cn/exposure/jiucuo.html?site_code=5301270001&amp;url=https%3A%2F%2Fgk.example.gov.cn%2Fabout%2F`)
	for _, f := range []string{"marks/dzjg.svg", "marks/jiucuo.svg", "marks/police.svg", "favicon.ico", "favicon.svg"} {
		if !s.exists(f) {
			t.Errorf("%s is not published", f)
		}
	}
	s.contains("index.html", `<link rel="icon" href="/favicon.svg" type="image/svg+xml">`, `<link rel="alternate icon" href="/favicon.ico"`)
	if w := strings.Join(s.rep.Warnings, "\n"); strings.Contains(w, "government") {
		t.Errorf("every mark is configured, yet: %s", w)
	}
}

// TestGovernmentFooterAbsent: without government settings the footer keeps its one line and shows no
// empty labels or marks.
func TestGovernmentFooterAbsent(t *testing.T) {
	s := buildTxtar(t, `
-- site.yaml --
title: 村务公开
organization: {name: 某某村民委员会, phone: "123"}
-- content/_index.md --
---
title: 首页
---
`).ok()
	s.contains("index.html", `<p>某某村民委员会 · 123</p>`)
	s.lacks("index.html", `主办单位`, `网站标识码`, `marks/`, `jiucuo`)
}

// TestGovernmentMissingMarks: a county site without its marks builds, with one warning naming
// what is missing; a village (村) is not a government website and gets none.
func TestGovernmentMissingMarks(t *testing.T) {
	for _, tc := range []struct {
		level string
		want  []string
	}{
		{"县", []string{"site.yaml:3:", "县", "政府网站标识码（site_code）", "ICP备案号（icp）", "公安机关备案号（police_record）", "党政机关网站标识（dzjg.url）", "联系方式（contact）"}},
		{"村", nil},
	} {
		s := buildTxtar(t, fmt.Sprintf(`
-- site.yaml --
title: t
government:
  level: %s
  sponsor: 某某县人民政府办公室
-- content/_index.md --
---
title: 首页
---
`, tc.level)).ok()
		var gov []string
		for _, w := range s.rep.Warnings {
			if strings.Contains(w, "government") {
				gov = append(gov, w)
			}
		}
		if tc.want == nil {
			if len(gov) > 0 {
				t.Errorf("level %s: want no warning, got %q", tc.level, gov)
			}
			continue
		}
		if len(gov) != 1 {
			t.Fatalf("level %s: want one warning, got %q", tc.level, gov)
		}
		for _, w := range tc.want {
			if !strings.Contains(gov[0], w) {
				t.Errorf("level %s: warning %q lacks %q", tc.level, gov[0], w)
			}
		}
		if strings.Contains(gov[0], "主办单位") {
			t.Errorf("sponsor is set, yet the warning names it: %q", gov[0])
		}
	}
}

// TestFaviconFromSiteYAML: favicon: names the site's own icon; the theme's stay published so that
// /favicon.ico never 404s.
func TestFaviconFromSiteYAML(t *testing.T) {
	s := buildTxtar(t, `
-- site.yaml --
title: t
favicon: /images/logo.png
-- static/images/logo.png --
PNG
-- content/_index.md --
---
title: 首页
---
`).ok()
	s.contains("index.html", `<link rel="icon" href="/images/logo.png" type="image/png">`)
	s.lacks("index.html", `/favicon.svg`)
	if !s.exists("favicon.ico") {
		t.Error("favicon.ico is not published")
	}
}

// TestNumberedPager: a listing of 12 pages numbers them 1 2 … around the current page, marks the
// current one with aria-current and keeps 上一页/下一页.
func TestNumberedPager(t *testing.T) {
	var b strings.Builder
	b.WriteString("-- site.yaml --\ntitle: t\npaginate: 1\n-- content/notes/_index.md --\n---\ntitle: 通知\n---\n")
	for i := 1; i <= 12; i++ {
		fmt.Fprintf(&b, "-- content/notes/n%02d.md --\n---\ntitle: 通知%d\ndate: 2026-01-%02d\n---\n正文。\n", i, i, i)
	}
	s := buildTxtar(t, b.String()).ok()
	page := s.file("notes/page/6/index.html")
	nav := page[strings.Index(page, `<nav class="pager"`):]
	nav = nav[:strings.Index(nav, "</nav>")]
	for _, want := range []string{
		`href="/notes/page/5/" rel="prev"`, `href="/notes/page/7/" rel="next"`,
		`<a href="/notes/" aria-label="第 1 页">1</a>`, `<a href="/notes/page/2/" aria-label="第 2 页">2</a>`,
		`<a href="/notes/page/4/" aria-label="第 4 页">4</a>`,
		`<a href="/notes/page/6/" aria-current="page" aria-label="第 6 页">6</a>`,
		`<a href="/notes/page/8/" aria-label="第 8 页">8</a>`,
		`<a href="/notes/page/11/" aria-label="第 11 页">11</a>`, `<a href="/notes/page/12/" aria-label="第 12 页">12</a>`,
	} {
		if !strings.Contains(nav, want) {
			t.Errorf("pager lacks %s:\n%s", want, nav)
		}
	}
	if strings.Count(nav, `class="gap"`) != 2 || strings.Contains(nav, `aria-label="第 3 页"`) || strings.Contains(nav, `aria-label="第 9 页"`) {
		t.Errorf("want pages 3 and 9–10 left out behind two gaps:\n%s", nav)
	}
}

// TestSiteFileMissing: a favicon or mark image that nothing publishes is a warning naming it.
func TestSiteFileMissing(t *testing.T) {
	s := buildTxtar(t, `
-- site.yaml --
title: t
favicon: /images/logo.png
government: {dzjg: {url: "https://a.cn", image: /marks/dzjg.png}}
-- static/images/Logo.png --
PNG
-- content/_index.md --
---
title: 首页
---
`).ok()
	w := strings.Join(s.rep.Warnings, "\n")
	for _, want := range []string{"favicon /images/logo.png 找不到", "government.dzjg.image /marks/dzjg.png 找不到"} {
		if !strings.Contains(w, want) {
			t.Errorf("warnings lack %q:\n%s", want, w)
		}
	}
}
