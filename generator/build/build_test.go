package build

import (
	"strings"
	"testing"
)

const basicSite = `
-- site.yaml --
title: 测试站
baseURL: https://gongkai.example.gov.cn
menu:
  - {name: 政策文件, url: /policies/}
-- content/_index.md --
---
title: 首页
---
欢迎。
-- content/policies/_index.md --
---
title: 政策文件
type: policy
---
-- content/policies/a.md --
---
title: 关于做好社区工作的通知
doc_number: 测发〔2024〕1号
issuers: [测试市人民政府]
written: 2024-03-01
published: 2024-03-02
topics: [城乡建设/社区治理]
genre: 通知
level: 市
params: {favourite_colour: 红}
---
各村（居）民委员会：
现将有关事项通知如下。

一、总体要求

做好 community 工作，English words keep
their space.
-- content/notes/no-front-matter.md --
# 没有前言的页面

正文。
`

func TestBuildBasicSite(t *testing.T) {
	s := buildTxtar(t, basicSite).ok()
	s.contains("index.html", "测试站", `lang="zh-CN"`, "关于做好社区工作的通知", `href="/policies/"`)
	s.contains("policies/a/index.html", "测发〔2024〕1号", "测试市人民政府", "2024年3月1日", `<p id="一" class="u-item1">`)
	s.contains("policies/index.html", "关于做好社区工作的通知")
	s.contains("notes/no-front-matter/index.html", "没有前言的页面")
	s.contains("index.xml", "<rss", "关于做好社区工作的通知")
	s.contains("policies/index.xml", "关于做好社区工作的通知")
	s.contains("sitemap.xml", "/policies/a/")
	s.contains("robots.txt", "User-agent")
	s.contains("404.html", "页面不存在")
	s.contains("data/documents.json", `"doc_number": "测发〔2024〕1号"`, `"favourite_colour": "红"`)
	s.contains("topics/城乡建设-社区治理/index.html", "关于做好社区工作的通知")
	s.contains("css/style.css", "@media print")
	if s.rep.Pages["policy"] != 1 {
		t.Errorf("report counts %v policies, want 1", s.rep.Pages)
	}
}

func TestCJKLineBreaksAddNoSpace(t *testing.T) {
	s := buildTxtar(t, basicSite).ok()
	page := s.file("policies/a/index.html")
	if !strings.Contains(page, "各村（居）民委员会：现将有关事项通知如下。") {
		t.Errorf("a line break between two Chinese lines must not add a space:\n%s", page)
	}
	if !strings.Contains(page, "keep\ntheir") && !strings.Contains(page, "keep their") {
		t.Errorf("a line break between English words must keep a space")
	}
}

func TestUnpublishedPagesAppearNowhere(t *testing.T) {
	s := buildTxtar(t, basicSite+`
-- content/policies/draft.md --
---
title: 草稿XYZZYDRAFT
draft: true
---
XYZZYDRAFT 正文
-- content/policies/future.md --
---
title: 将来XYZZYFUTURE
date: 2099-01-01
---
XYZZYFUTURE 正文
-- content/policies/expired.md --
---
title: 过期XYZZYEXPIRED
expiryDate: 2020-01-01
---
XYZZYEXPIRED 正文
`).ok()
	s.everyFile(func(name, content string) {
		for _, marker := range []string{"XYZZYDRAFT", "XYZZYFUTURE", "XYZZYEXPIRED"} {
			if strings.Contains(content, marker) {
				t.Errorf("%s contains unpublished marker %s", name, marker)
			}
		}
	})
	withDrafts := buildTxtar(t, basicSite+`
-- content/policies/draft.md --
---
title: 草稿XYZZYDRAFT
draft: true
---
`, func(o *Options) { o.Drafts = true }).ok()
	withDrafts.contains("policies/index.html", "XYZZYDRAFT")
}

func TestBrokenFrontMatterLeavesPublicUnchanged(t *testing.T) {
	s := buildTxtar(t, basicSite).ok()
	before := s.file("policies/a/index.html")
	if err := writeFile(s, "content/policies/b.md", "---\ntitle: 好\nwritten: [2024\n---\n正文\n"); err != nil {
		t.Fatal(err)
	}
	s2 := rebuild(t, s.fs)
	if s2.err == nil {
		t.Fatal("a build with broken front matter succeeded")
	}
	if !strings.Contains(s2.err.Error(), "/site/content/policies/b.md:3") {
		t.Errorf("error does not name file:line: %v", s2.err)
	}
	if got := s2.file("policies/a/index.html"); got != before {
		t.Error("a failed build changed public/")
	}
	if s2.exists("policies/b/index.html") {
		t.Error("a failed build wrote the broken page")
	}
}

func TestBadPolicyMetadataIsAnErrorWithLine(t *testing.T) {
	cases := map[string]string{
		"written: 2024-13-45":      ":4: written",
		"status: 作废":               ":4: status",
		"doc_number: 随便写":          ":4: doc_number",
		"repealed_by: 不存在〔2020〕9号": ":4:",
		"level: 国际":                ":4: level",
	}
	for line, want := range cases {
		s := buildTxtar(t, basicSite+"-- content/policies/bad.md --\n---\ntitle: 坏\ntype: policy\n"+line+"\n---\n正文\n")
		if s.err == nil {
			t.Errorf("%q: build succeeded", line)
			continue
		}
		if !strings.Contains(s.err.Error(), "bad.md"+want) {
			t.Errorf("%q: error %q does not contain %q", line, s.err, "bad.md"+want)
		}
	}
}

func TestSiteConfigIsStrict(t *testing.T) {
	s := buildTxtar(t, strings.Replace(basicSite, "title: 测试站\n", "title: 测试站\ntitel: 错\n", 1))
	if s.err == nil || !strings.Contains(s.err.Error(), "site.yaml:2: 未知的键 \"titel\"") {
		t.Errorf("unknown site.yaml key: got %v", s.err)
	}
	s = buildTxtar(t, strings.Replace(basicSite, "title: 测试站\n", "title: 测试站\npaginate: 很多\n", 1))
	if s.err == nil || !strings.Contains(s.err.Error(), "site.yaml:2:") {
		t.Errorf("wrong type in site.yaml: got %v", s.err)
	}
}

func TestHeadingIDsKeepUnicodeAndAreUnique(t *testing.T) {
	s := buildTxtar(t, basicSite+`
-- content/notes/headings.md --
---
title: 标题
---
## 工作目标

## 工作目标

## Work Plan 2024
`).ok()
	s.contains("notes/headings/index.html", `id="工作目标"`, `id="工作目标-2"`, `id="work-plan-2024"`)
}

func TestRawHTMLIsEscapedUnlessOptedIn(t *testing.T) {
	page := "-- content/notes/raw.md --\n---\ntitle: 原始\n---\n<script>alert(1)</script>\n\n段落<b>粗</b>\n"
	s := buildTxtar(t, basicSite+page).ok()
	s.lacks("notes/raw/index.html", "<script>alert(1)", "<b>粗</b>")
	s.contains("notes/raw/index.html", "&lt;script&gt;")
	opt := strings.Replace(basicSite, "title: 测试站\n", "title: 测试站\nmarkup: {unsafe_html: true}\n", 1)
	s = buildTxtar(t, opt+page).ok()
	s.contains("notes/raw/index.html", "<b>粗</b>")
}

func TestSiteThemeOverridesOneTemplate(t *testing.T) {
	s := buildTxtar(t, basicSite+`
-- themes/default/layouts/page.html --
{{define "main"}}<p>OVERRIDDEN {{.Title}}</p>{{end}}
`).ok()
	s.contains("notes/no-front-matter/index.html", "OVERRIDDEN 没有前言的页面")
	s.contains("policies/a/index.html", "测发〔2024〕1号") // other layouts still come from the embedded theme
}

func TestPaginationAndLinksResolve(t *testing.T) {
	archive := strings.Replace(basicSite, "title: 测试站\n", "title: 测试站\npaginate: 2\n", 1)
	for _, n := range []string{"1", "2", "3", "4", "5"} {
		archive += "-- content/policies/p" + n + ".md --\n---\ntitle: 文件" + n + "\ndate: 2024-01-0" + n + "\n---\n正文\n"
	}
	s := buildTxtar(t, archive).ok()
	s.contains("policies/page/2/index.html", `rel="prev"`, `rel="next"`)
	s.contains("policies/page/3/index.html", `rel="prev"`)
	assertLinksResolve(t, s)
}
