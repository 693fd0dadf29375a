package build

import (
	"regexp"
	"strings"
	"testing"
)

const metaSite = `
-- site.yaml --
title: 测试县人民政府
baseURL: https://www.ceshi.gov.cn
params: {site_code: "5101000001"}
organization: {name: 测试县人民政府办公室}
departments:
  - {name: 县民政局, slug: minzheng}
-- content/_index.md --
---
title: 首页
summary: 测试县政策文件与村务公开
---
-- content/policies/_index.md --
---
title: 政策文件
summary: 县政府及部门发布的规范性文件
type: policy
---
-- content/policies/a.md --
---
title: 关于做好"社区"工作的通知
doc_number: 测发〔2024〕1号
issuers: [测试县人民政府, 测试县民政局]
published: 2024-03-02
topics: [社区治理, 基层政权]
tags: [网格]
---
各村（居）民委员会：

为进一步加强社区治理，提升基层服务能力，现将有关事项通知如下，请认真贯彻落实，确保各项任务按期完成，并及时报送工作进展情况和存在的问题。各乡镇人民政府、街道办事处要高度重视社区治理工作，把社区治理纳入重要议事日程，明确分管领导和具体工作人员，建立健全工作机制，加强对社区工作的指导和支持，切实解决社区工作中遇到的困难和问题。

一、总体要求

| 序号 | 工作任务 | 责任单位 |
|---|---|---|
| 1 | 建立网格 | 县民政局 |
| 2 | 培训社工 | 县财政局、县民政局 |
-- content/disclosures/_index.md --
---
title: 村务公开
type: disclosure
---
-- content/disclosures/q4.md --
---
title: 第四季度财务收支公示
type: disclosure
date: 2026-11-18
village: 廖家坝社区
category: 财务收支
notice: {start: 2026-11-18, end: 2026-12-31}
responsible: 廖家坝社区居民委员会
---
本季度收入与支出如下。
-- content/disclosures/q3.md --
---
title: 第三季度财务收支公示
type: disclosure
date: 2026-08-18
village: 廖家坝社区
category: 财务收支
notice: {start: 2026-08-18, end: 2026-09-18}
responsible: 廖家坝社区居民委员会
---
上季度。
-- content/disclosures/other.md --
---
title: 别村的低保公示
type: disclosure
date: 2026-10-01
village: 河东村
category: 低保
notice: {start: 2026-10-01, end: 2026-10-31}
responsible: 河东村民委员会
---
别村。
`

// Every page carries a description, a canonical link, Open Graph and the metadata tags the
// government website monitoring reads; article tags only on documents.
func TestPageMetadata(t *testing.T) {
	s := buildTxtar(t, metaSite).ok()
	policy := s.file("policies/a/index.html")
	for _, want := range []string{
		`<meta name="description" content="为进一步加强社区治理，提升基层服务能力`,
		`<link rel="canonical" href="https://www.ceshi.gov.cn/policies/a/">`,
		`<meta property="og:title" content="关于做好&#34;社区&#34;工作的通知">`,
		`<meta property="og:type" content="article">`,
		`<meta property="og:url" content="https://www.ceshi.gov.cn/policies/a/">`,
		`<meta property="og:site_name" content="测试县人民政府">`,
		`<meta property="og:locale" content="zh_CN">`,
		`<meta property="article:published_time" content="2024-03-02T00:00:00&#43;08:00">`, // html/template escapes +,
		`<meta name="SiteName" content="测试县人民政府">`,
		`<meta name="SiteDomain" content="www.ceshi.gov.cn">`,
		`<meta name="SiteIDCode" content="5101000001">`,
		`<meta name="ColumnName" content="政策文件">`,
		`<meta name="ColumnDescription" content="县政府及部门发布的规范性文件">`,
		`<meta name="ColumnType" content="信息公开">`,
		`<meta name="ArticleTitle" content="关于做好&#34;社区&#34;工作的通知">`,
		`<meta name="PubDate" content="2024-03-02 00:00">`,
		`<meta name="ContentSource" content="测试县人民政府、测试县民政局">`,
		`<meta name="Keywords" content="社区治理,基层政权,网格">`,
		`<meta name="Author" content="测试县人民政府、测试县民政局">`,
		`<meta name="Url" content="https://www.ceshi.gov.cn/policies/a/">`,
	} {
		if !strings.Contains(policy, want) {
			t.Errorf("policy page lacks %s", want)
		}
	}
	// The description skips the addressee line and is cut at 120 characters.
	desc := regexp.MustCompile(`<meta name="description" content="([^"]*)">`).FindStringSubmatch(policy)
	if desc == nil || len([]rune(desc[1])) > 121 || !strings.HasSuffix(desc[1], "…") {
		t.Errorf("description not cut to 120 characters: %q", desc)
	}

	s.contains("policies/index.html", `<meta name="ColumnName" content="政策文件">`, `<meta property="og:type" content="website">`,
		`<meta name="description" content="县政府及部门发布的规范性文件">`, `<link rel="canonical" href="https://www.ceshi.gov.cn/policies/">`)
	s.lacks("policies/index.html", `name="ArticleTitle"`, `name="PubDate"`)

	s.contains("index.html", `<meta name="SiteName" content="测试县人民政府">`, `<meta name="SiteIDCode" content="5101000001">`,
		`<meta name="description" content="测试县政策文件与村务公开">`, `<link rel="canonical" href="https://www.ceshi.gov.cn/">`)
	s.lacks("index.html", `name="ColumnName"`, `name="ArticleTitle"`)

	s.contains("disclosures/q4/index.html", `<meta name="ContentSource" content="廖家坝社区居民委员会">`, `<meta name="ColumnName" content="村务公开">`)
}

// Residents follow their village: its page links its own feed, which lists the village's
// disclosures newest first and nothing of other villages.
func TestVillageFeed(t *testing.T) {
	s := buildTxtar(t, metaSite).ok()
	page := s.file("villages/廖家坝社区/index.html")
	for _, want := range []string{
		`<link rel="alternate" type="application/rss+xml" title="廖家坝社区" href="/villages/%E5%BB%96%E5%AE%B6%E5%9D%9D%E7%A4%BE%E5%8C%BA/index.xml">`,
		`type="application/rss+xml">订阅本页更新（RSS）</a>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("village page lacks %s", want)
		}
	}
	feed := s.file("villages/廖家坝社区/index.xml")
	q4, q3 := strings.Index(feed, "第四季度财务收支公示"), strings.Index(feed, "第三季度财务收支公示")
	if q4 < 0 || q3 < 0 || q4 > q3 {
		t.Errorf("village feed does not list its disclosures newest first:\n%s", feed)
	}
	if strings.Contains(feed, "别村的低保公示") {
		t.Error("village feed lists another village's disclosure")
	}
	s.contains("villages/廖家坝社区/index.xml", "<link>https://www.ceshi.gov.cn/disclosures/q4/</link>")

	// A department's feed has an item for each document that gives it tasks.
	s.contains("departments/minzheng/index.html", `href="/departments/minzheng/index.xml"`)
	s.contains("departments/minzheng/index.xml", "<link>https://www.ceshi.gov.cn/policies/a/#duties-h</link>", "县民政局 在本文件中参与 2 项任务。")

	// Issuers and topics are followed too.
	s.contains("documents/issuer/测试县民政局/index.xml", "关于做好&#34;社区&#34;工作的通知")
	s.contains("topics/社区治理/index.xml", "关于做好&#34;社区&#34;工作的通知")
	s.contains("topics/社区治理/index.html", `type="application/rss+xml"`)
}

// Without baseURL the follow feeds are left out like the others, and the pages do not link them.
func TestVillageFeedNeedsBaseURL(t *testing.T) {
	s := buildTxtar(t, strings.Replace(metaSite, "baseURL: https://www.ceshi.gov.cn\n", "", 1)).ok()
	if s.exists("villages/廖家坝社区/index.xml") {
		t.Error("village feed written without baseURL")
	}
	s.lacks("villages/廖家坝社区/index.html", "index.xml")
	s.contains("policies/a/index.html", `<link rel="canonical" href="/policies/a/">`)
}
