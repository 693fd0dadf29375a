package build

import (
	"strings"
	"testing"
)

const policySite = `
-- site.yaml --
title: 功能测试
departments:
  - {name: 市民政局, slug: minzheng}
  - {name: 市住房城乡建设局, aliases: [市住建局], slug: zhujian}
  - {name: 市发展改革委, slug: fagai}
-- content/policies/old.md --
---
title: 旧办法
type: policy
doc_number: 测发〔2018〕3号
status: 已废止
repealed_by: 测发〔2024〕1号
---
第一条 旧的规定。
-- content/policies/new.md --
---
title: 新办法
type: policy
doc_number: 测发〔2024〕1号
repeals: policies/old
issuers: [测试市人民政府]
written: 2024-03-01
---
根据《中共中央国务院关于加强和完善城乡社区治理的意见》（中发[2017]13号）和测发（2018）3号，制定本办法。

第一条 加强社区建设。（责任单位：市民政局、市住建局）

第二条 完善服务设施。（责任单位：市住房城乡建设局牵头，市发改委配合）

| 序号 | 工作任务 | 责任单位 | 完成时限 |
|---|---|---|---|
| 1 | 建设服务中心 | 市民政局、各县（市、区）政府 | 2025年6月 |
| 2 | 长期工作 | 市民政局 | 长期坚持 |
`

func TestPolicyStatusCitationsAndDuties(t *testing.T) {
	s := buildTxtar(t, policySite).ok()
	// The repealed document says so and names its replacement, on its page and in listings.
	s.contains("policies/old/index.html", "本文件已废止", `href="/policies/new/"`)
	s.contains("policies/index.html", "已废止", "请以下列文件为准")
	// A citation with [] brackets reaches the external document's page; one on the site links.
	s.contains("cited/中发〔2017〕13号/index.html", `href="/policies/new/"`)
	s.contains("policies/new/index.html", `href="/cited/%E4%B8%AD%E5%8F%91%E3%80%942017%E3%80%9513%E5%8F%B7/"`, `href="/policies/old/"`)
	s.contains("policies/old/index.html", "被引用", `href="/policies/new/"`)
	// Duties: inline annotations attach to their article, aliases resolve, clauses stay text.
	s.contains("policies/new/index.html", `href="#第一条"`, "各县（市、区）政府")
	dept := s.file("departments/zhujian/index.html")
	if !strings.Contains(dept, "牵头") || !strings.Contains(dept, "参与") {
		t.Errorf("市住建局 and 市住房城乡建设局 should be one department leading one task and joining another:\n%s", dept)
	}
	s.contains("departments/minzheng/index.html", "逾期")
	s.contains("data/duties.csv", "市住房城乡建设局,牵头")
	s.lacks("data/duties.csv", ",市住建局,")
	if len(s.rep.Warnings) != 1 || !strings.Contains(s.rep.Warnings[0], "市发改委") || !strings.Contains(s.rep.Warnings[0], "市发展改革委") {
		t.Errorf("want one warning for 市发改委 suggesting 市发展改革委, got %q", s.rep.Warnings)
	}
	strict := buildTxtar(t, policySite, func(o *Options) { o.Strict = true })
	if strict.err == nil || !strings.Contains(strict.err.Error(), "new.md:13") {
		t.Errorf("--strict: an unregistered department must fail the build with file:line, got %v", strict.err)
	}
}

const disclosureSite = `
-- site.yaml --
title: 公开测试
-- content/disclosures/now.md --
---
title: 正在公示的名单
type: disclosure
village: 示范村
category: 低保
notice: {start: 2026-11-20, end: 2026-12-20}
hotline: 023-70700000
allow_numbers: [023-70700000]
---
| 姓名 | 身份证号 | 电话 |
|---|---|---|
| 陈某 | 500230********123X | 138****5678 |
-- content/disclosures/gone.md --
---
title: 已撤下MARKERGONE
type: disclosure
village: 示范村
category: 低保
notice: {start: 2025-01-01, end: 2025-01-10}
unpublish_after: 2026-01-01
---
MARKERGONE 名单
`

func TestDisclosures(t *testing.T) {
	s := buildTxtar(t, disclosureSite, withIndex).ok()
	s.contains("index.html", "正在公示", "正在公示的名单")
	s.contains("villages/示范村/index.html", "正在公示的名单")
	s.contains("disclosures/category/低保/index.html", "正在公示的名单")
	s.contains("disclosures/month/2026年11月/index.html", "正在公示的名单")
	s.everyFile(func(name, content string) {
		if strings.Contains(content, "MARKERGONE") {
			t.Errorf("%s holds a disclosure past its unpublish_after date", name)
		}
	})
}

func TestPersonalDataGuard(t *testing.T) {
	bad := strings.Replace(disclosureSite, "500230********123X", "11010519491231002X", 1)
	s := buildTxtar(t, bad)
	if s.err == nil || !strings.Contains(s.err.Error(), "now.md:12:") || strings.Contains(s.err.Error(), "11010519491231002X") {
		t.Errorf("a valid ID number must fail the build naming file:line and masking the number, got %v", s.err)
	}
	wrongCheck := strings.Replace(disclosureSite, "500230********123X", "110105194912310021", 1)
	buildTxtar(t, wrongCheck).ok()
	mobile := strings.Replace(disclosureSite, "138****5678", "13812345678", 1)
	if s := buildTxtar(t, mobile); s.err == nil {
		t.Error("an unmasked mobile number must fail the build")
	}
}

func TestEnglishUI(t *testing.T) {
	s := buildTxtar(t, strings.Replace(basicSite, "title: 测试站\n", "title: 测试站\nlanguage: en\n", 1)).ok()
	s.contains("index.html", `lang="en"`, "Skip to content", "Latest policy documents")
	s.contains("policies/a/index.html", "Document number")
}
