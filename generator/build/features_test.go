package build

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/gongkai/gongkai/search"
)

const policySite = `
-- site.yaml --
title: 功能测试
baseURL: https://gongkai.example.gov.cn
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
responsible: 示范村村民委员会
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
responsible: 示范村村民委员会
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
	if s.err == nil || !strings.Contains(s.err.Error(), "now.md:13:") || strings.Contains(s.err.Error(), "11010519491231002X") {
		t.Errorf("a valid ID number must fail the build naming file:line and masking the number, got %v", s.err)
	}
	// A wrong check digit is a typo in someone's ID: region and birth date still point at them.
	wrongCheck := strings.Replace(disclosureSite, "500230********123X", "110105194912310021", 1)
	if s := buildTxtar(t, wrongCheck); s.err == nil {
		t.Error("an ID with a wrong check digit must fail the build")
	}
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

func TestDutiesFromCSVFile(t *testing.T) {
	s := buildTxtar(t, `
-- site.yaml --
title: 分工
departments:
  - {name: 市民政局, slug: minzheng}
  - {name: 市财政局, slug: caizheng}
-- content/policies/plan.md --
---
title: 分工方案
type: policy
duties_file: plan-duties.csv
duty_lead: first
---
正文见附表。
-- content/policies/plan-duties.csv --
序号,工作任务,责任单位,完成时限
1,建设社区服务中心,市民政局、市财政局,2025年6月
2,培训社区工作者,市财政局,长期坚持
`).ok()
	s.contains("policies/plan/index.html", "建设社区服务中心", "培训社区工作者")
	s.contains("departments/caizheng/index.html", "建设社区服务中心", "培训社区工作者")
	s.contains("data/duties.csv", "建设社区服务中心,市民政局,牵头", "建设社区服务中心,市财政局,参与")
}

func TestUnpublishedDisclosureIsNotSearchable(t *testing.T) {
	dir := t.TempDir()
	for name, content := range map[string]string{
		"site.yaml":                  "title: 公开\n",
		"content/disclosures/now.md": "---\ntitle: 公示名单\ntype: disclosure\nresponsible: 村民委员会\nvillage: 示范村\ncategory: 低保\nnotice: {start: 2026-11-01, end: 2026-12-01}\n---\n名单MARKERNOW\n",
		"content/disclosures/old.md": "---\ntitle: 旧名单\ntype: disclosure\nresponsible: 村民委员会\nvillage: 示范村\ncategory: 低保\nnotice: {start: 2025-01-01, end: 2025-01-10}\nunpublish_after: 2026-01-01\n---\n名单MARKERGONE\n",
		"content/draft.md":           "---\ntitle: 草稿\ndraft: true\n---\n草稿MARKERDRAFT\n",
		// unpublish_after acts on every page type, in every front matter format and encoding.
		"content/notice.md":     "---\ntitle: 通知\nunpublish_after: 2026-01-01\n---\n通知MARKERPLAIN\n",
		"content/policies/p.md": "+++\ntitle = \"文件\"\nUnpublish_After = 2026-01-01\n+++\n文件MARKERPOLICY\n",
		"content/le.md":         "\xff\xfe" + utf16le("---\r\ntitle: 名单\r\nDRAFT: true\r\n---\r\n名单MARKERUTF16\r\n"),
	} {
		writeOS(t, dir, name, content)
	}
	if _, err := Run(Options{Source: dir, Now: testNow, Workers: 2}); err != nil {
		t.Fatal(err)
	}
	ix, err := search.Open(filepath.Join(dir, "public", IndexPath))
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	for q, want := range map[string]int{"MARKERNOW": 1, "MARKERGONE": 0, "MARKERDRAFT": 0, "MARKERPLAIN": 0, "MARKERPOLICY": 0, "MARKERUTF16": 0} {
		res, err := ix.Search(context.Background(), search.Request{Query: q})
		if err != nil {
			t.Fatal(err)
		}
		if res.Total != want {
			t.Errorf("search %s: %d hits, want %d", q, res.Total, want)
		}
	}
}

// utf16le encodes s as UTF-16 LE without a byte order mark.
func utf16le(s string) string {
	var b []byte
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u), byte(u>>8))
	}
	return string(b)
}
