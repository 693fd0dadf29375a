package build

import (
	"strings"
	"testing"
)

const linkSite = `
-- site.yaml --
title: 链接
-- content/policies/a.md --
---
title: 甲
---
第一条 总则。

第三十条 附则。
-- content/policies/b.md --
---
title: 乙
---
见[甲](a.md#第三十条)、[甲的总则](/policies/a/#第一条)、[本文](#第二条)、[部门](/departments/)。

第二条 正文。
`

func TestPageLinksResolve(t *testing.T) {
	s := buildTxtar(t, linkSite).ok()
	// A link to a Markdown file is pointed at its page.
	s.contains("policies/b/index.html", `href="/policies/a/#%E7%AC%AC%E4%B8%89%E5%8D%81%E6%9D%A1"`)
	assertLinksResolve(t, s)
}

func TestDeadLinkWrittenTwiceIsOneProblem(t *testing.T) {
	s := buildTxtar(t, strings.Replace(linkSite, "[部门](/departments/)", "[见](/no/) [又见](/no/) [文](x.md) [文](x.md)", 1))
	if s.err == nil || strings.Count(s.err.Error(), "链接 /no/ ") != 1 || strings.Count(s.err.Error(), "链接 x.md ") != 1 {
		t.Errorf("want one problem per dead link, got %v", s.err)
	}
}

func TestDeadPageLinksAreErrorsWithTheNearestTarget(t *testing.T) {
	for name, tt := range map[string]struct{ link, want string }{
		"no such page":         {"[见](/no/such/page/)", "/site/content/policies/b.md:4: 链接 /no/such/page/ 指向的页面不存在"},
		"near a page":          {"[见](/policies/aa/)", "链接 /policies/aa/ 指向的页面不存在：改正链接，如最接近的 /policies/a/"},
		"no such .md file":     {"[见](../policies/nothing.md)", "/site/content/policies/b.md:4: 链接 ../policies/nothing.md 指向的页面不存在（没有 content/policies/nothing.md）"},
		"near a .md file":      {"[见](c.md)", "如最接近的 a.md"},
		"anchor of another":    {"[见](a.md#第三条)", "/site/content/policies/b.md:4: 链接 a.md#第三条 指向的位置 #第三条 在 /site/content/policies/a.md 中不存在：改正链接，如最接近的 #第三十条"},
		"root anchor":          {"[见](/policies/a/#第二条)", "指向的位置 #第二条"},
		"anchor of this page":  {"[见](#第三条)", "链接 #第三条 指向的位置 #第三条 在 /site/content/policies/b.md 中不存在：改正链接，如最接近的 #第二条"},
		"relative page folder": {"[见](../c/)", "链接 ../c/ 指向的页面不存在"},
	} {
		t.Run(name, func(t *testing.T) {
			site := strings.Replace(linkSite, "[部门](/departments/)", tt.link, 1)
			s := buildTxtar(t, site)
			if s.err == nil || !strings.Contains(s.err.Error(), tt.want) {
				t.Errorf("got %v, want %q", s.err, tt.want)
			}
		})
	}
}
